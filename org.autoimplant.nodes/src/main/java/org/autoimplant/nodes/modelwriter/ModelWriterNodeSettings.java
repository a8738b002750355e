package org.autoimplant.nodes.modelwriter;

import org.autoimplant.core.nodecore.Choices;
import org.autoimplant.core.nodecore.IfExists;
import org.autoimplant.core.nodecore.NodeSettingsException;
import org.autoimplant.core.nodecore.modelio.ModelWriterSettings;
import org.autoimplant.nodes.common.CoreSettings;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/** The Model Writer's options as KNIME settings. */
public final class ModelWriterNodeSettings extends CoreSettings<ModelWriterSettings> {
    private static final ModelWriterSettings DEFAULTS = ModelWriterSettings.defaults();

    public final SettingsModelString file = add("file", new SettingsModelString("file", ""));
    public final SettingsModelString ifExists = add("if_exists",
            new SettingsModelString("if_exists", Choices.id(DEFAULTS.ifExists())));
    public final SettingsModelBoolean createFolder = add("create_folder",
            new SettingsModelBoolean("create_folder", DEFAULTS.createFolder()));

    @Override
    public ModelWriterSettings toCore() throws NodeSettingsException {
        ModelWriterSettings s = new ModelWriterSettings(file.getStringValue(),
                Choices.parse(IfExists.class, ifExists.getStringValue(), "choice for an existing file"),
                createFolder.getBooleanValue());
        s.validate();
        return s;
    }
}
