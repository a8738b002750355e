package org.autoimplant.core.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.autoimplant.core.data.Dataset;
import org.autoimplant.core.io.NrrdWriter;
import org.autoimplant.core.mesh.MaskMeshing;
import org.autoimplant.core.metrics.Evaluation;
import org.autoimplant.core.model.Backends;
import org.autoimplant.core.model.ModelFile;
import org.autoimplant.core.model.ModelSet;
import org.autoimplant.core.model.Role;
import org.autoimplant.core.pipeline.CompletionPredictor;
import org.autoimplant.core.pipeline.PredictionInputs;
import org.autoimplant.core.pipeline.TwoStepPredictor;
import org.autoimplant.core.report.EvaluationReport;
import org.autoimplant.core.util.Progress;
import org.autoimplant.core.volume.Mask;

/**
 * The first run: the bundled models (trained on real SkullFix skulls) design the implant of the
 * bundled sample case, by the two-step method and by shape completion, in seconds; writes
 * {@code implant.nrrd} and {@code implant.stl} (the two-step implant) and {@code report.html}
 * (slices, 3-D views, metrics against the sample's true implant, the models' training curves).
 */
public final class SampleDemo {
    /** System property naming the bundled sample folder (an AutoImplant dataset), set by the launcher. */
    public static final String SAMPLES_PROPERTY = "autoimplant.sample";

    public record Options(Path out, Path sample, ModelSet models) {
    }

    private final Options options;
    private final Progress progress;
    private final Consumer<String> log;
    private final List<String> notes = new ArrayList<>();

    public SampleDemo(Options options, Progress progress, Consumer<String> log) {
        this.options = options;
        this.progress = progress;
        this.log = log;
    }

    /** The sample that ships with this installation. */
    public static Path bundledSample() throws IOException {
        String p = System.getProperty(SAMPLES_PROPERTY);
        if (p == null || p.isBlank() || !Files.isDirectory(Path.of(p))) {
            throw new IOException("no bundled sample case here (system property " + SAMPLES_PROPERTY + " is "
                    + (p == null ? "not set; the autoimplant launcher sets it" : "'" + p + "', not a folder")
                    + "): pass --sample DIR (a folder with defective_skull/ and implant/)");
        }
        return Path.of(p);
    }

    /** Runs the demo; returns report.html. */
    public Path run() throws IOException {
        long start = System.nanoTime();
        Dataset sample = Dataset.open(options.sample());
        if (sample.cases().isEmpty()) {
            throw new IOException(options.sample() + ": no case in defective_skull/");
        }
        Path out = options.out();
        Path direct = out.resolve("predictions/direct"), completed = out.resolve("predictions/completion");
        Files.createDirectories(direct);
        Files.createDirectories(completed);
        say("backend: " + Backends.describe().replace('\n', ' '));
        ModelFile.Loaded n1 = options.models().load(Role.N1), n2 = options.models().load(Role.N2);
        ModelFile.Loaded completion = options.models().load(Role.COMPLETION);
        for (ModelFile.Loaded m : List.of(n1, n2, completion)) {
            say(String.format(Locale.ROOT, "%s model: %s, %d steps, input %s, width %s", m.metadata().getRole(),
                    options.models().file(m.metadata().role()), m.metadata().getSteps(), m.metadata().inputShape(),
                    m.metadata().getWidth()));
        }
        TwoStepPredictor twoStep = new TwoStepPredictor(n1, n2);
        CompletionPredictor completer = new CompletionPredictor(completion);
        Dataset.Case first = sample.cases().get(0);
        for (Dataset.Case c : sample.cases()) {
            List<String> warnings = new ArrayList<>();
            Mask d = PredictionInputs.readSkullMask(c.defective(), warnings);
            warnings.forEach(w -> say("warning: " + w));
            long t0 = System.nanoTime();
            Mask implant = twoStep.predict(d, false, progress).implant();
            double seconds = (System.nanoTime() - t0) / 1e9;
            Path file = direct.resolve(c.defective().getFileName());
            NrrdWriter.write(implant, file);
            t0 = System.nanoTime();
            Mask fill = completer.predict(d, false, progress).implant();
            NrrdWriter.write(fill, completed.resolve(c.defective().getFileName()));
            say(String.format(Locale.ROOT, "%s: two-step implant %,d voxels in %.1f s; completion %,d voxels in %.1f s",
                    c.name(), implant.count(), seconds, fill.count(), (System.nanoTime() - t0) / 1e9));
            if (c == first) {
                Files.copy(file, out.resolve("implant.nrrd"), StandardCopyOption.REPLACE_EXISTING);
                if (implant.count() > 0) {
                    say("implant.stl: " + MaskMeshing.writeStl(implant, MaskMeshing.DEFAULT_SMOOTHING,
                            out.resolve("implant.stl"), Progress.NONE));
                } else {
                    say("no implant.stl: the predicted implant is empty");
                }
            }
        }
        Path html = out.resolve("report.html");
        boolean truth = first.implant() != null;
        Map<String, List<Double>> losses = new LinkedHashMap<>();
        losses.put("N1", n1.metadata().getLosses());
        losses.put("N2", n2.metadata().getLosses());
        losses.put("completion", completion.metadata().getLosses());
        if (!truth) {
            say("the sample has no implant/ folder: nothing to score against, so no report");
            return null;
        }
        String title = "Sample " + options.sample().getFileName();
        Map<String, Map<String, List<Evaluation.CaseResult>>> results = EvaluationReport.write(
                new EvaluationReport.Inputs("AutoImplant: bundled models on " + options.sample().getFileName(),
                        List.of(new EvaluationReport.Section(title, options.sample().resolve(Dataset.IMPLANT),
                                options.sample().resolve(Dataset.DEFECTIVE), List.of(
                                        new EvaluationReport.Method("two-step (N1 + N2)", direct),
                                        new EvaluationReport.Method("completion", completed)))),
                        losses, notes, sample.cases().size()), html, progress);
        results.get(title).forEach((method, r) -> {
            List<Evaluation.Summary> s = Evaluation.summarise(r);
            log.accept(String.format(Locale.ROOT, "%s: DSC %.4f, HD %s mm, HD95 %s mm against the true implant", method,
                    s.get(0).mean(), Evaluation.fmt(s.get(1).mean()), Evaluation.fmt(s.get(2).mean())));
        });
        log.accept(String.format(Locale.ROOT, "%.0f s in all", (System.nanoTime() - start) / 1e9));
        return html;
    }

    private void say(String line) {
        log.accept(line);
        notes.add(line);
    }
}
