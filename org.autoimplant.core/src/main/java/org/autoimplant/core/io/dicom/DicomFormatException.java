package org.autoimplant.core.io.dicom;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A DICOM file or series that cannot be read as a volume: not DICOM, truncated, pixel data shorter
 * than its header says, a transfer syntax we do not decode, slices that do not form a regular grid.
 * The message starts with the file (or folder) and says what is wrong, so it can be shown as it is.
 */
public class DicomFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    public DicomFormatException(Path where, String problem) {
        super((where == null ? "" : where + ": ") + problem);
    }

    public DicomFormatException(Path where, String problem, Throwable cause) {
        super((where == null ? "" : where + ": ") + problem, cause);
    }
}
