package org.autoimplant.nodes.designer;

import org.autoimplant.core.nodecore.Choices;
import org.autoimplant.core.nodecore.NodeSettingsException;
import org.autoimplant.core.nodecore.design.ImplantDesign;
import org.autoimplant.core.nodecore.design.ImplantDesign.Mode;
import org.autoimplant.nodes.common.CoreSettings;
import org.autoimplant.nodes.data.VolumeValue;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelDoubleBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/** The Implant Designer's options. */
public final class ImplantDesignerNodeSettings extends CoreSettings<ImplantDesign.Settings> {
    private static final ImplantDesign.Settings DEFAULTS = ImplantDesign.Settings.defaults();
    /** The table port (after the three optional model ports). */
    static final int TABLE = 3;

    public final SettingsModelString input = column("input_column", "Input column", TABLE, false, VolumeValue.class);
    public final SettingsModelBoolean ct = check("ct_input", DEFAULTS.ctInput(),
            "The input is a CT (extract the skull first)");
    public final SettingsModelDoubleBounded threshold = number("threshold", DEFAULTS.threshold(), -1024, 4000,
            "Bone threshold (HU)");
    public final SettingsModelString mode = choice("mode", DEFAULTS.mode(), "Method", Mode.values(),
            "Direct (N1 + N2)", "Skull shape completion");
    public final SettingsModelBoolean largest = check("largest_component", DEFAULTS.largestComponent(),
            "Keep only the largest connected part");
    public final SettingsModelString failures = onFailure();

    @Override
    public ImplantDesign.Settings toCore() throws NodeSettingsException {
        ImplantDesign.Settings s = new ImplantDesign.Settings(Choices.parse(Mode.class, mode.getStringValue(),
                "method"), ct.getBooleanValue(), threshold.getDoubleValue(), largest.getBooleanValue());
        s.validate();
        return s;
    }
}
