package org.autoimplant.core.nodecore.stl;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.autoimplant.core.mesh.MaskMeshing;
import org.autoimplant.core.mesh.TaubinSmoothing;
import org.autoimplant.core.nodecore.FileTargets;
import org.autoimplant.core.nodecore.IfExists;
import org.autoimplant.core.nodecore.NodeSettingsException;
import org.autoimplant.core.nodecore.PathResolver;

/**
 * The STL Writer node: each row's implant as a closed, outward-oriented surface in millimetres of
 * the volume's patient space (so it lines up with the CT in a slicer or CAD tool), Taubin-smoothed,
 * one binary STL file per row, planned and written like the NRRD Writer's files.
 */
public final class StlWriting {
    /** @param nameColumn a string column with the file names, or empty for the row ids */
    public record Settings(String folder, String nameColumn, int smoothing, IfExists ifExists, boolean createFolder) {
        public Settings {
            folder = folder == null ? "" : folder.strip();
            nameColumn = nameColumn == null ? "" : nameColumn;
        }

        public static Settings defaults() {
            return new Settings("", "", MaskMeshing.DEFAULT_SMOOTHING, IfExists.FAIL, true);
        }

        public void validate() throws NodeSettingsException {
            NodeSettingsException.require(!folder.isEmpty(), "Choose the folder to write the STL files into");
            NodeSettingsException.require(smoothing >= 0 && smoothing <= TaubinSmoothing.MAX_ITERATIONS,
                    "Smoothing must be 0 … " + TaubinSmoothing.MAX_ITERATIONS + " iterations");
            NodeSettingsException.require(ifExists != null, "Choose what to do when a file exists");
        }
    }

    private StlWriting() {
    }

    /** One target per row: {@code names[i]} + ".stl" unless it ends in .stl already. */
    public static List<FileTargets.Target> plan(Settings s, PathResolver resolver, List<String> rowIds,
            List<String> names) throws IOException, NodeSettingsException {
        s.validate();
        List<String> files = new ArrayList<>(names.size());
        for (String n : names) {
            files.add(FileTargets.fileName(n, ".stl"));
        }
        return FileTargets.plan(s.folder(), s.createFolder(), s.ifExists(), resolver, rowIds, files);
    }
}
