package org.autoimplant.core.report;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.autoimplant.core.io.AtomicFiles;
import org.autoimplant.core.io.NrrdReader;
import org.autoimplant.core.mesh.TriangleMesh;
import org.autoimplant.core.metrics.Evaluation;
import org.autoimplant.core.metrics.MetricValues;
import org.autoimplant.core.util.Progress;
import org.autoimplant.core.volume.Mask;

/**
 * {@code report.html}: predictions of one or more methods scored against the true implants, with
 * box plots, loss curves, per-case tables, slice overlays and 3-D views. One self-contained file
 * (images embedded), written atomically.
 */
public final class EvaluationReport {
    /** A method's predictions: a folder with one NRRD per case, named as the truth files. */
    public record Method(String name, Path predictions) {
    }

    /** One test set: its true implants, defective skulls and every method's predictions for it. */
    public record Section(String title, Path truth, Path defective, List<Method> methods) {
        public Section {
            if (methods.isEmpty()) {
                throw new IllegalArgumentException("no predictions to report on");
            }
        }
    }

    /**
     * What to report. {@code losses}: training loss per step by network name (may be empty);
     * {@code notes}: lines shown at the top (settings, timings); {@code figureCases}: how many cases
     * of each section get pictures.
     */
    public record Inputs(String title, List<Section> sections, Map<String, List<Double>> losses, List<String> notes,
            int figureCases) {
    }

    private static final String[] BOXED = {"DSC", "HD (mm)", "RE (%)"};

    private EvaluationReport() {
    }

