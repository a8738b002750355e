package org.autoimplant.core.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.autoimplant.core.io.NrrdHeader;
import org.autoimplant.core.io.NrrdReader;
import org.autoimplant.core.volume.Geometry;
import org.autoimplant.core.volume.Volume;
import org.autoimplant.core.volume.VoxelStatistics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code autoimplant info FILE...}: what is in each volume file or DICOM folder. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = {"Show sizes, type, encoding, spacing, origin, value range and non-zero voxels of NRRD files,"
                + " and of DICOM series (a folder: every series found is listed, the chosen one described)."},
        footer = {"", "Examples:", "  autoimplant info defective_skull/000.nrrd implant/000.nrrd",
            "  autoimplant info dicom/study-42"})
final class InfoCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "NRRD files (.nrrd or .nhdr), DICOM folders or files.")
    List<Path> files;

    @picocli.CommandLine.Mixin
    SeriesOption series;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int failures = 0;
        for (Path f : files) {
            try {
                if (org.autoimplant.core.io.VolumeInputs.isDicom(f)) {
                    describeDicom(f, out);
                } else {
                    describe(f, out);
                }
            } catch (IOException | RuntimeException e) {
                failures++;
                err.println("autoimplant info: error: " + ErrorReporter.message(e));
            }
            out.flush();
        }
        return failures == 0 ? 0 : ErrorReporter.EXIT_FAILURE;
    }

    private static void describe(Path f, PrintWriter out) throws IOException {
        NrrdHeader h = NrrdReader.readHeader(f);
        Volume v = NrrdReader.read(f);
        out.println(f);
        out.printf(Locale.ROOT, "  format:     NRRD000%d, %s%s, %s%n", h.version(), h.encoding().headerName(),
                h.endian() == null ? "" : h.endian() == ByteOrder.BIG_ENDIAN ? ", big-endian" : ", little-endian",
                h.dataFiles().isEmpty() ? "attached data" : "detached data in " + String.join(", ", first(h.dataFiles())));
        describeVolume(v, out);
    }

    /** Every series in a DICOM folder or file, then the chosen one as a volume. */
    private void describeDicom(Path f, PrintWriter out) throws IOException {
        org.autoimplant.core.io.dicom.DicomSeries.Found found = org.autoimplant.core.io.dicom.DicomSeries.scan(f,
                m -> { });
        out.println(f);
        for (org.autoimplant.core.io.dicom.DicomSeries.Series s : found.series()) {
            out.println("  series:     " + s);
        }
        found.notes().forEach(n -> out.println("  note:       " + n));
        org.autoimplant.core.io.dicom.DicomVolumes.Read r = org.autoimplant.core.io.dicom.DicomVolumes.readSeries(f,
                org.autoimplant.core.io.dicom.DicomSeries.choose(f, found, series.series),
                org.autoimplant.core.util.Progress.NONE);
        out.println("  format:     DICOM, " + r.series());
        r.notes().forEach(n -> out.println("  note:       " + n));
        describeVolume(r.volume(), out);
    }

    private static void describeVolume(Volume v, PrintWriter out) {
        Geometry g = v.geometry();
        VoxelStatistics s = VoxelStatistics.of(v.data());
        out.printf(Locale.ROOT, "  type:       %s%n", v.type().id());
        out.printf(Locale.ROOT, "  sizes:      %d × %d × %d (%,d voxels)%n", v.shape().nx(), v.shape().ny(),
                v.shape().nz(), (long) v.shape().voxelCount());
        String unit = g.kind() == Geometry.Kind.NONE ? " (unknown, 1 assumed)" : " mm";
        out.printf(Locale.ROOT, "  spacing:    %s × %s × %s%s%n", num(g.spacing(0)), num(g.spacing(1)),
                num(g.spacing(2)), unit);
        if (g.kind() == Geometry.Kind.SPACE) {
            double[] o = g.origin();
            StringBuilder b = new StringBuilder();
            for (double c : o) {
                b.append(b.length() == 0 ? "" : ", ").append(num(c));
            }
            out.printf(Locale.ROOT, "  origin:     (%s)%s%n", b, g.space() == null ? "" : " in " + g.space());
            out.printf(Locale.ROOT, "  directions: %s%n", g.isAxisAligned() ? "axis-aligned" : "tilted (not axis-aligned)");
        }
        if (s.total() == s.nan()) {
            out.println("  range:      all NaN");
        } else {
            out.printf(Locale.ROOT, "  range:      %s … %s%s%n", num(s.min()), num(s.max()),
                    s.nan() > 0 ? String.format(Locale.ROOT, " (%,d NaN)", s.nan()) : "");
        }
        out.printf(Locale.ROOT, "  non-zero:   %,d voxels (%.3f %%)%n", s.nonZero(), 100.0 * s.nonZero() / s.total());
    }

    private static List<String> first(List<String> names) {
        return names.size() <= 3 ? names : List.of(names.get(0), "…", names.get(names.size() - 1));
    }

    static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.6g", v).replaceAll("(\\.\\d*?)0+(e|$)", "$1$2").replaceAll("\\.(e|$)", "$1");
    }
}
