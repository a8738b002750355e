package org.autoimplant.core.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.autoimplant.core.data.Dataset;
import org.autoimplant.core.data.DefectShape;
import org.autoimplant.core.data.PhantomDataset;
import org.autoimplant.core.data.SkullPhantom;
import org.autoimplant.core.io.NrrdReader;
import org.autoimplant.core.io.NrrdWriter;
import org.autoimplant.core.mesh.MaskMeshing;
import org.autoimplant.core.metrics.Evaluation;
import org.autoimplant.core.model.Backends;
import org.autoimplant.core.model.ImplantNetworks;
import org.autoimplant.core.model.ModelFile;
import org.autoimplant.core.model.NetworkSpec;
import org.autoimplant.core.model.Role;
import org.autoimplant.core.model.Tensors;
import org.autoimplant.core.model.Trainer;
import org.autoimplant.core.pipeline.CompletionPredictor;
import org.autoimplant.core.pipeline.TrainingJobs;
import org.autoimplant.core.pipeline.TrainingPairs;
import org.autoimplant.core.pipeline.TwoStepPredictor;
import org.autoimplant.core.report.EvaluationReport;
import org.autoimplant.core.util.Progress;
import org.autoimplant.core.volume.Mask;
import org.autoimplant.core.volume.Shape;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;

/**
 * The whole system on phantoms within a time budget: make training, test and robustness sets,
 * train N1, N2 and the completion network, predict the held-out implants both ways, score them and
 * write {@code report.html}. Every stage keeps its results in the demo folder, so a second run
 * resumes where the first stopped (training from its last checkpoint).
 */
public final class Demo {
    /**
     * Learning rates of the demo's small networks, measured to learn faster at these sizes than the
     * paper's 1e-4: N1/completion 3e-4 (1e-3 collapsed to all-background), N2 1e-3 (training DSC 0.52
     * after 100 steps, against 0.49 after 600 at 3e-4).
     */
    static final double COARSE_LEARNING_RATE = 3e-4;
    static final double FINE_LEARNING_RATE = 1e-3;
    /** Seconds kept for prediction, scoring and the report (measured: 3 s + 6 s for 8 cases × 2 methods). */
    static final double RESERVE_SECONDS = 30;
    static final String[] SETS = {"train", "test", "robustness"};
    /** Shares of the training time: N1, then completion; N2 gets the rest. */
    static final double N1_SHARE = 0.40;
    static final double COMPLETION_SHARE = 0.35;

    public record Options(Path dir, double minutes, long seed) {
        public Options {
            if (!(minutes > 0) || minutes > 24 * 60) {
                throw new IllegalArgumentException("--minutes must be in (0, 1440], got " + minutes);
            }
        }
    }

    private final Options options;
    private final String version;
    private final Progress progress;
    private final Consumer<String> log;
    private final long start = System.nanoTime();
    private final List<String> notes = new ArrayList<>();

    public Demo(Options options, String version, Progress progress, Consumer<String> log) {
        this.options = options;
        this.version = version;
        this.progress = progress;
        this.log = log;
    }

    /** Runs (or resumes) the demo; returns the report's path. */
    public Path run() throws IOException {
        Path dir = options.dir();
        Files.createDirectories(dir);
        DemoPlan plan = DemoPlan.load(dir);
        boolean resumed = plan != null;
        if (plan == null) {
            plan = DemoPlan.sized(options.seed(), options.minutes());
        }
        say("backend: " + Backends.describe().replace('\n', ' '));
        makeData(plan);
        if (!resumed) {
            plan = calibrate(plan);
            plan.save(dir);
        } else {
            say("resuming the demo in " + dir + " (delete " + DemoPlan.FILE + " to start afresh)");
        }
        say("plan: " + plan.describe());
        train(plan);
        predict(plan);
        return report(plan);
    }

    private void say(String line) {
        log.accept(line);
        notes.add(line);
    }

    private double elapsed() {
        return (System.nanoTime() - start) / 1e9;
    }

    private Path set(String name) {
        return options.dir().resolve(name);
    }

    private void makeData(DemoPlan plan) throws IOException {
        int[] counts = {plan.trainCases(), plan.testCases(), plan.robustnessCases()};
        for (int i = 0; i < SETS.length; i++) {
            Path done = set(SETS[i]).resolve(".complete");
            if (Files.exists(done)) {
                continue;
            }
            DefectShape shape = i == 2 ? DefectShape.VARIED : DefectShape.CUBE;
            PhantomDataset.write(set(SETS[i]), new PhantomDataset.Spec(counts[i], plan.seed() * 31 + i, shape,
                    plan.voxels() / 4, new SkullPhantom.Options(plan.voxels()).withBoneScale(plan.boneScale())), progress);
            Files.writeString(done, "phantoms written\n");
        }
        say(String.format(Locale.ROOT, "data ready after %.0f s", elapsed()));
    }

