package org.autoimplant.core.io.dicom;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.autoimplant.core.util.Progress;
import org.autoimplant.core.volume.FloatVoxels;
import org.autoimplant.core.volume.Geometry;
import org.autoimplant.core.volume.IntVoxels;
import org.autoimplant.core.volume.Metadata;
import org.autoimplant.core.volume.Shape;
import org.autoimplant.core.volume.ShortVoxels;
import org.autoimplant.core.volume.Volume;
import org.autoimplant.core.volume.VoxelArray;
import org.autoimplant.core.volume.VoxelType;

/**
 * A DICOM image series as a volume, with the geometry as PS3.3 C.7.6.2 defines it: slices sorted by
 * Image Position (Patient) projected on the normal of Image Orientation (Patient) (never by file
 * name or Instance Number); in-plane steps from the orientation cosines and Pixel Spacing; the slice
 * step measured between positions (not Slice Thickness); origin at the first slice; space
 * left-posterior-superior. Oblique series stay oblique; a gantry-tilted stack keeps its sheared
 * grid (the slice step follows the positions) and says so. Missing, duplicated or unevenly spaced
 * slices, and slices of different sizes or orientations, are errors that say what and where.
 *
 * <p>Values: Rescale Slope and Intercept applied (Hounsfield units for CT, stored as 16-bit when
 * they fit), Bits Stored and Pixel Representation honoured, Pixel Padding Value set to the lowest
 * value (−1024 HU for CT). Memory: the output volume plus one slice at a time.
 */
public final class DicomVolumes {
    /** Positions closer than this (mm) are the same slice. */
    static final double SAME_POSITION_MM = 1e-3;

    /** A volume and what reading it noticed (tilt, padding, single slice). */
    public record Read(Volume volume, DicomSeries.Series series, List<String> notes) {
    }

    private record Plane(DicomSeries.Slice slice, double[] position, double[] orientation, double[] spacing,
            double slope, double intercept) {
    }

    private DicomVolumes() {
    }

    /** Reads the series {@code choice} (UID or number; null: the largest CT series) from a folder or file. */
    public static Read read(Path path, String choice, Progress progress) throws IOException {
        try {
            return readChecked(path, choice, progress);
        } catch (RuntimeException e) {
            if (e instanceof Progress.CancelledException) {
                throw e;
            }
            // A value that passed every check but still breaks geometry or decoding: still the file's fault.
            throw new DicomFormatException(path, "cannot be read as a volume: " + e.getMessage(), e);
        }
    }

    private static Read readChecked(Path path, String choice, Progress progress) throws IOException {
        DicomSeries.Found found = DicomSeries.scan(path, m -> progress.update(0, m));
        DicomSeries.Series s = DicomSeries.choose(path, found, choice);
        Read r = readSeriesChecked(path, s, progress);
        List<String> notes = new ArrayList<>(found.notes());
        if (found.series().size() > 1) {
            notes.add(0, "read " + s + " of " + found.series().size() + " series: " + DicomSeries.list(found));
        }
        notes.addAll(r.notes());
        return new Read(r.volume(), s, notes);
    }

    /** True when {@code path} is a folder (of DICOM files, presumably) or a file that starts as DICOM does. */
    public static boolean isDicom(Path path) {
        return java.nio.file.Files.isDirectory(path) || java.nio.file.Files.isRegularFile(path)
                && DicomParser.looksLikeDicom(path);
    }

    /** Reads one scanned series. */
    public static Read readSeries(Path where, DicomSeries.Series series, Progress progress) throws IOException {
        try {
            return readSeriesChecked(where, series, progress);
        } catch (RuntimeException e) {
            if (e instanceof Progress.CancelledException) {
                throw e;
            }
            throw new DicomFormatException(where, "cannot be read as a volume: " + e.getMessage(), e);
        }
    }

