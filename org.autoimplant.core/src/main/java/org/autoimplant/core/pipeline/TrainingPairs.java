package org.autoimplant.core.pipeline;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.autoimplant.core.data.Dataset;
import org.autoimplant.core.data.DefectInjector;
import org.autoimplant.core.data.DefectShape;
import org.autoimplant.core.io.NrrdReader;
import org.autoimplant.core.model.Tensors;
import org.autoimplant.core.ops.MaskOps;
import org.autoimplant.core.ops.Resampler;
import org.autoimplant.core.util.Progress;
import org.autoimplant.core.volume.Box;
import org.autoimplant.core.volume.Geometry;
import org.autoimplant.core.volume.Mask;
import org.autoimplant.core.volume.Shape;
import org.autoimplant.core.volume.SpacingRange;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Input/target pairs at a network's input size, prepared once and kept in memory as bytes (the
 * reference re-reads and re-zooms every step). N1 and completion pairs are downsampled volumes;
 * N2 pairs are the zero-padded crops around the coarse implant.
 */
public final class TrainingPairs {
    private final Shape shape;
    private final List<String> names = new ArrayList<>();
    private final List<byte[]> inputs = new ArrayList<>();
    private final List<byte[]> targets = new ArrayList<>();
    private final SpacingRange.Accumulator spacing = new SpacingRange.Accumulator();
    private final java.util.Set<String> cases = new java.util.HashSet<>();

    private TrainingPairs(Shape shape) {
        this.shape = shape;
    }

    public Shape shape() {
        return shape;
    }

    public int size() {
        return inputs.size();
    }

    public String name(int i) {
        return names.get(i);
    }

    public INDArray input(int i) {
        return Tensors.input(inputs.get(i), shape);
    }

    public INDArray labels(int i) {
        return Tensors.labels(targets.get(i), shape);
    }

    public byte[] target(int i) {
        return targets.get(i);
    }