    /** Scores every method of every section and writes the page; returns the results by section and method. */
    public static Map<String, Map<String, List<Evaluation.CaseResult>>> write(Inputs in, Path html, Progress progress)
            throws IOException {
        StringBuilder b = new StringBuilder();
        head(b, in.title());
        b.append("<h1>").append(Html.esc(in.title())).append("</h1>\n<p class=meta>")
                .append(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"))).append("</p>\n");
        if (!in.notes().isEmpty()) {
            b.append("<ul class=notes>\n");
            in.notes().forEach(n -> b.append("<li>").append(Html.esc(n)).append("</li>\n"));
            b.append("</ul>\n");
        }
        if (in.losses().values().stream().anyMatch(l -> !l.isEmpty())) {
            b.append("<h2>Training</h2>\n").append(Html.img(Charts.lossCurves(in.losses(), 25), "training loss"))
                    .append('\n');
        }
        Map<String, Map<String, List<Evaluation.CaseResult>>> all = new LinkedHashMap<>();
        for (Section section : in.sections()) {
            Map<String, List<Evaluation.CaseResult>> results = new LinkedHashMap<>();
            for (Method m : section.methods()) {
                results.put(m.name(), Evaluation.run(m.predictions(), section.truth(), section.defective(), progress));
            }
            all.put(section.title(), results);
            b.append("<h2 class=section>").append(Html.esc(section.title())).append("</h2>\n<p class=meta>truth: ")
                    .append(Html.esc(section.truth().toString())).append("</p>\n");
            summary(b, results);
            b.append("<div class=row>\n");
            for (String metric : BOXED) {
                int k = index(metric);
                Map<String, double[]> by = new LinkedHashMap<>();
                results.forEach((name, r) -> by.put(name, r.stream().mapToDouble(c -> c.values().asArray()[k]).toArray()));
                byte[] png = Charts.boxPlot(metric, by);
                b.append(png == null ? "<p class=meta>" + Html.esc(metric) + ": no finite values to plot</p>"
                        : Html.img(png, metric + " box plot")).append('\n');
            }
            b.append("</div>\n");
            perCase(b, results);
            figures(b, section, in.figureCases(), results, progress);
        }
        b.append("</body></html>\n");
        AtomicFiles.write(html, out -> {
            PrintWriter w = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            w.write(b.toString());
            w.flush();
        });
        return all;
    }

    private static int index(String metric) {
        for (int i = 0; i < MetricValues.NAMES.length; i++) {
            if (MetricValues.NAMES[i].equals(metric)) {
                return i;
            }
        }
        throw new IllegalArgumentException(metric);
    }

    private static void head(StringBuilder b, String title) {
        b.append("<!DOCTYPE html>\n<html lang=en><head><meta charset=utf-8><title>").append(Html.esc(title))
                .append("</title>\n<style>\n")
                .append("body{font-family:system-ui,sans-serif;margin:2em;color:#222;max-width:1200px}")
                .append("table{border-collapse:collapse;margin:.5em 0 1.5em}td,th{border:1px solid #ccc;padding:3px 8px;")
                .append("text-align:right}th{background:#f3f3f3}td:first-child{text-align:left}")
                .append(".row{display:flex;flex-wrap:wrap;gap:10px;align-items:flex-start}.meta{color:#666}")
                .append(".case{border-top:1px solid #ddd;margin-top:1.5em}.legend span{display:inline-block;")
                .append("width:1em;height:1em;margin:0 .3em 0 1em;vertical-align:middle}figure{margin:0}")
                .append("figcaption{font-size:85%;color:#555;text-align:center}")
                .append("h2.section{border-top:3px solid #444;padding-top:.5em;margin-top:2em}\n</style></head><body>\n");
    }

    private static void summary(StringBuilder b, Map<String, List<Evaluation.CaseResult>> results) {
        b.append("<table><tr><th>method</th><th>cases</th>");
        for (String n : MetricValues.NAMES) {
            b.append("<th>").append(Html.esc(n)).append(" mean ± sd</th>");
        }
        b.append("</tr>\n");
        results.forEach((name, r) -> {
            b.append("<tr><td>").append(Html.esc(name)).append("</td><td>").append(r.size()).append("</td>");
            for (Evaluation.Summary s : Evaluation.summarise(r)) {
                b.append("<td>").append(Double.isNaN(s.mean()) ? "–" : String.format(Locale.ROOT, "%s ± %s",
                        num(s.mean()), num(s.std()))).append("</td>");
            }
            b.append("</tr>\n");
        });
        b.append("</table>\n");
    }

    private static void perCase(StringBuilder b, Map<String, List<Evaluation.CaseResult>> results) {
        b.append("<table><tr><th>case</th>");
        results.keySet().forEach(m -> {
            for (String n : MetricValues.NAMES) {
                b.append("<th>").append(Html.esc(m)).append("<br>").append(Html.esc(n)).append("</th>");
            }
        });
        b.append("</tr>\n");
        List<List<Evaluation.CaseResult>> cols = new ArrayList<>(results.values());
        for (int i = 0; i < cols.get(0).size(); i++) {
            b.append("<tr><td>").append(Html.esc(cols.get(0).get(i).name())).append("</td>");
            for (List<Evaluation.CaseResult> c : cols) {
                for (double v : c.get(i).values().asArray()) {
                    b.append("<td>").append(num(v)).append("</td>");
                }
            }
            b.append("</tr>\n");
        }
        b.append("</table>\n");
    }

    private static void figures(StringBuilder b, Section in, int figureCases,
            Map<String, List<Evaluation.CaseResult>> results, Progress progress) throws IOException {
        List<Evaluation.CaseResult> first = results.values().iterator().next();
        int n = Math.min(figureCases, first.size());
        if (n == 0) {
            return;
        }
        b.append("<p class=legend>Slices through the defect:<span style=\"background:#b4b4b4\">")
                .append("</span>defective skull<span style=\"background:#2ca02c\"></span>true implant")
                .append("<span style=\"background:#d62728\"></span>prediction<span style=\"background:#f0d020\"></span>")
                .append("both. 3-D: skull with the predicted implant, seen from outside the defect.</p>\n");
        progress.start("Pictures", n);
        try {
            for (int i = 0; i < n; i++) {
                progress.checkCancelled();
                String name = first.get(i).name();
                String file = fileOf(in.truth(), name);
                Mask truth = NrrdReader.readMask(in.truth().resolve(file));
                Mask defective = NrrdReader.readMask(in.defective().resolve(file));
                TriangleMesh skull = CaseFigures.skullSurface(defective);
                b.append("<div class=case><h3>").append(Html.esc(in.title())).append(" · ").append(Html.esc(name)).append("</h3>\n");
                for (Method m : in.methods()) {
                    Mask pred = NrrdReader.readMask(m.predictions().resolve(file));
                    MetricValues v = results.get(m.name()).get(i).values();
                    b.append("<p>").append(Html.esc(m.name())).append(String.format(Locale.ROOT,
                            ": DSC %s, HD %s mm, RE %s %%</p>\n", num(v.dsc()), num(v.hd()), num(v.re())));
                    b.append("<div class=row>\n");
                    String[] planes = {"axial", "sagittal", "coronal"};
                    List<java.awt.image.BufferedImage> s = CaseFigures.slices(defective, truth, pred, 260);
                    for (int k = 0; k < 3; k++) {
                        b.append("<figure>").append(Html.img(s.get(k), name + " " + planes[k])).append("<figcaption>")
                                .append(planes[k]).append("</figcaption></figure>\n");
                    }
                    b.append("<figure>").append(Html.img(CaseFigures.view(skull, pred, SliceFigure.PREDICTION, 260),
                            name + " 3-D")).append("<figcaption>3-D</figcaption></figure>\n</div>\n");
                }
                b.append("</div>\n");
                progress.update(i + 1, name);
            }
        } finally {
            progress.finish();
        }
    }

    private static String fileOf(Path dir, String stem) throws IOException {
        for (String ext : new String[] {".nrrd", ".nhdr"}) {
            if (Files.isRegularFile(dir.resolve(stem + ext))) {
                return stem + ext;
            }
        }
        throw new IOException(dir + ": no " + stem + ".nrrd");
    }

    private static String num(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        if (Double.isInfinite(v)) {
            return "∞";
        }
        return String.format(Locale.ROOT, Math.abs(v) >= 100 ? "%.1f" : "%.3f", v);
    }
}
