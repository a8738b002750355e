package org.autoimplant.nodes.stlwriter;

import org.autoimplant.core.mesh.TaubinSmoothing;
import org.autoimplant.core.nodecore.Choices;
import org.autoimplant.core.nodecore.IfExists;
import org.autoimplant.core.nodecore.NodeSettingsException;
import org.autoimplant.core.nodecore.stl.StlWriting;
import org.autoimplant.nodes.common.CoreSettings;
import org.autoimplant.nodes.data.VolumeValue;
import org.knime.core.data.StringValue;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/** The STL Writer's options. */
public final class StlWriterNodeSettings extends CoreSettings<StlWriting.Settings> {
    private static final StlWriting.Settings DEFAULTS = StlWriting.Settings.defaults();

    public final SettingsModelString implant = column("implant_column", "Implant column", 0, false, VolumeValue.class);
    public final SettingsModelString folder = location("folder", "Folder", true, true);
    public final SettingsModelBoolean createFolder = check("create_folder", DEFAULTS.createFolder(),
            "Create the folder if it does not exist");
    public final SettingsModelString names = column("name_column", "File names from (none: row ids)", 0, true,
            StringValue.class);
    public final SettingsModelIntegerBounded smoothing = integer("smoothing", DEFAULTS.smoothing(), 0,
            TaubinSmoothing.MAX_ITERATIONS, "Smoothing iterations");
    public final SettingsModelString ifExists = choice("if_exists", DEFAULTS.ifExists(), "If a file exists",
            IfExists.values(), "Fail", "Overwrite", "Skip");

    @Override
    public StlWriting.Settings toCore() throws NodeSettingsException {
        StlWriting.Settings s = new StlWriting.Settings(folder.getStringValue(), names.getStringValue(),
                smoothing.getIntValue(), Choices.parse(IfExists.class, ifExists.getStringValue(), "choice for existing"
                        + " files"), createFolder.getBooleanValue());
        s.validate();
        return s;
    }
}