    private NetworkSpec spec(DemoPlan plan, Role role) {
        boolean coarse = role.usesN1Architecture();
        return new NetworkSpec(role, coarse ? plan.coarseInput() : plan.fineInput(),
                coarse ? plan.coarseWidth() : plan.fineWidth(), plan.seed(),
                coarse ? COARSE_LEARNING_RATE : FINE_LEARNING_RATE, 0.3, 0);
    }

    /** Times a few training steps of each network and shares the remaining budget out as steps. */
    private DemoPlan calibrate(DemoPlan plan) {
        double n1 = secondsPerStep(spec(plan, Role.N1));
        double n2 = secondsPerStep(spec(plan, Role.N2));
        double budget = trainingSeconds();
        long s1 = Math.max(DemoPlan.MIN_STEPS, (long) (N1_SHARE * budget / n1));
        long sc = Math.max(DemoPlan.MIN_STEPS, (long) (COMPLETION_SHARE * budget / n1));
        long s2 = Math.max(DemoPlan.MIN_STEPS, (long) ((1 - N1_SHARE - COMPLETION_SHARE) * budget / n2));
        say(String.format(Locale.ROOT, "calibration: N1/completion %.2f s per step, N2 %.2f s per step; %.0f s to train"
                + " (about %d, %d and %d steps; each trains until its share of the time is used)", n1, n2, budget, s1,
                sc, s2));
        if (budget < 60) {
            say("the time budget is too small for useful training: expect poor implants (try --minutes 10 or more)");
        }
        return plan.withSteps(s1, sc, s2);
    }

    /** What the budget leaves for training from now on. */
    private double trainingSeconds() {
        return options.minutes() * 60 - elapsed() - RESERVE_SECONDS;
    }

    private static double secondsPerStep(NetworkSpec spec) {
        ComputationGraph g = ImplantNetworks.build(spec);
        Shape s = spec.input();
        byte[] zeros = new byte[s.voxelCount()];
        MultiDataSet d = new MultiDataSet(new INDArray[] {Tensors.input(zeros, s)},
                new INDArray[] {Tensors.labels(zeros, s)});
        // The first steps create oneDNN primitives and JIT-compile; they are several times slower
        // and would make the plan expect too few steps. Warm up, then time.
        for (int i = 0; i < 6; i++) {
            g.fit(d);
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < 6; i++) {
            g.fit(d);
        }
        return (System.nanoTime() - t0) / 6e9;
    }

    private Path model(String name) {
        return options.dir().resolve("models").resolve(name + ".zip");
    }

    /**
     * Trains the three networks, each for its share of the time left (N1, completion, then N2 until
     * the budget ends; time one leaves unused passes on to the next), not for a step count planned
     * ahead: steps change speed as training goes on (measured 0.32 s per step at the start, 0.63 s
     * on average over 626 N1 steps), so any plan misjudges the budget. Each gets at least
     * {@link DemoPlan#MIN_STEPS} steps however small the budget.
     */
    private void train(DemoPlan plan) throws IOException {
        Files.createDirectories(model("n1").getParent());
        double t0 = elapsed();
        long now = System.nanoTime();
        double seconds = Math.max(0, trainingSeconds());
        long n1End = now + (long) (N1_SHARE * seconds * 1e9);
        long completionEnd = now + (long) ((N1_SHARE + COMPLETION_SHARE) * seconds * 1e9);
        long n2End = now + (long) (seconds * 1e9);
        for (long steps : new long[] {DemoPlan.MIN_STEPS, UNTIL_DEADLINE}) {
            if (steps == UNTIL_DEADLINE && System.nanoTime() - n1End > 0) {
                break;
            }
            TrainingJobs.trainCoarse(spec(plan, Role.N1), set("train"), null, options(steps, model("n1"), n1End),
                    TrainingJobs.IfModelExists.RESUME, version, progress, log);
        }
        for (long steps : new long[] {DemoPlan.MIN_STEPS, UNTIL_DEADLINE}) {
            if (steps == UNTIL_DEADLINE && System.nanoTime() - completionEnd > 0) {
                break;
            }
            TrainingJobs.trainCoarse(spec(plan, Role.COMPLETION), set("train"), null,
                    options(steps, model("completion"), completionEnd), TrainingJobs.IfModelExists.RESUME, version,
                    progress, log);
        }
        // N2 learns from jittered true boxes: with minutes of training N1's boxes are too rough to teach from.
        for (long steps : new long[] {DemoPlan.MIN_STEPS, UNTIL_DEADLINE}) {
            if (steps == UNTIL_DEADLINE && System.nanoTime() - n2End > 0) {
                break;
            }
            TrainingJobs.trainFine(spec(plan, Role.N2), set("train"), null, plan.margin(),
                    TrainingPairs.CropSource.TRUTH, 3, null, options(steps, model("n2"), n2End),
                    TrainingJobs.IfModelExists.RESUME, version, progress, log);
        }
        for (String m : new String[] {"n1", "completion", "n2"}) {
            say(m + ": " + ModelFile.metadata(model(m)).getSteps() + " training steps");
        }
        say(String.format(Locale.ROOT, "training took %.0f s (N2 on jittered true boxes, 3 voxels)", elapsed() - t0));
    }

