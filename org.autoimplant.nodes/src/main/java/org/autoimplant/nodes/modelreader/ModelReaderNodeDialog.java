package org.autoimplant.nodes.modelreader;

import javax.swing.JFileChooser;
import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentFileChooser;

/** The Model Reader's dialog. */
final class ModelReaderNodeDialog extends DefaultNodeSettingsPane {
    ModelReaderNodeDialog() {
        ModelReaderNodeSettings s = new ModelReaderNodeSettings();
        DialogComponentFileChooser file = new DialogComponentFileChooser(s.file, "autoimplant-model",
                JFileChooser.OPEN_DIALOG, ".zip");
        file.setBorderTitle("Model file");
        addDialogComponent(file);
    }
}
