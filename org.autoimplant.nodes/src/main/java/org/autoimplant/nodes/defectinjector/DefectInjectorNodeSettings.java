package org.autoimplant.nodes.defectinjector;

import org.autoimplant.core.data.DefectShape;
import org.autoimplant.core.nodecore.Choices;
import org.autoimplant.core.nodecore.NodeSettingsException;
import org.autoimplant.core.nodecore.volumeops.DefectInjection;
import org.autoimplant.nodes.common.CoreSettings;
import org.autoimplant.nodes.data.VolumeValue;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelLongBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/** The Defect Injector's options. */
public final class DefectInjectorNodeSettings extends CoreSettings<DefectInjection.Settings> {
    private static final DefectInjection.Settings DEFAULTS = DefectInjection.Settings.defaults();

    public final SettingsModelString skull = column("skull_column", "Skull column", 0, false, VolumeValue.class);
    public final SettingsModelString shape = choice("shape", DEFAULTS.shape(), "Defect shape", DefectShape.values(),
            "Cube", "Fixed cube", "Sphere", "Varied");
    public final SettingsModelIntegerBounded size = integer("size", DEFAULTS.size(), 2, 4096, "Size (voxels)");
    public final SettingsModelLongBounded seed = longInteger("seed", DEFAULTS.seed(), Long.MIN_VALUE, Long.MAX_VALUE,
            "Seed");
    public final SettingsModelString failures = onFailure();

    @Override
    public DefectInjection.Settings toCore() throws NodeSettingsException {
        DefectInjection.Settings s = new DefectInjection.Settings(Choices.parse(DefectShape.class, shape.getStringValue(),
                "defect shape"), size.getIntValue(), seed.getLongValue());
        s.validate();
        return s;
    }
}
