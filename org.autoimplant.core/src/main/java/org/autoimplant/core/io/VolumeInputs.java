package org.autoimplant.core.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.autoimplant.core.io.dicom.DicomVolumes;
import org.autoimplant.core.util.Progress;
import org.autoimplant.core.volume.Volume;

/**
 * A volume from what a user has: a NRRD file, or a DICOM series (a folder, searched recursively,
 * or one DICOM file). Commands that read a CT take any of them.
 */
public final class VolumeInputs {
    /** The volume, how it was stored ("NRRD", or the DICOM series it came from) and what reading noticed. */
    public record Loaded(Volume volume, String format, List<String> notes) {
    }

    private VolumeInputs() {
    }

    /** True when {@code p} is read as DICOM: a folder, or a file that is not .nrrd/.nhdr and starts as DICOM. */
    public static boolean isDicom(Path p) {
        return Files.isDirectory(p) || !VolumeFiles.isVolumeName(p.getFileName().toString())
                && DicomVolumes.isDicom(p);
    }

    /** Reads {@code p}; {@code series} (UID or number, may be null) picks a DICOM series. */
    public static Loaded read(Path p, String series, Progress progress) throws IOException {
        if (isDicom(p)) {
            DicomVolumes.Read r = DicomVolumes.read(p, series, progress);
            return new Loaded(r.volume(), "DICOM " + r.series(), r.notes());
        }
        if (series != null) {
            throw new IllegalArgumentException("--series is for DICOM input; " + p + " is a NRRD file");
        }
        if (!Files.exists(p)) {
            throw new IOException(p + ": no such file or folder");
        }
        return new Loaded(NrrdReader.read(p), "NRRD", List.of());
    }
}
