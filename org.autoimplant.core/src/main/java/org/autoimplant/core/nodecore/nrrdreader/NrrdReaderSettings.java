package org.autoimplant.core.nodecore.nrrdreader;

import java.util.List;
import org.autoimplant.core.io.VolumeFiles;
import org.autoimplant.core.nodecore.NodeSettingsException;

/**
 * Settings of the NRRD Reader node.
 *
 * @param source what to read: listed files, a folder, or a dataset in the AutoImplant layout
 * @param files the files of {@link Source#FILES}, one location each
 * @param folder the folder of {@link Source#FOLDER} and {@link Source#PAIRED}
 * @param pattern glob on file names for {@link Source#FOLDER}, ignoring letter case
 * @param recursive also read sub-folders ({@link Source#FOLDER})
 * @param readAs binary masks (any value &gt; 0 is inside) or the files' own voxel types
 */
public record NrrdReaderSettings(Source source, List<String> files, String folder, String pattern, boolean recursive,
        ReadAs readAs) {

    /** Where the volumes come from. */
    public enum Source {
        /** The files listed in {@code files}. */
        FILES,
        /** Every volume file in {@code folder} whose name matches {@code pattern}. */
        FOLDER,
        /** {@code folder}/defective_skull, implant and complete_skull, paired by file name: one row per case. */
        PAIRED
    }

    /** How voxels are read. */
    public enum ReadAs {
        /** Binary mask: any value &gt; 0 is inside (skulls, implants). */
        MASK,
        /** The file's own voxel type and values (CT in Hounsfield units, probabilities). */
        KEEP_TYPE
    }

    public NrrdReaderSettings {
        files = files == null ? List.of() : List.copyOf(files);
        folder = folder == null ? "" : folder.strip();
        pattern = pattern == null || pattern.isBlank() ? VolumeFiles.DEFAULT_PATTERN : pattern.strip();
    }

    /** Defaults: an AutoImplant dataset folder (to be chosen), read as masks. */
    public static NrrdReaderSettings defaults() {
        return new NrrdReaderSettings(Source.PAIRED, List.of(), "", VolumeFiles.DEFAULT_PATTERN, false, ReadAs.MASK);
    }

    /** Checks the settings on their own (no file access). */
    public void validate() throws NodeSettingsException {
        NodeSettingsException.require(source != null, "Choose what to read: files, a folder or an AutoImplant dataset");
        NodeSettingsException.require(readAs != null, "Choose how to read the voxels: as masks or keeping their type");
        switch (source) {
            case FILES -> {
                NodeSettingsException.require(!files.isEmpty() && files.stream().noneMatch(String::isBlank),
                        "Choose at least one NRRD file to read");
            }
            case FOLDER, PAIRED -> NodeSettingsException.require(!folder.isEmpty(),
                    source == Source.PAIRED ? "Choose the dataset folder (the one holding defective_skull/)"
                            : "Choose the folder to read NRRD files from");
        }
        if (source == Source.FOLDER) {
            try {
                VolumeFiles.matcher(pattern);
            } catch (IllegalArgumentException e) {
                throw new NodeSettingsException(e.getMessage());
            }
        }
    }
}
