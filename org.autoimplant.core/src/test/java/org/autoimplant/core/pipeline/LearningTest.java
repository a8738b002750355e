package org.autoimplant.core.pipeline;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.util.Locale;
import org.autoimplant.core.data.Dataset;
import org.autoimplant.core.data.DefectShape;
import org.autoimplant.core.data.PhantomDataset;
import org.autoimplant.core.data.SkullPhantom;
import org.autoimplant.core.model.ImplantNetworks;
import org.autoimplant.core.model.ModelMetadata;
import org.autoimplant.core.model.NetworkSpec;
import org.autoimplant.core.model.Role;
import org.autoimplant.core.model.Trainer;
import org.autoimplant.core.util.Progress;
import org.autoimplant.core.volume.Shape;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Learning is real: small copies of N1 and N2 (the paper's layers, fewer channels) fit the training
 * pairs of two phantoms to a Dice ≥ 0.9 in 300 steps each; the same seed gives the same model.
 *
 * <p>Set-up, the paper's at half scale: 256-voxel phantoms (0.9 mm voxels) with bone 2.5× the
 * anatomical thickness, so that the vault is still 3–5 voxels thick at N1's quarter resolution;
 * cube defects of 36 voxels (32 mm). N1 at 64×64×32 (÷4 in-plane, as 512 → 128), width 1/16, Adam
 * at the paper's lr 1e-4; N2 at 64×64×32 on full-resolution crops around the true implant (margin
 * 10 = the paper's 20 at 512), width 1/2, lr 1e-3; beta1 0.3 for both. Measured on 2 cores: N1 DSC
 * 0 → 0.941 (46 s; 0.948 before the heads ran space-to-depth; seed 2: 0.945), N2 0 → 0.963 with
 * batch statistics (63 s).
 *
 * <p>Why N2 is judged with batch statistics (each crop normalised by its own, as the loss saw it)
 * and N1 with the running statistics prediction uses: trained at batch 1, N2 fits its eight crops
 * while its running-statistics Dice swings with the last steps' exponential averages. Measured
 * (2 cores, 3 seeds, running / batch statistics): after 300 steps 0.817 / 0.963, 0.683 / 0.971,
 * 0.817 / 0.819; after 600 steps 0.907 / 0.980, 0.518 / 0.990, 0.229 / 0.799. Computing every convolution
 * directly (no space-to-depth heads) the running-statistics Dice was 0.960, 0.749, 0.812 after 300
 * steps: the old criterion passed for seed 1 only. Whether the two-step pipeline predicts well with
 * running statistics is {@link HeldOutTest}'s question.
 *
 * <p>Why N1 at 1e-4: at 3e-4 this N1 can die — every voxel background, loss stuck at 0.50 — and
 * whether it does depends on float rounding: it reached 0.969 with DL4J's batch norm, and 0.49 and
 * 0.53 with {@link org.autoimplant.core.model.VolumeBatchNorm}, whose steps match DL4J's to float
 * rounding (tested) but whose trajectories part after a few dozen steps, as any two float
 * implementations' would.
 *
 * <p>The held-out comparison of the two-step pipeline with N1 alone is {@link HeldOutTest}. Small
 * copies do lose bottleneck weights to padding ({@link NetworkSpec#bottleneckTapsUsed}: 60 % of the
 * taps used for N1 and 33 % for N2 here).
 */
public class LearningTest {
    @ClassRule
    public static TemporaryFolder tmp = new TemporaryFolder();

    private static final int STEPS = Integer.getInteger("learning.steps", 300);
    private static final NetworkSpec N1 = new NetworkSpec(Role.N1, new Shape(64, 64, 32), 1.0 / 16, 1, 1e-4, 0.3, 0);
    private static final NetworkSpec N2 = new NetworkSpec(Role.N2, new Shape(64, 64, 32), 0.5, 1, 1e-3, 0.3, 0);
    private static final int MARGIN = 10;
    private static final int DEFECT = 36;

    private static TrainingPairs n1Pairs;
    private static TrainingPairs n2Pairs;

    @BeforeClass
    public static void phantoms() throws Exception {
        Path two = tmp.getRoot().toPath().resolve("two");
        PhantomDataset.write(two, new PhantomDataset.Spec(2, 1, DefectShape.CUBE, DEFECT,
                new SkullPhantom.Options(256).withBoneScale(2.5)), Progress.NONE);
        n1Pairs = TrainingPairs.downsampled(Dataset.open(two), N1.input(), false, Progress.NONE);
        n2Pairs = TrainingPairs.n2Crops(Dataset.open(two), null, N2.input(), MARGIN, TrainingPairs.CropSource.TRUTH, 0,
                N2.seed(), Progress.NONE);
    }

    /**
     * Trains a fresh network and prints "DSC before → after (seconds)"; fails below 0.9. Dice with
     * {@code batchStatistics} as {@link Trainer#meanDice(ComputationGraph, TrainingPairs, boolean)}.
     */
    private static void assertFits(NetworkSpec spec, TrainingPairs pairs, String name, boolean batchStatistics)
            throws Exception {
        ComputationGraph g = ImplantNetworks.build(spec);
        double before = Trainer.meanDice(g, pairs, batchStatistics);
        long t0 = System.nanoTime();
        Trainer.train(g, ModelMetadata.of(spec, spec.role() == Role.N2 ? MARGIN : 0, "test", "test"), pairs, null,
                new Trainer.Options(STEPS, 100_000, 100_000, tmp.getRoot().toPath().resolve(name + ".zip")), Progress.NONE,
                s -> { });
        double seconds = (System.nanoTime() - t0) / 1e9;
        double after = Trainer.meanDice(g, pairs, batchStatistics);
        String report = String.format(Locale.ROOT, "%s training DSC (%s statistics) %.3f → %.3f after %d steps (%.0f s)"
                + "; with the %s statistics %.3f", name, batchStatistics ? "batch" : "running", before, after, STEPS,
                seconds, batchStatistics ? "running" : "batch", Trainer.meanDice(g, pairs, !batchStatistics));
        System.out.println(report);
        // Untrained: 0.000 with running statistics; with batch statistics about half the voxels come out
        // inside (N2: 0.157).
        assertTrue(report, before < 0.3 && after >= 0.9);
    }

    @Test
    public void smallN1FitsItsTrainingPairs() throws Exception {
        assertFits(N1, n1Pairs, "N1", false);
    }

    @Test
    public void smallN2FitsItsTrainingCrops() throws Exception {
        assertFits(N2, n2Pairs, "N2", true);
    }

    @Test
    public void sameSeedSameModel() throws Exception {
        float[][] params = new float[2][];
        for (int run = 0; run < 2; run++) {
            ComputationGraph g = ImplantNetworks.build(N1);
            ModelMetadata meta = ModelMetadata.of(N1, 0, "test", "test");
            Trainer.train(g, meta, n1Pairs, null, new Trainer.Options(5, 1000, 1000,
                    tmp.getRoot().toPath().resolve("same" + run + ".zip")), Progress.NONE, s -> { });
            params[run] = g.params().toFloatVector();
        }
        assertArrayEquals(params[0], params[1], 0f);
    }
}
