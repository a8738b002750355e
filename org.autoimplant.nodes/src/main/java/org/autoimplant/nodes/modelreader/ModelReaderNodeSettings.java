package org.autoimplant.nodes.modelreader;

import org.autoimplant.core.nodecore.NodeSettingsException;
import org.autoimplant.core.nodecore.modelio.ModelReaderSettings;
import org.autoimplant.nodes.common.CoreSettings;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/** The Model Reader's options as KNIME settings. */
public final class ModelReaderNodeSettings extends CoreSettings<ModelReaderSettings> {
    public final SettingsModelString file = add("file", new SettingsModelString("file", ""));

    @Override
    public ModelReaderSettings toCore() throws NodeSettingsException {
        ModelReaderSettings s = new ModelReaderSettings(file.getStringValue());
        s.validate();
        return s;
    }
}
