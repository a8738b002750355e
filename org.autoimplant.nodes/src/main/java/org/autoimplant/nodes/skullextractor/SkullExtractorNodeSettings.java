package org.autoimplant.nodes.skullextractor;

import org.autoimplant.core.nodecore.NodeSettingsException;
import org.autoimplant.core.nodecore.volumeops.SkullExtraction;
import org.autoimplant.nodes.common.CoreSettings;
import org.autoimplant.nodes.data.VolumeValue;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelDoubleBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/** The Skull Extractor's options. */
public final class SkullExtractorNodeSettings extends CoreSettings<SkullExtraction.Settings> {
    private static final SkullExtraction.Settings DEFAULTS = SkullExtraction.Settings.defaults();

    public final SettingsModelString ct = column("ct_column", "CT column", 0, false, VolumeValue.class);
    public final SettingsModelDoubleBounded threshold = number("threshold", DEFAULTS.threshold(), -1024, 4000,
            "Bone threshold (HU)");
    public final SettingsModelBoolean largest = check("largest_component", DEFAULTS.largestComponent(),
            "Keep only the largest connected part");
    public final SettingsModelString failures = onFailure();

    @Override
    public SkullExtraction.Settings toCore() throws NodeSettingsException {
        SkullExtraction.Settings s = new SkullExtraction.Settings(threshold.getDoubleValue(), largest.getBooleanValue());
        s.validate();
        return s;
    }
}
