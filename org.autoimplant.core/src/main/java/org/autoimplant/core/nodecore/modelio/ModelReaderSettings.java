package org.autoimplant.core.nodecore.modelio;

import org.autoimplant.core.nodecore.NodeSettingsException;

/**
 * Settings of the Model Reader node.
 *
 * @param file the model zip to read
 */
public record ModelReaderSettings(String file) {
    public ModelReaderSettings {
        file = file == null ? "" : file.strip();
    }

    public static ModelReaderSettings defaults() {
        return new ModelReaderSettings("");
    }

    public void validate() throws NodeSettingsException {
        NodeSettingsException.require(!file.isEmpty(), "Choose the AutoImplant model file (.zip) to read");
    }
}
