package org.autoimplant.core.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Consumer;
import org.autoimplant.core.data.Dataset;
import org.autoimplant.core.model.ImplantNetworks;
import org.autoimplant.core.model.ModelFile;
import org.autoimplant.core.model.ModelMetadata;
import org.autoimplant.core.model.NetworkSpec;
import org.autoimplant.core.model.Role;
import org.autoimplant.core.model.Trainer;
import org.autoimplant.core.util.Progress;
import org.deeplearning4j.nn.graph.ComputationGraph;

/**
 * Whole training jobs from dataset folders to model files, as the CLI and KNIME learner nodes run
 * them: prepare the pairs, build or resume the network, train, save.
 */
public final class TrainingJobs {
    private TrainingJobs() {
    }

    /** N1 (targets: implants) or completion (targets: complete skulls). */
    public static long trainCoarse(NetworkSpec spec, Path data, Path val, Trainer.Options o, boolean resume,
            String version, Progress progress, Consumer<String> log) throws IOException {
        if (spec.role() == Role.N2) {
            throw new IllegalArgumentException("trainCoarse trains n1 or completion networks");
        }
        boolean complete = spec.role() == Role.COMPLETION;
        Dataset ds = Dataset.open(data);
        TrainingPairs train = TrainingPairs.downsampled(ds, spec.input(), complete, progress);
        TrainingPairs valPairs = val == null ? null : TrainingPairs.downsampled(Dataset.open(val), spec.input(), complete,
                progress);
        return run(spec, 0, fingerprint(ds), train, valPairs, o, resume, version, null, progress, log);
    }

    /** N2 on crops placed by the N1 in {@code n1File} (or by the true implant, jittered). */
    public static long trainFine(NetworkSpec spec, Path data, Path n1File, int margin, TrainingPairs.CropSource crops,
            int jitter, Path val, Trainer.Options o, boolean resume, String version, Progress progress,
            Consumer<String> log) throws IOException {
        Dataset ds = Dataset.open(data);
        CoarseStage coarse = null;
        if (crops == TrainingPairs.CropSource.N1) {
            ModelFile.Loaded n1 = ModelFile.load(n1File, Role.N1);
            coarse = new CoarseStage(n1.inferenceNetwork());
        }
        TrainingPairs train = TrainingPairs.n2Crops(ds, coarse, spec.input(), margin, crops, jitter, spec.seed(), progress);
        log.accept(train.size() + " N2 training crops of " + spec.input());
        TrainingPairs valPairs = val == null ? null
                : TrainingPairs.n2Crops(Dataset.open(val), coarse, spec.input(), margin, crops, jitter, spec.seed(), progress);
        return run(spec, margin, fingerprint(ds), train, valPairs, o, resume, version, crops.name().toLowerCase(), progress,
                log);
    }

    private static long run(NetworkSpec spec, int margin, String fingerprint, TrainingPairs train, TrainingPairs val,
            Trainer.Options o, boolean resume, String version, String crops, Progress progress, Consumer<String> log)
            throws IOException {
        ComputationGraph g;
        ModelMetadata meta;
        if (resume && Files.exists(o.out())) {
            ModelFile.Loaded m = ModelFile.load(o.out(), spec.role());
            if (!m.metadata().inputShape().equals(spec.input()) || m.metadata().getWidth() != spec.width()) {
                throw new IOException(o.out() + ": cannot resume: it is a " + m.metadata().inputShape() + " network of width "
                        + m.metadata().getWidth() + ", not " + spec.input() + " of width " + spec.width());
            }
            g = m.network();
            meta = m.metadata();
            log.accept("resuming " + o.out() + " at step " + meta.getSteps());
        } else {
            g = ImplantNetworks.build(spec);
            meta = ModelMetadata.of(spec, margin, fingerprint, version);
            meta.setN2Crops(crops);
            log.accept(String.format(java.util.Locale.ROOT, "%s network, input %s, width %s: %,d parameters",
                    spec.role().id(), spec.input(), spec.width(), g.numParams()));
            if (spec.bottleneckTapsUsed() < 1) {
                log.accept(String.format(java.util.Locale.ROOT, "note: input %s leaves a %s bottleneck for kernel %d:"
                        + " only %.0f %% of the bottleneck convolutions' weights ever meet data (the paper's input"
                        + " gives 8×8×4); expect slower, weaker learning", spec.input(), spec.bottleneck(),
                        spec.kernel(), 100 * spec.bottleneckTapsUsed()));
            }
        }
        if (meta.getSteps() >= o.steps()) {
            log.accept(o.out() + " already has " + meta.getSteps() + " steps");
            return meta.getSteps();
        }
        return Trainer.train(g, meta, train, val, o, progress, log);
    }

    /** SHA-256 over the training files' names and sizes: which data a model saw. */
    static String fingerprint(Dataset ds) throws IOException {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Dataset.Case c : ds.cases()) {
                for (Path p : new Path[] {c.defective(), c.implant(), c.complete()}) {
                    if (p != null) {
                        md.update((p.getFileName() + ":" + Files.size(p) + "\n").getBytes(StandardCharsets.UTF_8));
                    }
                }
            }
            return HexFormat.of().formatHex(md.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
