package org.autoimplant.core.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import org.autoimplant.core.io.VolumeInputs;
import picocli.CommandLine.Option;

/** {@code --series UID|NUMBER}: which DICOM series of a folder to read, for every command that reads a CT. */
final class SeriesOption {
    @Option(names = "--series", paramLabel = "UID|NUMBER", description = "DICOM input: the series to read (Series"
            + " Instance UID or Series Number; default: the CT series with the most slices).")
    String series;

    /** Reads {@code in} (NRRD, or a DICOM folder or file), printing what DICOM reading noticed to {@code out}. */
    VolumeInputs.Loaded read(Path in, PrintWriter out) throws IOException {
        VolumeInputs.Loaded l = VolumeInputs.read(in, series, VolumeInputs.isDicom(in) ? new ConsoleProgress()
                : org.autoimplant.core.util.Progress.NONE);
        if (!l.format().equals("NRRD")) {
            out.println(in + ": " + l.format());
            l.notes().forEach(n -> out.println("  " + n));
        }
        return l;
    }
}