    /** A step count no budget reaches: training ends at its deadline. */
    static final long UNTIL_DEADLINE = Long.MAX_VALUE / 2;

    /** The first {@link DemoPlan#MIN_STEPS} steps whatever the clock says; after them, until the deadline. */
    private static Trainer.Options options(long steps, Path out, long deadline) {
        return new Trainer.Options(steps, 50, Integer.MAX_VALUE, out, steps == UNTIL_DEADLINE ? deadline
                : Long.MAX_VALUE);
    }

    private Path predictions(String set, String method) {
        return options.dir().resolve("predictions").resolve(set).resolve(method);
    }

    private void predict(DemoPlan plan) throws IOException {
        double t0 = elapsed();
        TwoStepPredictor direct = new TwoStepPredictor(ModelFile.load(model("n1"), Role.N1),
                ModelFile.load(model("n2"), Role.N2));
        CompletionPredictor completion = new CompletionPredictor(ModelFile.load(model("completion"), Role.COMPLETION));
        for (String s : new String[] {"test", "robustness"}) {
            Dataset ds = Dataset.open(set(s));
            Files.createDirectories(predictions(s, "direct"));
            Files.createDirectories(predictions(s, "completion"));
            progress.start("Predicting " + s, ds.cases().size());
            try {
                int done = 0;
                for (Dataset.Case c : ds.cases()) {
                    progress.checkCancelled();
                    Mask d = NrrdReader.readMask(c.defective());
                    String file = c.defective().getFileName().toString();
                    Mask implant = direct.predict(d, true, Progress.NONE).implant();
                    NrrdWriter.write(implant, predictions(s, "direct").resolve(file));
                    if (implant.count() > 0) {
                        MaskMeshing.writeStl(implant, MaskMeshing.DEFAULT_SMOOTHING,
                                predictions(s, "direct").resolve(c.name() + ".stl"), Progress.NONE);
                    }
                    NrrdWriter.write(completion.predict(d, true, Progress.NONE).implant(),
                            predictions(s, "completion").resolve(file));
                    progress.update(++done, c.name());
                }
            } finally {
                progress.finish();
            }
        }
        say(String.format(Locale.ROOT, "prediction took %.0f s; STL files of the direct implants beside them",
                elapsed() - t0));
    }

    private Path report(DemoPlan plan) throws IOException {
        List<EvaluationReport.Section> sections = new ArrayList<>();
        String[][] titles = {{"test", "Test set", ": cube defects as in training (held out)"},
            {"robustness", "Robustness set", ": varied defects (shapes, sizes, positions never trained on)"}};
        for (String[] t : titles) {
            sections.add(new EvaluationReport.Section(t[1] + t[2], set(t[0]).resolve(Dataset.IMPLANT),
                    set(t[0]).resolve(Dataset.DEFECTIVE), List.of(
                            new EvaluationReport.Method("direct (N1 + N2)", predictions(t[0], "direct")),
                            new EvaluationReport.Method("completion", predictions(t[0], "completion")))));
        }
        Map<String, List<Double>> losses = new LinkedHashMap<>();
        losses.put("N1", ModelFile.metadata(model("n1")).getLosses());
        losses.put("completion", ModelFile.metadata(model("completion")).getLosses());
        losses.put("N2", ModelFile.metadata(model("n2")).getLosses());
        Path html = options.dir().resolve("report.html");
        say(String.format(Locale.ROOT, "%.0f s from the start of this run to the report", elapsed()));
        Map<String, Map<String, List<Evaluation.CaseResult>>> results = EvaluationReport.write(
                new EvaluationReport.Inputs("AutoImplant demo", sections, losses, notes, 4), html, progress);
        for (String[] t : titles) {
            results.get(t[1] + t[2]).forEach((method, r) -> {
                List<Evaluation.Summary> s = Evaluation.summarise(r);
                log.accept(String.format(Locale.ROOT, "%s — %s: DSC %.3f, HD %s mm (means over %d cases)", t[1], method,
                        s.get(0).mean(), Evaluation.fmt(s.get(1).mean()), r.size()));
            });
        }
        return html;
    }
}
