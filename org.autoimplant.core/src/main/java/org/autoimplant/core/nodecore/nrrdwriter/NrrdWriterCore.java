package org.autoimplant.core.nodecore.nrrdwriter;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.autoimplant.core.io.NrrdWriteOptions;
import org.autoimplant.core.io.NrrdWriter;
import org.autoimplant.core.nodecore.FileTargets;
import org.autoimplant.core.nodecore.FileTargets.Target;
import org.autoimplant.core.nodecore.NodeSettingsException;
import org.autoimplant.core.nodecore.PathResolver;
import org.autoimplant.core.volume.Volume;

/**
 * What the NRRD Writer node does, without KNIME: plan every row's file first ({@link FileTargets}:
 * two rows that would write the same file, or a file that exists under "fail", stop the node
 * before anything is written), then write row by row ({@link FileTargets#write}), each file
 * atomically.
 */
public final class NrrdWriterCore {
    private NrrdWriterCore() {
    }

    /** A safe NRRD file name for {@code name}: ".nrrd" is added unless it ends in .nrrd or .nhdr. */
    public static String fileName(String name) throws NodeSettingsException {
        return FileTargets.fileName(name, ".nrrd", ".nrrd", ".nhdr");
    }

    /**
     * The output folder (created when asked) and one target per row; {@code names[i]} is row i's
     * name (its id or the name column's value). See {@link FileTargets#plan} for what is refused.
     */
    public static List<Target> plan(NrrdWriterSettings s, PathResolver resolver, List<String> rowIds,
            List<String> names) throws IOException, NodeSettingsException {
        s.validate();
        List<String> files = new ArrayList<>(names.size());
        for (String n : names) {
            files.add(fileName(n));
        }
        return FileTargets.plan(s.folder(), s.createFolder(), s.ifExists(), resolver, rowIds, files);
    }

    /** Writes one row's volume as the settings ask (encoding), atomically. */
    public static void write(NrrdWriterSettings s, Volume v, java.nio.file.Path file) throws IOException {
        NrrdWriter.write(v, file, NrrdWriteOptions.defaults().withEncoding(s.encoding()));
    }
}
