package org.autoimplant.core.nodecore.dicomreader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.autoimplant.core.io.dicom.DicomSeries;
import org.autoimplant.core.io.dicom.DicomVolumes;
import org.autoimplant.core.nodecore.NodeSettingsException;
import org.autoimplant.core.nodecore.PathResolver;
import org.autoimplant.core.util.Progress;

/**
 * The DICOM Series Reader node: a folder (searched recursively) → one volume per image series, in
 * Hounsfield units for CT, with the geometry the DICOM reader gives. Scans first (headers only),
 * then reads one series at a time.
 */
public final class DicomReading {
    /** @param folder the study folder; @param ctOnly only CT series (else every image series) */
    public record Settings(String folder, boolean ctOnly) {
        public static Settings defaults() {
            return new Settings("", true);
        }

        public void validate() throws NodeSettingsException {
            NodeSettingsException.require(folder != null && !folder.isBlank(), "Choose the folder with the DICOM files");
        }
    }

    /** What a scan found: the series to read, and notes (skipped files, series left out). */
    public record Plan(Path folder, List<DicomSeries.Series> series, List<String> notes) {
    }

    private DicomReading() {
    }

    public static Plan plan(Settings s, PathResolver resolver, Progress progress) throws IOException,
            NodeSettingsException {
        s.validate();
        Path folder = resolver.resolve(s.folder());
        if (!Files.exists(folder)) {
            throw new IOException(folder + ": no such folder");
        }
        DicomSeries.Found found = DicomSeries.scan(folder, m -> progress.update(0, m));
        List<DicomSeries.Series> chosen = new ArrayList<>();
        List<String> notes = new ArrayList<>(found.notes());
        for (DicomSeries.Series x : found.series()) {
            if (!s.ctOnly() || "CT".equalsIgnoreCase(x.modality())) {
                chosen.add(x);
            } else {
                notes.add("left out (not CT): " + x);
            }
        }
        if (chosen.isEmpty()) {
            throw new IOException(folder + ": no " + (s.ctOnly() ? "CT " : "") + "image series here"
                    + (found.series().isEmpty() ? "" : "; found: " + found.series()) + (notes.isEmpty() ? ""
                            : " (" + String.join("; ", notes) + ")"));
        }
        return new Plan(folder, chosen, notes);
    }

    public static DicomVolumes.Read read(Plan p, DicomSeries.Series s, Progress progress) throws IOException {
        return DicomVolumes.readSeries(p.folder(), s, progress);
    }
}