    /** SHA-256 (first 16 hex digits) over the pairs' names and targets: which data a model saw. */
    public String fingerprint() {
        try {
            java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
            for (int i = 0; i < size(); i++) {
                md.update(names.get(i).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                md.update(targets.get(i));
            }
            return java.util.HexFormat.of().formatHex(md.digest()).substring(0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An empty set of pairs of {@code shape}, to be filled one case at a time (the KNIME learners). */
    public static TrainingPairs of(Shape shape) {
        return new TrainingPairs(shape);
    }

    /** Adds a full-resolution case downsampled to this set's shape (order-2 spline, as for N1). */
    public void addDownsampled(String name, Mask input, Mask target) {
        requireSameShape(input, target, name);
        add(name, name, input.geometry(), Resampler.resample(input, shape, 2).data(), Resampler.resample(target, shape, 2)
                .data());
    }

    /** Adds a pair already at this set's shape (N2 crops). */
    public void addAtSize(String name, Mask input, Mask target) {
        if (!input.shape().equals(shape) || !target.shape().equals(shape)) {
            throw new IllegalArgumentException(name + ": pairs must be " + shape + ", got " + input.shape() + " and "
                    + target.shape());
        }
        add(name, name, input.geometry(), input.data().clone(), target.data().clone());
    }

    private static void requireSameShape(Mask a, Mask b, String name) {
        if (!a.shape().equals(b.shape())) {
            throw new IllegalArgumentException(name + ": the input is " + a.shape() + " but its target is " + b.shape());
        }
    }

    /** Adds a pair from case {@code caseName}; {@code source} is the geometry of its full-resolution volume. */
    private void add(String name, String caseName, Geometry source, byte[] in, byte[] target) {
        names.add(name);
        inputs.add(in);
        targets.add(target);
        spacing.add(source);
        cases.add(caseName);
    }

    /** How many cases the pairs come from (augmented copies and N2 tiles count with their case). */
    public int caseCount() {
        return cases.size();
    }

    /** The voxel spacings of the full-resolution volumes the pairs came from (null when there are none). */
    public SpacingRange spacingRange() {
        return spacing.range();
    }

    /** Downsampled (defective, implant) pairs for N1, or (defective, complete skull) for completion. */
    public static TrainingPairs downsampled(Dataset ds, Shape size, boolean completeTargets, Progress progress)
            throws IOException {
        TrainingPairs p = new TrainingPairs(size);
        progress.start("Downsampling", ds.cases().size());
        try {
            int done = 0;
            for (Dataset.Case c : ds.cases()) {
                progress.checkCancelled();
                java.nio.file.Path targetFile = completeTargets ? c.complete() : c.implant();
                if (targetFile == null) {
                    throw new IOException(ds.root() + ": no " + (completeTargets ? Dataset.COMPLETE : Dataset.IMPLANT)
                            + "/ folder to train on");
                }
                Mask d = NrrdReader.readMask(c.defective());
                Mask t = NrrdReader.readMask(targetFile);
                requireSameShape(d, t, c);
                p.add(c.name(), c.name(), d.geometry(), Resampler.resample(d, size, 2).data(), Resampler.resample(t, size, 2)
                        .data());
                progress.update(++done, c.name());
            }
        } finally {
            progress.finish();
        }
        return p;
    }

    /**
     * Completion pairs with extra defects: besides each case's own (defective, complete) pair,
     * {@code variants} copies of its complete skull with a varied defect cut anywhere on the vault
     * (ellipsoids, blobs, ball clusters of {@code defectSize} in-plane voxels, ±25 %), so the
     * network learns to fill defects of any shape and place, not just the dataset's. Defects are
     * cut at full resolution, then downsampled like the real ones. Deterministic in {@code seed}.
     */
    public static TrainingPairs completionWithVariedDefects(Dataset ds, Shape size, int variants, int defectSize,
            long seed, Progress progress) throws IOException {
        if (variants < 0 || defectSize < 2) {
            throw new IllegalArgumentException("need variants ≥ 0 and a defect size ≥ 2, got " + variants + ", "
                    + defectSize);
        }
        TrainingPairs p = new TrainingPairs(size);
        progress.start("Cutting defects", (long) ds.cases().size() * (variants + 1));
        try {
            int done = 0;
            for (Dataset.Case c : ds.cases()) {
                progress.checkCancelled();
                if (c.complete() == null) {
                    throw new IOException(ds.root() + ": no " + Dataset.COMPLETE + "/ folder to train on");
                }
                Mask d = NrrdReader.readMask(c.defective());
                Mask complete = NrrdReader.readMask(c.complete());
                requireSameShape(d, complete, c);
                byte[] target = Resampler.resample(complete, size, 2).data();
                p.add(c.name(), c.name(), d.geometry(), Resampler.resample(d, size, 2).data(), target);
                progress.update(++done, c.name());
                Random r = new Random(seed * 31 + c.name().hashCode());
                for (int k = 0; k < variants; k++) {
                    progress.checkCancelled();
                    int s = Math.max(2, (int) Math.round(defectSize * (0.75 + 0.5 * r.nextDouble())));
                    Mask cut = DefectInjector.inject(complete, DefectShape.VARIED, s, r.nextLong()).defective();
                    p.add(c.name() + "-varied" + k, c.name(), d.geometry(), Resampler.resample(cut, size, 2).data(), target);
                    progress.update(++done, c.name() + " varied " + k);
                }
            }
        } finally {
            progress.finish();
        }
        return p;
    }

    /** How N2 training crops are placed. */
    public enum CropSource {
        /** Around N1's coarse prediction, as the paper. */
        N1,
        /** Around the true implant, shifted by up to {@code jitter} voxels, several per case. */
        TRUTH
    }

    /**
     * N2 pairs: crops of the defective skull and of the implant around the coarse implant from
     * {@code coarse} (or the truth, jittered). A case where N1 finds nothing falls back to the
     * true box so it still teaches N2.
     */
    public static TrainingPairs n2Crops(Dataset ds, CoarseStage coarse, Shape size, int margin, CropSource source,
            int jitter, long seed, Progress progress) throws IOException {
        TrainingPairs p = new TrainingPairs(size);
        Random r = new Random(seed);
        progress.start("Cropping", ds.cases().size());
        try {
            int done = 0;
            for (Dataset.Case c : ds.cases()) {
                progress.checkCancelled();
                if (c.implant() == null) {
                    throw new IOException(ds.root() + ": no " + Dataset.IMPLANT + "/ folder to train N2 on");
                }
                Mask d = NrrdReader.readMask(c.defective());
                Mask implant = NrrdReader.readMask(c.implant());
                requireSameShape(d, implant, c);
                Box truth = MaskOps.boundingBox(implant);
                if (truth == null) {
                    progress.update(++done, c.name() + " (empty implant skipped)");
                    continue;
                }
                List<Box> boxes = new ArrayList<>();
                if (source == CropSource.N1) {
                    Box b = coarse == null ? null : MaskOps.boundingBox(coarse.predict(d));
                    boxes.add(b != null ? b : truth);
                } else {
                    for (int k = 0; k < 4; k++) {
                        boxes.add(new Box(truth.x0() + r.nextInt(2 * jitter + 1) - jitter,
                                truth.y0() + r.nextInt(2 * jitter + 1) - jitter,
                                truth.z0() + r.nextInt(2 * jitter + 1) - jitter, truth.sx(), truth.sy(), truth.sz()));
                    }
                }
                for (Box b : boxes) {
                    Box clamped = b.clampedTo(d.shape());
                    for (CropPlan plan : ImplantCrops.plan(clamped == null ? truth : clamped, d.shape(), size, margin)) {
                        p.add(c.name(), c.name(), d.geometry(), plan.crop(d).data(), plan.crop(implant).data());
                    }
                }
                progress.update(++done, c.name());
            }
        } finally {
            progress.finish();
        }
        if (p.size() == 0) {
            throw new IOException(ds.root() + ": no case with a non-empty implant");
        }
        return p;
    }

    private static void requireSameShape(Mask a, Mask b, Dataset.Case c) throws IOException {
        if (!a.shape().equals(b.shape())) {
            throw new IOException(c.name() + ": defective skull is " + a.shape() + " but its target is " + b.shape());
        }
    }
}
