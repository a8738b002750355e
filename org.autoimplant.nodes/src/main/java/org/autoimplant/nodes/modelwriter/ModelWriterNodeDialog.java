package org.autoimplant.nodes.modelwriter;

import javax.swing.JFileChooser;
import org.autoimplant.core.nodecore.Choices;
import org.autoimplant.core.nodecore.IfExists;
import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentButtonGroup;
import org.knime.core.node.defaultnodesettings.DialogComponentFileChooser;

/** The Model Writer's dialog. */
final class ModelWriterNodeDialog extends DefaultNodeSettingsPane {
    ModelWriterNodeDialog() {
        ModelWriterNodeSettings s = new ModelWriterNodeSettings();
        DialogComponentFileChooser file = new DialogComponentFileChooser(s.file, "autoimplant-model",
                JFileChooser.SAVE_DIALOG, ".zip");
        file.setBorderTitle("Model file");
        addDialogComponent(file);
        addDialogComponent(new org.knime.core.node.defaultnodesettings.DialogComponentBoolean(s.createFolder,
                "Create the folder if it does not exist"));
        addDialogComponent(new DialogComponentButtonGroup(s.ifExists, "If the file exists", false,
                new String[] {"Fail", "Overwrite", "Skip"},
                new String[] {Choices.id(IfExists.FAIL), Choices.id(IfExists.OVERWRITE), Choices.id(IfExists.SKIP)}));
    }
}
