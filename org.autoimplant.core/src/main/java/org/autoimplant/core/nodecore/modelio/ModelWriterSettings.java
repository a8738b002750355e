package org.autoimplant.core.nodecore.modelio;

import org.autoimplant.core.nodecore.IfExists;
import org.autoimplant.core.nodecore.NodeSettingsException;

/**
 * Settings of the Model Writer node.
 *
 * @param file the model zip to write
 * @param ifExists fail or overwrite when the file exists ("skip" keeps the old model and writes nothing)
 * @param createFolder create the file's folder (and its parents) when it does not exist
 */
public record ModelWriterSettings(String file, IfExists ifExists, boolean createFolder) {
    public ModelWriterSettings {
        file = file == null ? "" : file.strip();
    }

    public static ModelWriterSettings defaults() {
        return new ModelWriterSettings("", IfExists.FAIL, true);
    }

    public void validate() throws NodeSettingsException {
        NodeSettingsException.require(!file.isEmpty(), "Choose the file to save the model to (.zip)");
        NodeSettingsException.require(ifExists != null, "Choose what to do when the file exists");
    }
}
