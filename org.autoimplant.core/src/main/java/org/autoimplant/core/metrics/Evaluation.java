package org.autoimplant.core.metrics;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.autoimplant.core.io.AtomicFiles;
import org.autoimplant.core.io.NrrdReader;
import org.autoimplant.core.io.VolumeFiles;
import org.autoimplant.core.util.Progress;
import org.autoimplant.core.volume.Mask;

/**
 * Scores a folder of predictions against a folder of truths (and optionally defective skulls),
 * pairing files by name, and summarises each metric over the cases the way the paper's Table 1 does.
 */
public final class Evaluation {

    /** The metrics of one named case. */
    public record CaseResult(String name, MetricValues values) {
    }

    /** Mean, sample standard deviation, median, min and max of one metric over the cases (NaNs skipped). */
    public record Summary(String metric, double mean, double std, double median, double min, double max, int n) {
    }

    private Evaluation() {
    }

    /** Scored cases, and the cases that could not be scored with the reason (name → message). */
    public record Outcome(List<CaseResult> results, Map<String, String> failures) {
        /** One line for the end of a run: "20 cases" or "18 of 20 cases; failed: a (why), b (why)". */
        public String describe() {
            int all = results.size() + failures.size();
            if (failures.isEmpty()) {
                return all + " cases";
            }
            List<String> f = new ArrayList<>();
            failures.forEach((k, v) -> f.add(k + " (" + v + ")"));
            return results.size() + " of " + all + " cases; not scored: " + String.join("; ", f);
        }
    }

    /**
     * Scores every case: each truth file against the prediction of the same name. A case that
     * cannot be scored (no prediction, unreadable file, masks on different grids) and a prediction
     * without a truth file are listed by name in {@link Outcome#failures()}; the others still count.
     */
    public static Outcome evaluate(Path predDir, Path truthDir, Path defectiveDir, Progress progress)
            throws IOException {
        for (Path dir : defectiveDir == null ? new Path[] {predDir, truthDir} : new Path[] {predDir, truthDir,
            defectiveDir}) {
            if (!Files.isDirectory(dir)) {
                throw new IOException(dir + ": " + (Files.exists(dir) ? "not a folder" : "no such folder"));
            }
        }
        List<String> names = volumeFiles(truthDir);
        if (names.isEmpty()) {
            throw new IOException(truthDir + ": no .nrrd or .nhdr files");
        }
        Map<String, String> failures = new LinkedHashMap<>();
        for (String n : volumeFiles(predDir)) {
            if (!names.contains(n)) {
                failures.put(VolumeFiles.stem(n), "a prediction without a truth file " + truthDir.resolve(n));
            }
        }
        List<CaseResult> results = new ArrayList<>();
        progress.start("Evaluating", names.size());
        try {
            for (int i = 0; i < names.size(); i++) {
                progress.checkCancelled();
                String n = names.get(i);
                try {
                    if (!Files.isRegularFile(predDir.resolve(n))) {
                        throw new IOException("no prediction " + predDir.resolve(n));
                    }
                    if (defectiveDir != null && !Files.isRegularFile(defectiveDir.resolve(n))) {
                        throw new IOException("no defective skull " + defectiveDir.resolve(n));
                    }
                    Mask p = NrrdReader.readMask(predDir.resolve(n));
                    Mask g = NrrdReader.readMask(truthDir.resolve(n));
                    Mask d = defectiveDir == null ? null : NrrdReader.readMask(defectiveDir.resolve(n));
                    results.add(new CaseResult(VolumeFiles.stem(n), SegmentationMetrics.compute(p, g, d)));
                } catch (IOException | IllegalArgumentException e) {
                    failures.put(VolumeFiles.stem(n), e.getMessage());
                }
                progress.update(i + 1, n);
            }
        } finally {
            progress.finish();
        }
        return new Outcome(results, failures);
    }

    /** As {@link #evaluate}, but any case that cannot be scored is an error naming all of them. */
    public static List<CaseResult> run(Path predDir, Path truthDir, Path defectiveDir, Progress progress)
            throws IOException {
        Outcome o = evaluate(predDir, truthDir, defectiveDir, progress);
        if (!o.failures().isEmpty()) {
            throw new IOException(predDir + ": " + o.describe());
        }
        return o.results();
    }

    /** How many cases have an infinite value of metric {@code m} (an empty prediction or truth gives HD ∞). */
    public static int infinite(List<CaseResult> results, int metric) {
        int n = 0;
        for (CaseResult r : results) {
            n += Double.isInfinite(r.values().asArray()[metric]) ? 1 : 0;
        }
        return n;
    }

    public static List<Summary> summarise(List<CaseResult> results) {
        List<Summary> out = new ArrayList<>();
        for (int m = 0; m < MetricValues.NAMES.length; m++) {
            double[] v = new double[results.size()];
            int n = 0;
            for (CaseResult r : results) {
                double x = r.values().asArray()[m];
                if (!Double.isNaN(x)) {
                    v[n++] = x;
                }
            }
            if (n == 0) {
                continue;
            }
            double[] s = Arrays.copyOf(v, n);
            Arrays.sort(s);
            double mean = 0;
            for (double x : s) {
                mean += x;
            }
            mean /= n;
            double var = 0;
            for (double x : s) {
                var += (x - mean) * (x - mean);
            }
            double std = n > 1 ? Math.sqrt(var / (n - 1)) : 0;
            if (Double.isInfinite(mean)) {
                std = Double.NaN;
            }
            out.add(new Summary(MetricValues.NAMES[m], mean, std, SurfaceDistances.percentile(s, 50), s[0], s[n - 1], n));
        }
        return out;
    }

    /** Writes one CSV row per case (atomically). */
    public static void writeCsv(List<CaseResult> results, Path csv) throws IOException {
        AtomicFiles.write(csv, out -> {
            PrintWriter w = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            w.println("case,dsc,hd_mm,hd95_mm,re_percent,bdsc");
            for (CaseResult r : results) {
                MetricValues v = r.values();
                w.println(r.name() + "," + fmt(v.dsc()) + "," + fmt(v.hd()) + "," + fmt(v.hd95()) + "," + fmt(v.re())
                        + "," + (Double.isNaN(v.bdsc()) ? "" : fmt(v.bdsc())));
            }
            w.flush();
        });
    }

    /** Numbers as the CSV and console show them: 6 significant digits, inf for infinity. */
    public static String fmt(double v) {
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (Double.isNaN(v)) {
            return "nan";
        }
        return String.format(Locale.ROOT, "%.6g", v);
    }

    private static List<String> volumeFiles(Path dir) throws IOException {
        return VolumeFiles.list(dir, null, false).stream().map(p -> p.getFileName().toString()).toList();
    }
}
