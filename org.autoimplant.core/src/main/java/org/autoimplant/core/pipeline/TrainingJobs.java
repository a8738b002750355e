package org.autoimplant.core.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
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

    /** What a training job does when its model file already exists. */
    public enum IfModelExists {
        /** Stop before any work, naming the file (the default: a trained model is never replaced by accident). */
        REFUSE,
        /** Continue training it, with the settings and data it was trained with. */
        RESUME,
        /** Start a new model that replaces it at the first checkpoint. */
        OVERWRITE
    }

    /** N1 (targets: implants) or completion (targets: complete skulls). */
    public static long trainCoarse(NetworkSpec spec, Path data, Path val, Trainer.Options o, IfModelExists existing,
            String version, Progress progress, Consumer<String> log) throws IOException {
        return trainCoarse(spec, data, val, 0, 0, o, existing, version, progress, log);
    }

    /**
     * As {@link #trainCoarse(NetworkSpec, Path, Path, Trainer.Options, boolean, String, Progress,
     * Consumer)}; completion networks also train on {@code variedDefects} copies of each complete
     * skull with a varied defect of about {@code defectSize} in-plane voxels.
     */
    public static long trainCoarse(NetworkSpec spec, Path data, Path val, int variedDefects, int defectSize,
            Trainer.Options o, IfModelExists existing, String version, Progress progress, Consumer<String> log)
            throws IOException {
        if (spec.role() == Role.N2) {
            throw new IllegalArgumentException("trainCoarse trains n1 or completion networks");
        }
        boolean complete = spec.role() == Role.COMPLETION;
        if (variedDefects > 0 && !complete) {
            throw new IllegalArgumentException("varied extra defects are for the completion network only");
        }
        Dataset ds = Dataset.open(data);
        String fingerprint = fingerprint(ds);
        checkExisting(spec, fingerprint, o, existing);
        TrainingPairs train = variedDefects > 0
                ? TrainingPairs.completionWithVariedDefects(ds, spec.input(), variedDefects, defectSize, spec.seed(),
                        progress)
                : TrainingPairs.downsampled(ds, spec.input(), complete, progress);
        if (variedDefects > 0) {
            log.accept(train.size() + " completion pairs: each case's own defect and " + variedDefects
                    + " varied ones of about " + defectSize + " voxels");
        }
        TrainingPairs valPairs = val == null ? null : TrainingPairs.downsampled(Dataset.open(val), spec.input(), complete,
                progress);
        return run(spec, 0, fingerprint, train, valPairs, o, existing, version, null, progress, log);
    }

    /** N2 on crops placed by the N1 in {@code n1File} (or by the true implant, jittered). */
    public static long trainFine(NetworkSpec spec, Path data, Path n1File, int margin, TrainingPairs.CropSource crops,
            int jitter, Path val, Trainer.Options o, IfModelExists existing, String version, Progress progress,
            Consumer<String> log) throws IOException {
        Dataset ds = Dataset.open(data);
        String fingerprint = fingerprint(ds);
        checkExisting(spec, fingerprint, o, existing);
        CoarseStage coarse = null;
        if (crops == TrainingPairs.CropSource.N1) {
            ModelFile.Loaded n1 = ModelFile.load(n1File, Role.N1);
            coarse = new CoarseStage(n1.inferenceNetwork());
        }
        TrainingPairs train = TrainingPairs.n2Crops(ds, coarse, spec.input(), margin, crops, jitter, spec.seed(), progress);
        log.accept(train.size() + " N2 training crops of " + spec.input());
        TrainingPairs valPairs = val == null ? null
                : TrainingPairs.n2Crops(Dataset.open(val), coarse, spec.input(), margin, crops, jitter, spec.seed(), progress);
        return run(spec, margin, fingerprint, train, valPairs, o, existing, version, crops.name().toLowerCase(), progress,
                log);
    }

    /**
     * Trains on pairs already prepared (the KNIME learners build them from table rows):
     * {@code train} at the network's input size; the model file {@code o.out()} follows {@code existing}
     * as for the folder-based jobs. {@code crops} is the N2 crop source recorded in the metadata.
     */
    public static long trainOnPairs(NetworkSpec spec, int margin, TrainingPairs train, TrainingPairs val,
            Trainer.Options o, IfModelExists existing, String version, String crops, Progress progress,
            Consumer<String> log) throws IOException {
        if (!train.shape().equals(spec.input())) {
            throw new IllegalArgumentException("training pairs are " + train.shape() + " but the network takes "
                    + spec.input());
        }
        String fingerprint = train.fingerprint();
        checkExisting(spec, fingerprint, o, existing);
        return run(spec, margin, fingerprint, train, val, o, existing, version, crops, progress, log);
    }

    private static long run(NetworkSpec spec, int margin, String fingerprint, TrainingPairs train, TrainingPairs val,
            Trainer.Options o, IfModelExists existing, String version, String crops, Progress progress,
            Consumer<String> log) throws IOException {
        ComputationGraph g;
        ModelMetadata meta;
        if (existing == IfModelExists.RESUME && Files.exists(o.out())) {
            ModelFile.Loaded m = ModelFile.load(o.out(), spec.role());
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
        // What the data was (also filled into files from versions that did not record it: a resumed
        // run has the same, fingerprint-checked data).
        boolean described = meta.getTrainingSpacing() != null;
        if (!described && train.spacingRange() != null) {
            meta.setTrainingSpacing(train.spacingRange().toArray());
            meta.setTrainingCases(train.caseCount());
        }
        if (meta.getSteps() >= o.steps()) {
            log.accept(o.out() + " already has " + meta.getSteps() + " steps");
            if (!described && Files.exists(o.out())) {
                ModelFile.save(g, meta, o.out());
                log.accept(o.out() + ": recorded its training data's spacing (" + train.spacingRange() + ")");
            }
            return meta.getSteps();
        }
        return Trainer.train(g, meta, train, val, o, progress, log);
    }

    /**
     * Before any work: the model file's folder must be writable; an existing model is refused
     * unless resumed or overwritten; a resumed one must be continued with the settings and data it
     * was trained with (a resumed run that silently used another learning rate or dataset would
     * give a model whose metadata lies about how it was made).
     */
    static void checkExisting(NetworkSpec spec, String fingerprint, Trainer.Options o, IfModelExists existing)
            throws IOException {
        Path out = o.out();
        if (Files.isDirectory(out)) {
            throw new IOException(out + ": is a folder; name the model file to write, e.g. " + out.resolve("model.zip"));
        }
        org.autoimplant.core.io.Outputs.requireWritableFolder(out.toAbsolutePath().getParent());
        if (!Files.exists(out.toAbsolutePath().getParent())) {
            throw new IOException(out + ": the folder " + out.toAbsolutePath().getParent() + " does not exist");
        }
        if (!Files.exists(out) || existing == IfModelExists.OVERWRITE) {
            return;
        }
        ModelMetadata m = ModelFile.metadata(out);
        if (existing == IfModelExists.RESUME && !ModelFile.hasTrainingState(out)) {
            throw new IOException(out + ": cannot resume: it has no training state (it was exported for prediction"
                    + " only); resume from the original checkpoint, or use --overwrite to start a new model");
        }
        if (existing == IfModelExists.REFUSE) {
            throw new IOException(out + ": already holds " + describe(m) + "; add --resume to continue training it, or"
                    + " --overwrite to start a new model in its place");
        }
        List<String> changed = new ArrayList<>();
        Role role = m.role();
        if (role != spec.role()) {
            changed.add("role " + spec.role().id() + " (the file is " + role.id() + ")");
        }
        if (!m.inputShape().equals(spec.input())) {
            changed.add("input " + spec.input() + " (trained with " + m.inputShape() + ")");
        }
        if (m.getWidth() != spec.width()) {
            changed.add("width " + spec.width() + " (trained with " + m.getWidth() + ")");
        }
        if (m.getLearningRate() != spec.learningRate()) {
            changed.add("learning rate " + spec.learningRate() + " (trained with " + m.getLearningRate() + ")");
        }
        if (m.getBeta1() != spec.beta1()) {
            changed.add("beta1 " + spec.beta1() + " (trained with " + m.getBeta1() + ")");
        }
        if (m.getSeed() != spec.seed()) {
            changed.add("seed " + spec.seed() + " (trained with " + m.getSeed() + ")");
        }
        if (m.getDataFingerprint() != null && !m.getDataFingerprint().equals(fingerprint)) {
            changed.add("the training data (its files differ from those the model was trained on)");
        }
        if (!changed.isEmpty()) {
            throw new IOException(out + ": cannot resume with other settings: " + String.join("; ", changed)
                    + ". Resume with the original settings, or use --overwrite to start a new model");
        }
    }

    private static String describe(ModelMetadata m) {
        return "a" + (m.role() == Role.N1 || m.role() == Role.N2 ? "n " : " ") + m.role().id() + " model trained "
                + m.getSteps() + " steps";
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
