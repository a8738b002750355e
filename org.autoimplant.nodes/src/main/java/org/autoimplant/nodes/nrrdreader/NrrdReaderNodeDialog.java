package org.autoimplant.nodes.nrrdreader;

import javax.swing.JFileChooser;
import org.autoimplant.core.nodecore.Choices;
import org.autoimplant.core.nodecore.nrrdreader.NrrdReaderSettings.ReadAs;
import org.autoimplant.core.nodecore.nrrdreader.NrrdReaderSettings.Source;
import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentBoolean;
import org.knime.core.node.defaultnodesettings.DialogComponentButtonGroup;
import org.knime.core.node.defaultnodesettings.DialogComponentFileChooser;
import org.knime.core.node.defaultnodesettings.DialogComponentMultiLineString;
import org.knime.core.node.defaultnodesettings.DialogComponentString;

/** The NRRD Reader's dialog: where to read from, and how. */
final class NrrdReaderNodeDialog extends DefaultNodeSettingsPane {
    NrrdReaderNodeDialog() {
        NrrdReaderNodeSettings s = new NrrdReaderNodeSettings();
        addDialogComponent(new DialogComponentButtonGroup(s.source, "Read", true,
                new String[] {"AutoImplant dataset (defective_skull/, implant/, complete_skull/)", "Folder",
                    "Files"},
                new String[] {Choices.id(Source.PAIRED), Choices.id(Source.FOLDER), Choices.id(Source.FILES)}));
        DialogComponentFileChooser folder = new DialogComponentFileChooser(s.folder, "autoimplant-nrrd-folder",
                JFileChooser.OPEN_DIALOG, true);
        folder.setBorderTitle("Dataset or folder");
        addDialogComponent(folder);
        addDialogComponent(new DialogComponentString(s.pattern, "File name pattern (folder)"));
        addDialogComponent(new DialogComponentBoolean(s.recursive, "Include sub-folders (folder)"));
        addDialogComponent(new DialogComponentMultiLineString(s.files, "Files"));
        addDialogComponent(new DialogComponentButtonGroup(s.readAs, "Voxels", false,
                new String[] {"Mask (any value > 0 is inside)", "Keep the file's type"},
                new String[] {Choices.id(ReadAs.MASK), Choices.id(ReadAs.KEEP_TYPE)}));
        s.source.addChangeListener(e -> enable(s));
        enable(s);
    }

    private static void enable(NrrdReaderNodeSettings s) {
        String src = s.source.getStringValue();
        boolean files = Choices.id(Source.FILES).equals(src);
        boolean folder = Choices.id(Source.FOLDER).equals(src);
        s.files.setEnabled(files);
        s.folder.setEnabled(!files);
        s.pattern.setEnabled(folder);
        s.recursive.setEnabled(folder);
    }
}