    private static Read readSeriesChecked(Path where, DicomSeries.Series series, Progress progress) throws IOException {
        List<String> notes = new ArrayList<>();
        DicomSeries.Slice first = series.slices.get(0);
        DicomDataset d0 = first.file().data();
        FrameDecoder.PixelFormat fmt = format(first.file());
        List<Plane> planes = new ArrayList<>();
        for (DicomSeries.Slice s : series.slices) {
            FrameDecoder.PixelFormat f = format(s.file());
            if (f.rows() != fmt.rows() || f.columns() != fmt.columns() || f.bitsAllocated() != fmt.bitsAllocated()) {
                throw new DicomFormatException(where, "the series mixes image sizes: " + first.file().path() + " is "
                        + fmt.columns() + "×" + fmt.rows() + "×" + fmt.bitsAllocated() + " bit, " + s.file().path()
                        + " " + f.columns() + "×" + f.rows() + "×" + f.bitsAllocated() + " bit");
            }
            planes.add(plane(s));
        }
        Geometry geometry;
        boolean haveGeometry = planes.stream().allMatch(p -> p.position() != null && p.orientation() != null);
        if (planes.size() == 1) {
            Plane p = planes.get(0);
            double dz = d0.number(Tags.SLICE_THICKNESS, 1);
            notes.add(String.format(Locale.ROOT, "a single slice: its thickness %.3g mm%s is taken as the slice step",
                    dz, d0.contains(Tags.SLICE_THICKNESS) ? "" : " (none given; 1 mm)"));
            geometry = haveGeometry ? frame(p, normal(p.orientation()), dz, null) : Geometry.ofSpacings(
                    p.spacing()[1], p.spacing()[0], dz);
        } else {
            if (!haveGeometry) {
                Plane missing = planes.stream().filter(p -> p.position() == null || p.orientation() == null)
                        .findFirst().get();
                throw new DicomFormatException(missing.slice().file().path(), "has no Image Position / Orientation"
                        + " (Patient), so its place in the series is unknown");
            }
            geometry = sortAndMeasure(where, planes, notes);
        }
        Shape shape = new Shape(fmt.columns(), fmt.rows(), planes.size());
        boolean ct = "CT".equalsIgnoreCase(series.modality());
        Integer padding = padding(d0, fmt);
        double lowest = ct ? -1024 : 0;
        VoxelType type = type(planes, fmt, padding == null ? Double.NaN : lowest);
        long bytes = shape.voxelCount() * (long) type.bytes();
        org.autoimplant.core.io.MemoryBudget.check(bytes, "the volume of " + series,
                m -> new DicomFormatException(where, m));
        Volume[] v = {Volume.allocate(shape, type, geometry)};
        int slice = fmt.rows() * fmt.columns();
        java.util.concurrent.atomic.AtomicLong padded = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        progress.start("Reading DICOM", planes.size());
        try {
            // Slices decode independently (files, JPEG frames): in parallel, each into its own plane of
            // the volume; working memory is one decoded slice per thread.
            java.util.stream.IntStream.range(0, planes.size()).parallel().forEach(k -> {
                progress.checkCancelled();
                Plane p = planes.get(k);
                int[] st;
                try {
                    st = FrameDecoder.decode(p.slice().file(), format(p.slice().file()), p.slice().frame(),
                            p.slice().frames());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                synchronized (v) {
                    if (v[0].type() == VoxelType.INT16 && !fitsShort(st, p, padding)) {
                        // Rare: values beyond ±32767 HU; only now is the wider volume allocated.
                        try {
                            v[0] = widen(v[0], where, series);
                        } catch (DicomFormatException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                        notes.add("values beyond the 16-bit range: the volume is 32-bit");
                    }
                    padded.addAndGet(store(v[0].data(), k * slice, st, p.slope(), p.intercept(), padding, lowest));
                }
                int n = done.incrementAndGet();
                synchronized (progress) {
                    progress.update(n, null);
                }
            });
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        } finally {
            progress.finish();
        }
        if (padded.get() > 0) {
            notes.add(String.format(Locale.ROOT, "%,d padding voxels (Pixel Padding Value %d) set to %.0f",
                    padded.get(), padding, lowest));
        }
        Metadata m = Metadata.empty().withKeyValue("dicom_series_uid", series.uid())
                .withKeyValue("dicom_modality", series.modality());
        if (!series.description().isEmpty()) {
            m = m.withKeyValue("dicom_series_description", series.description());
        }
        return new Read(v[0].withMetadata(m), series, notes);
    }

    static FrameDecoder.PixelFormat format(DicomParser.DicomFile f) throws DicomFormatException {
        DicomDataset d = f.data();
        int samples = d.integer(Tags.SAMPLES_PER_PIXEL, 1);
        String photometric = d.string(Tags.PHOTOMETRIC_INTERPRETATION);
        if (samples != 1 || (photometric != null && !photometric.startsWith("MONOCHROME"))) {
            throw new DicomFormatException(f.path(), "is a colour image (" + samples + " samples, "
                    + photometric + "), not a CT slice");
        }
        int allocated = d.integer(Tags.BITS_ALLOCATED, 16);
        int stored = d.integer(Tags.BITS_STORED, allocated);
        int high = d.integer(Tags.HIGH_BIT, stored - 1);
        if (allocated != 8 && allocated != 16 && allocated != 32 || stored < 1 || stored > allocated
                || high < stored - 1 || high >= allocated) {
            throw new DicomFormatException(f.path(), "bits allocated/stored/high bit " + allocated + "/" + stored + "/"
                    + high + " are not a valid pixel format");
        }
        int rows = d.integer(Tags.ROWS, 0), cols = d.integer(Tags.COLUMNS, 0);
        if (rows < 1 || cols < 1) {
            throw new DicomFormatException(f.path(), "has no image size (Rows/Columns)");
        }
        return new FrameDecoder.PixelFormat(rows, cols, 1, allocated, stored, high,
                d.integer(Tags.PIXEL_REPRESENTATION, 0) == 1, photometric);
    }

    /** Position, orientation, spacing and rescale of a slice (enhanced files: from its functional groups). */
    private static Plane plane(DicomSeries.Slice s) throws IOException {
        DicomDataset d = s.file().data();
        double[] ipp = d.doubles(Tags.IMAGE_POSITION_PATIENT);
        double[] iop = d.doubles(Tags.IMAGE_ORIENTATION_PATIENT);
        double[] spacing = d.doubles(Tags.PIXEL_SPACING);
        double slope = d.number(Tags.RESCALE_SLOPE, 1), intercept = d.number(Tags.RESCALE_INTERCEPT, 0);
        for (DicomDataset g : new DicomDataset[] {s.shared(), s.frameGroups()}) {
            if (g == null) {
                continue;
            }
            DicomDataset pos = g.item(Tags.PLANE_POSITION_SEQUENCE);
            if (pos != null && pos.doubles(Tags.IMAGE_POSITION_PATIENT) != null) {
                ipp = pos.doubles(Tags.IMAGE_POSITION_PATIENT);
            }
            DicomDataset ori = g.item(Tags.PLANE_ORIENTATION_SEQUENCE);
            if (ori != null && ori.doubles(Tags.IMAGE_ORIENTATION_PATIENT) != null) {
                iop = ori.doubles(Tags.IMAGE_ORIENTATION_PATIENT);
            }
            DicomDataset meas = g.item(Tags.PIXEL_MEASURES_SEQUENCE);
            if (meas != null && meas.doubles(Tags.PIXEL_SPACING) != null) {
                spacing = meas.doubles(Tags.PIXEL_SPACING);
            }
            DicomDataset vt = g.item(Tags.PIXEL_VALUE_TRANSFORMATION_SEQUENCE);
            if (vt != null) {
                slope = vt.number(Tags.RESCALE_SLOPE, slope);
                intercept = vt.number(Tags.RESCALE_INTERCEPT, intercept);
            }
        }
        Path f = s.file().path();
        if (ipp != null && ipp.length != 3 || iop != null && iop.length != 6) {
            throw new DicomFormatException(f, "Image Position / Orientation (Patient) need 3 and 6 numbers");
        }
        if (iop != null) {
            double rr = iop[0] * iop[0] + iop[1] * iop[1] + iop[2] * iop[2];
            double cc = iop[3] * iop[3] + iop[4] * iop[4] + iop[5] * iop[5];
            double rc = iop[0] * iop[3] + iop[1] * iop[4] + iop[2] * iop[5];
            if (Math.abs(rr - 1) > 0.01 || Math.abs(cc - 1) > 0.01 || Math.abs(rc) > 0.01) {
                throw new DicomFormatException(f, "its Image Orientation (Patient) " + Arrays.toString(iop)
                        + " is not two orthogonal unit vectors");
            }
        }
        if (ipp != null && !(Double.isFinite(ipp[0]) && Double.isFinite(ipp[1]) && Double.isFinite(ipp[2]))) {
            throw new DicomFormatException(f, "its Image Position (Patient) is not a finite point");
        }
        if (spacing == null || spacing.length != 2 || !(spacing[0] > 0) || !(spacing[1] > 0)
                || !Double.isFinite(spacing[0] + spacing[1])) {
            throw new DicomFormatException(f, "has no valid Pixel Spacing (0028,0030)");
        }
        if (!(slope != 0) || !Double.isFinite(slope) || !Double.isFinite(intercept)) {
            throw new DicomFormatException(f, "Rescale Slope/Intercept " + slope + "/" + intercept + " are not usable");
        }
        return new Plane(s, ipp, iop, spacing, slope, intercept);
    }

    private static double[] normal(double[] iop) {
        double[] r = {iop[0], iop[1], iop[2]}, c = {iop[3], iop[4], iop[5]};
        double[] n = {r[1] * c[2] - r[2] * c[1], r[2] * c[0] - r[0] * c[2], r[0] * c[1] - r[1] * c[0]};
        double len = Math.sqrt(dot(n, n));
        if (!(len > 0.5)) {
            throw new IllegalArgumentException("orientation " + Arrays.toString(iop) + " has parallel row and column");
        }
        return new double[] {n[0] / len, n[1] / len, n[2] / len};
    }

    private static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    /** The LPS frame of the sorted stack starting at {@code p}; the slice step is {@code step} (or normal × dz). */
    private static Geometry frame(Plane p, double[] n, double dz, double[] step) {
        double[] o = p.orientation(), sp = p.spacing();
        double[][] dirs = {{o[0] * sp[1], o[1] * sp[1], o[2] * sp[1]}, {o[3] * sp[0], o[4] * sp[0], o[5] * sp[0]},
            step != null ? step : new double[] {n[0] * dz, n[1] * dz, n[2] * dz}};
        return Geometry.ofSpace("left-posterior-superior", dirs, p.position());
    }

    /** Sorts the planes along the normal in place, checks the stack is regular, returns its geometry. */
    private static Geometry sortAndMeasure(Path where, List<Plane> planes, List<String> notes)
            throws DicomFormatException {
        Plane first = planes.get(0);
        for (Plane p : planes) {
            for (int i = 0; i < 6; i++) {
                if (Math.abs(p.orientation()[i] - first.orientation()[i]) > 1e-4) {
                    throw new DicomFormatException(where, "the series mixes orientations: " + name(first) + " is "
                            + Arrays.toString(first.orientation()) + ", " + name(p) + " "
                            + Arrays.toString(p.orientation()));
                }
            }
            if (Math.abs(p.spacing()[0] - first.spacing()[0]) > 1e-4 || Math.abs(p.spacing()[1] - first.spacing()[1])
                    > 1e-4) {
                throw new DicomFormatException(where, "the series mixes pixel spacings: " + name(first) + " "
                        + Arrays.toString(first.spacing()) + ", " + name(p) + " " + Arrays.toString(p.spacing()));
            }
        }
        double[] n;
        try {
            n = normal(first.orientation());
        } catch (IllegalArgumentException e) {
            throw new DicomFormatException(first.slice().file().path(), e.getMessage());
        }
        planes.sort(Comparator.comparingDouble(p -> dot(p.position(), n)));
        int count = planes.size();
        double[] steps = new double[count - 1];
        for (int k = 0; k + 1 < count; k++) {
            steps[k] = dot(planes.get(k + 1).position(), n) - dot(planes.get(k).position(), n);
            if (steps[k] < SAME_POSITION_MM) {
                throw new DicomFormatException(where, String.format(Locale.ROOT, "%s and %s lie at the same position"
                        + " (%.3f mm along the slice normal): duplicated or overlapping slices", name(planes.get(k)),
                        name(planes.get(k + 1)), dot(planes.get(k).position(), n)));
            }
        }
        double[] sorted = steps.clone();
        Arrays.sort(sorted);
        double median = sorted[sorted.length / 2];
        double tolerance = Math.max(0.01, 0.01 * median);
        for (int k = 0; k < steps.length; k++) {
            if (Math.abs(steps[k] - median) > tolerance) {
                boolean missing = Math.abs(steps[k] / median - Math.rint(steps[k] / median)) < 0.05 && steps[k] > median;
                throw new DicomFormatException(where, String.format(Locale.ROOT, "uneven slice spacing: %s mm"
                        + " between most slices but %s mm between %s and %s%s; AutoImplant needs evenly spaced"
                        + " slices (resample the series, or export it complete)", mm(median), mm(steps[k]),
                        name(planes.get(k)), name(planes.get(k + 1)), missing ? " (a missing slice?)" : ""));
            }
        }
        // The slice step as the positions give it; with gantry tilt it is not along the normal.
        double[] a = planes.get(0).position(), b = planes.get(count - 1).position();
        double[] step = {(b[0] - a[0]) / (count - 1), (b[1] - a[1]) / (count - 1), (b[2] - a[2]) / (count - 1)};
        for (int k = 0; k < count; k++) {
            double[] p = planes.get(k).position();
            double off = Math.sqrt(sq(p[0] - a[0] - k * step[0]) + sq(p[1] - a[1] - k * step[1])
                    + sq(p[2] - a[2] - k * step[2]));
            if (off > Math.max(0.02, 0.05 * median)) {
                throw new DicomFormatException(where, String.format(Locale.ROOT, "%s lies %.3g mm off the line through"
                        + " the other slices' positions: not a regular stack", name(planes.get(k)), off));
            }
        }
        double len = Math.sqrt(dot(step, step));
        double tilt = Math.toDegrees(Math.acos(Math.min(1, Math.abs(dot(step, n)) / len)));
        if (tilt > 0.05) {
            notes.add(String.format(Locale.ROOT, "gantry tilt %.2f°: the volume keeps the sheared grid the slice"
                    + " positions give (its third space direction is the step between slices, not the normal)", tilt));
        }
        return frame(planes.get(0), n, 0, step);
    }

    /** Millimetres to 3 decimals, without trailing zeros. */
    private static String mm(double v) {
        return java.math.BigDecimal.valueOf(Math.round(v * 1000) / 1000.0).stripTrailingZeros().toPlainString();
    }

    private static double sq(double v) {
        return v * v;
    }

    private static String name(Plane p) {
        return p.slice().frames() > 1 ? p.slice().file().path().getFileName() + " frame " + (p.slice().frame() + 1)
                : p.slice().file().path().getFileName().toString();
    }

    /** The smallest type that holds every rescaled value the stored bits allow (and {@code padTo} unless NaN). */
    private static VoxelType type(List<Plane> planes, FrameDecoder.PixelFormat fmt, double padTo) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        double minStored = fmt.signed() ? -Math.pow(2, fmt.bitsStored() - 1) : 0;
        double maxStored = fmt.signed() ? Math.pow(2, fmt.bitsStored() - 1) - 1 : Math.pow(2, fmt.bitsStored()) - 1;
        boolean integral = true;
        for (Plane p : planes) {
            integral &= p.slope() == Math.rint(p.slope()) && p.intercept() == Math.rint(p.intercept());
            double a = minStored * p.slope() + p.intercept(), b = maxStored * p.slope() + p.intercept();
            lo = Math.min(lo, Math.min(a, b));
            hi = Math.max(hi, Math.max(a, b));
        }
        if (!Double.isNaN(padTo)) {
            lo = Math.min(lo, padTo);
        }
        if (!integral) {
            return VoxelType.FLOAT;
        }
        if (lo >= 0 && hi <= 65535 && hi > Short.MAX_VALUE) {
            return VoxelType.UINT16; // unsigned 16-bit data without a negative rescale (MR, raw counts)
        }
        // Signed data: the stored range with the intercept often exceeds 16 bits (−32768 − 1024),
        // but real values (−1024 … 3071 HU, up to ~30000 with extended scales) fit: 16-bit, widened
        // while reading should a slice hold more.
        return VoxelType.INT16;
    }

    private static boolean fitsShort(int[] stored, Plane p, Integer padding) {
        for (int s : stored) {
            if (padding != null && s == padding) {
                continue;
            }
            double v = s * p.slope() + p.intercept();
            if (v < Short.MIN_VALUE || v > Short.MAX_VALUE) {
                return false;
            }
        }
        return true;
    }

    private static Volume widen(Volume v, Path where, DicomSeries.Series series) throws DicomFormatException {
        org.autoimplant.core.io.MemoryBudget.check(v.shape().voxelCount() * 4L, "the 32-bit volume of " + series,
                m -> new DicomFormatException(where, m));
        Volume w = Volume.allocate(v.shape(), VoxelType.INT32, v.geometry());
        short[] a = ((ShortVoxels) v.data()).data();
        int[] b = ((IntVoxels) w.data()).data();
        for (int i = 0; i < a.length; i++) {
            b[i] = a[i];
        }
        return w;
    }

    /** The padding value as a stored value (its VR follows Pixel Representation), or null. */
    private static Integer padding(DicomDataset d, FrameDecoder.PixelFormat fmt) {
        if (!d.contains(Tags.PIXEL_PADDING_VALUE)) {
            return null;
        }
        int raw = d.integer(Tags.PIXEL_PADDING_VALUE, 0);
        return fmt.signed() ? (int) (short) raw : raw;
    }

    /** Writes one slice's rescaled values; returns how many were padding. */
    private static long store(VoxelArray out, int at, int[] stored, double slope, double intercept, Integer padding,
            double lowest) {
        long padded = 0;
        if (out instanceof ShortVoxels s) {
            short[] a = s.data();
            for (int i = 0; i < stored.length; i++) {
                if (padding != null && stored[i] == padding) {
                    a[at + i] = (short) lowest;
                    padded++;
                } else {
                    a[at + i] = (short) Math.round(stored[i] * slope + intercept);
                }
            }
        } else if (out instanceof IntVoxels s) {
            int[] a = s.data();
            for (int i = 0; i < stored.length; i++) {
                boolean pad = padding != null && stored[i] == padding;
                padded += pad ? 1 : 0;
                a[at + i] = pad ? (int) lowest : (int) Math.round(stored[i] * slope + intercept);
            }
        } else {
            float[] a = ((FloatVoxels) out).data();
            for (int i = 0; i < stored.length; i++) {
                boolean pad = padding != null && stored[i] == padding;
                padded += pad ? 1 : 0;
                a[at + i] = pad ? (float) lowest : (float) (stored[i] * slope + intercept);
            }
        }
        return padded;
    }
}
