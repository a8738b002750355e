package org.autoimplant.core.nodecore.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.autoimplant.core.io.NrrdWriter;
import org.autoimplant.core.io.Outputs;
import org.autoimplant.core.nodecore.NodeSettingsException;
import org.autoimplant.core.nodecore.PathResolver;
import org.autoimplant.core.report.EvaluationReport;
import org.autoimplant.core.util.Progress;
import org.autoimplant.core.volume.Mask;

/**
 * The Implant Report node: the project's HTML report (metrics per case and summary, box plots,
 * slices through each defect with truth and prediction overlaid, a 3-D view) for the rows of a
 * table, written as {@code report.html} into a folder. The rows' volumes are staged as NRRD in a
 * work folder in the layout the report reads.
 */
public final class ReportWriting {
    /** @param folder where report.html goes; @param figureCases how many cases get pictures */
    public record Settings(String folder, String title, String method, int figureCases) {
        public Settings {
            folder = folder == null ? "" : folder.strip();
            title = title == null || title.isBlank() ? "AutoImplant report" : title.strip();
            method = method == null || method.isBlank() ? "prediction" : method.strip();
        }

        public static Settings defaults() {
            return new Settings("", "AutoImplant report", "prediction", 10);
        }

        public void validate() throws NodeSettingsException {
            NodeSettingsException.require(!folder.isEmpty(), "Choose the folder to write report.html into");
            NodeSettingsException.require(figureCases >= 0, "The number of cases with pictures must be ≥ 0");
        }
    }

    /** Collects the cases in a work folder, then writes the report. */
    public static final class Staging {
        private final Path work;
        private int cases;

        public Staging(Path work) throws IOException {
            this.work = work;
            for (String d : new String[] {"truth", "defective", "prediction"}) {
                Files.createDirectories(work.resolve(d));
            }
        }

        /** Adds one case; {@code defective} may be null (then no border DSC and no skull in the pictures). */
        public void add(String name, Mask prediction, Mask truth, Mask defective) throws IOException {
            String file = name.replaceAll("[^A-Za-z0-9._-]", "_") + ".nrrd";
            NrrdWriter.write(prediction, work.resolve("prediction").resolve(file));
            NrrdWriter.write(truth, work.resolve("truth").resolve(file));
            if (defective != null) {
                NrrdWriter.write(defective, work.resolve("defective").resolve(file));
            }
            cases++;
        }

        /** Writes {@code folder/report.html} and returns its path. */
        public Path write(Settings s, PathResolver resolver, Map<String, List<Double>> losses, boolean withDefective,
                Progress progress) throws IOException, NodeSettingsException {
            s.validate();
            if (cases == 0) {
                throw new IOException("no cases to report on (the table is empty)");
            }
            Path dir = resolver.resolve(s.folder());
            Files.createDirectories(dir);
            Path html = dir.resolve("report.html");
            Outputs.check(List.of(), List.of(html));
            EvaluationReport.Section section = new EvaluationReport.Section(s.title(), work.resolve("truth"),
                    withDefective ? work.resolve("defective") : null,
                    List.of(new EvaluationReport.Method(s.method(), work.resolve("prediction"))));
            EvaluationReport.write(new EvaluationReport.Inputs(s.title(), List.of(section), losses, List.of(),
                    s.figureCases()), html, progress);
            return html;
        }
    }

    private ReportWriting() {
    }
}
