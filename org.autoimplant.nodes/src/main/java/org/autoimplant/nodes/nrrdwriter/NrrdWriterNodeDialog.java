package org.autoimplant.nodes.nrrdwriter;

import javax.swing.JFileChooser;
import org.autoimplant.core.io.NrrdEncoding;
import org.autoimplant.core.nodecore.Choices;
import org.autoimplant.core.nodecore.IfExists;
import org.autoimplant.nodes.data.VolumeValue;
import org.knime.core.data.StringValue;
import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentBoolean;
import org.knime.core.node.defaultnodesettings.DialogComponentButtonGroup;
import org.knime.core.node.defaultnodesettings.DialogComponentColumnNameSelection;
import org.knime.core.node.defaultnodesettings.DialogComponentFileChooser;

/** The NRRD Writer's dialog. */
final class NrrdWriterNodeDialog extends DefaultNodeSettingsPane {
    @SuppressWarnings("unchecked")
    NrrdWriterNodeDialog() {
        NrrdWriterNodeSettings s = new NrrdWriterNodeSettings();
        addDialogComponent(new DialogComponentColumnNameSelection(s.volumeColumn, "Volume column", 0, VolumeValue.class));
        DialogComponentFileChooser folder = new DialogComponentFileChooser(s.folder, "autoimplant-nrrd-out",
                JFileChooser.SAVE_DIALOG, true);
        folder.setBorderTitle("Folder");
        addDialogComponent(folder);
        addDialogComponent(new DialogComponentBoolean(s.createFolder, "Create the folder if it does not exist"));
        addDialogComponent(new DialogComponentColumnNameSelection(s.nameColumn, "File names from", 0, false,
                StringValue.class));
        addDialogComponent(new DialogComponentButtonGroup(s.encoding, "Encoding", false,
                new String[] {"gzip", "bzip2", "raw"}, new String[] {NrrdEncoding.GZIP.headerName(),
                    NrrdEncoding.BZIP2.headerName(), NrrdEncoding.RAW.headerName()}));
        addDialogComponent(new DialogComponentButtonGroup(s.ifExists, "If a file exists", false,
                new String[] {"Fail", "Overwrite", "Skip"},
                new String[] {Choices.id(IfExists.FAIL), Choices.id(IfExists.OVERWRITE), Choices.id(IfExists.SKIP)}));
    }
}
