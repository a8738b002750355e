package org.autoimplant.core.io.dicom;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The image series in a folder (searched recursively, any file names) or a single file: files are
 * grouped by Series Instance UID; non-DICOM files, DICOMDIRs and objects without pixel data are
 * skipped and counted. Each series lists its slices: one per single-frame file, one per frame of a
 * multi-frame (enhanced) file.
 */
public final class DicomSeries {
    /** One series: its UID, number, description, modality and slices (in file order, not yet sorted). */
    public static final class Series {
        final String uid;
        final int number;
        final String description;
        final String modality;
        final List<Slice> slices = new ArrayList<>();

        Series(String uid, int number, String description, String modality) {
            this.uid = uid;
            this.number = number;
            this.description = description;
            this.modality = modality;
        }

        public String uid() {
            return uid;
        }

        public int number() {
            return number;
        }

        public String description() {
            return description == null ? "" : description;
        }

        public String modality() {
            return modality == null ? "" : modality;
        }

        public int sliceCount() {
            return slices.size();
        }

        /** "CT series 3 (1.2.…): 245 slices, «Head 1.0»". */
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s series %s (%s): %d slice%s%s", modality().isEmpty() ? "image"
                    : modality(), number < 0 ? "-" : Integer.toString(number), uid, slices.size(),
                    slices.size() == 1 ? "" : "s", description().isEmpty() ? "" : ", «" + description + "»");
        }
    }

    /** One 2-D image: a file, and the frame within it. */
    record Slice(DicomParser.DicomFile file, int frame, int frames, DicomDataset frameGroups, DicomDataset shared) {
    }

    /** What a scan found. */
    public record Found(List<Series> series, int skipped, List<String> notes) {
    }

    private DicomSeries() {
    }

    /** The series in {@code path} (a folder, searched recursively, or one file). */
    public static Found scan(Path path, Consumer<String> progress) throws IOException {
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(path)) {
            try (Stream<Path> s = Files.walk(path)) {
                s.filter(Files::isRegularFile).sorted().forEach(files::add);
            }
        } else if (Files.isRegularFile(path)) {
            files.add(path);
        } else {
            throw new DicomFormatException(path, "no such file or folder");
        }
        Map<String, Series> byUid = new LinkedHashMap<>();
        int skipped = 0, dicomdirs = 0, noPixels = 0, unreadable = 0;
        List<String> notes = new ArrayList<>();
        int done = 0;
        for (Path f : files) {
            if (++done % 100 == 0) {
                progress.accept("scanned " + done + " of " + files.size() + " files");
            }
            if (files.size() == 1 && !Files.isDirectory(path) && !DicomParser.looksLikeDicom(f)) {
                DicomParser.read(f); // says why it is not DICOM
            }
            if (!DicomParser.looksLikeDicom(f)) {
                skipped++;
                continue;
            }
            DicomParser.DicomFile d;
            try {
                d = DicomParser.read(f);
            } catch (DicomFormatException e) {
                if (files.size() == 1) {
                    throw e;
                }
                unreadable++;
                notes.add("skipped " + e.getMessage());
                continue;
            }
            if (d.pixels() == null && DicomParser.MEDIA_STORAGE_DIRECTORY.equals(d.data().string(
                    Tags.MEDIA_STORAGE_SOP_CLASS_UID)) || d.data().contains(Tags.DIRECTORY_RECORD_SEQUENCE)) {
                dicomdirs++;
                continue;
            }
            if (d.pixels() == null || d.data().integer(Tags.ROWS, 0) == 0) {
                noPixels++;
                continue;
            }
            String uid = d.data().string(Tags.SERIES_INSTANCE_UID);
            if (uid == null) {
                uid = "(no series UID)";
            }
            Series s = byUid.get(uid);
            if (s == null) {
                s = new Series(uid, d.data().integer(Tags.SERIES_NUMBER, -1), d.data().string(Tags.SERIES_DESCRIPTION),
                        d.data().string(Tags.MODALITY));
                byUid.put(uid, s);
            }
            int frames = Math.max(1, d.data().integer(Tags.NUMBER_OF_FRAMES, 1));
            List<DicomDataset> perFrame = d.data().sequence(Tags.PER_FRAME_FUNCTIONAL_GROUPS);
            DicomDataset shared = d.data().item(Tags.SHARED_FUNCTIONAL_GROUPS);
            for (int k = 0; k < frames; k++) {
                s.slices.add(new Slice(d, k, frames, k < perFrame.size() ? perFrame.get(k) : null, shared));
            }
        }
        if (skipped > 0) {
            notes.add(skipped + " non-DICOM file(s) skipped");
        }
        if (dicomdirs > 0) {
            notes.add(dicomdirs + " DICOMDIR file(s) skipped");
        }
        if (noPixels > 0) {
            notes.add(noPixels + " DICOM object(s) without an image (reports, presentation states) skipped");
        }
        if (unreadable > 0 && files.size() > 1) {
            notes.add(unreadable + " unreadable DICOM file(s) skipped");
        }
        return new Found(new ArrayList<>(byUid.values()), skipped, notes);
    }

    /**
     * The series to read: {@code choice} (a Series Instance UID or a Series Number) when given;
     * else the CT series with the most slices (a single file: its own series, whatever the modality).
     */
    public static Series choose(Path path, Found found, String choice) throws DicomFormatException {
        if (found.series().isEmpty()) {
            throw new DicomFormatException(path, "no DICOM image series here" + (found.notes().isEmpty() ? ""
                    : " (" + String.join("; ", found.notes()) + ")"));
        }
        if (choice != null && !choice.isBlank()) {
            for (Series s : found.series()) {
                if (s.uid.equals(choice.strip()) || Integer.toString(s.number).equals(choice.strip())) {
                    return s;
                }
            }
            throw new DicomFormatException(path, "no series " + choice + "; found: " + list(found));
        }
        if (found.series().size() == 1 && Files.isRegularFile(path)) {
            return found.series().get(0);
        }
        return found.series().stream().filter(s -> "CT".equalsIgnoreCase(s.modality()))
                .max(Comparator.comparingInt(Series::sliceCount))
                .orElseThrow(() -> new DicomFormatException(path, "no CT series here; found: " + list(found)
                        + " (choose one with --series)"));
    }

    static String list(Found found) {
        List<String> l = new ArrayList<>();
        for (Series s : found.series()) {
            l.add(s.toString());
        }
        return String.join("; ", l);
    }
}
