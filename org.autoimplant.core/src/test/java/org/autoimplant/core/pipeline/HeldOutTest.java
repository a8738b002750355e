package org.autoimplant.core.pipeline;

import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.autoimplant.core.data.Dataset;
import org.autoimplant.core.data.DefectShape;
import org.autoimplant.core.data.PhantomDataset;
import org.autoimplant.core.data.SkullPhantom;
import org.autoimplant.core.io.NrrdReader;
import org.autoimplant.core.metrics.MetricValues;
import org.autoimplant.core.metrics.SegmentationMetrics;
import org.autoimplant.core.model.ModelFile;
import org.autoimplant.core.model.NetworkSpec;
import org.autoimplant.core.model.Role;
import org.autoimplant.core.model.Trainer;
import org.autoimplant.core.util.Progress;
import org.autoimplant.core.volume.Mask;
import org.autoimplant.core.volume.Shape;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The two-step pipeline beats N1 alone on phantoms it never saw: small N1 and N2 are trained with
 * the library's training jobs (as {@code train-n1} / {@code train-n2} run them), then both are scored
 * with the metrics module on held-out phantoms. N1 alone is its upsampled coarse implant with the
 * same clean-up as the two-step result (remaining bone removed, largest component kept), so the
 * comparison measures only what N2's full-resolution crops add.
 *
 * <p>Set-up (also {@code bench/heldout.sh}, with the CLI only): 256-voxel phantoms with bone 2.5×,
 * 40-voxel cube defects at one fixed place as the 2020 training defects ({@link DefectShape#FIXED};
 * with random places a dozen phantoms are too few for N1 to generalise); N1 32×32×16 (÷8), width 1/8;
 * N2 on 64×64×32 full-resolution crops around the true implant jittered by ±3 voxels, margin 10 (the
 * paper's 20 at 512), width 1/2. N1 works at ÷8 rather than the paper's ÷4 because at ÷4 (64×64×32)
 * a dozen phantoms already bring N1 within 0.04 of what that resolution allows (held-out DSC 0.84,
 * truth downsampled and upsampled 0.88), and the small N2, whose 2×2×1 bottleneck places surfaces to
 * about ±2 voxels (crop DSC ≈ 0.8), only ties with it: 0.844 / 0.838 against 0.840, run to run. At ÷8
 * the resolution N1 loses is what N2 gives back, as in the paper. N1 trains at the paper's lr 1e-4:
 * at 3e-4 it learnt and then collapsed to background-only here ({@link
 * org.autoimplant.core.model.Trainer} warns when that happens). Fixed seeds make it repeatable on one
 * machine; another CPU's kernels may take another trajectory, so the margins were also measured for
 * other seeds (issue 5's notes: DSC +0.05 to +0.15, HD −0.2 to −4.7 mm). The HD margin is the fragile
 * one, hence 16 held-out cases (predicting 8 more costs ~10 s): with 8, summing batch-norm statistics
 * per 8192-voxel chunk instead of in one running sum (float rounding only) moved the two-step mean HD
 * from 8.93 to 10.62 mm against N1 alone's 10.1–10.2, DSC still ahead. With 16 both orders pass:
 * N1 alone 0.752 / 9.52 mm, two-step 0.819 / 8.13 (running sum); 0.748 / 10.28 and 0.775 / 9.75
 * (chunk sums).
 */
public class HeldOutTest {
    @ClassRule
    public static TemporaryFolder tmp = new TemporaryFolder();

    private static final int TRAIN = Integer.getInteger("heldout.train", 12);
    private static final int HELD = Integer.getInteger("heldout.cases", 16);
    private static final int N1_STEPS = Integer.getInteger("heldout.n1.steps", 600);
    private static final int N2_STEPS = Integer.getInteger("heldout.n2.steps", 1200);
    private static final NetworkSpec N1 = new NetworkSpec(Role.N1, new Shape(32, 32, 16), 1.0 / 8, 1, 1e-4, 0.3, 0);
    private static final NetworkSpec N2 = new NetworkSpec(Role.N2, new Shape(64, 64, 32), 0.5, 1, 1e-3, 0.3, 0);
    private static final int MARGIN = 10;

    @Test
    public void twoStepBeatsN1AloneOnHeldOutPhantoms() throws Exception {
        Path root = tmp.getRoot().toPath();
        SkullPhantom.Options phantom = new SkullPhantom.Options(256).withBoneScale(2.5);
        Path train = root.resolve("train"), held = root.resolve("held");
        PhantomDataset.write(train, new PhantomDataset.Spec(TRAIN, 1, DefectShape.FIXED, 40, phantom), Progress.NONE);
        PhantomDataset.write(held, new PhantomDataset.Spec(HELD, 2, DefectShape.FIXED, 40, phantom), Progress.NONE);

        long t0 = System.nanoTime();
        Path n1 = root.resolve("n1.zip"), n2 = root.resolve("n2.zip");
        TrainingJobs.trainCoarse(N1, train, null, new Trainer.Options(N1_STEPS, N1_STEPS, N1_STEPS, n1),
                TrainingJobs.IfModelExists.REFUSE, "test",
                Progress.NONE, s -> { });
        double n1Seconds = (System.nanoTime() - t0) / 1e9;
        t0 = System.nanoTime();
        TrainingJobs.trainFine(N2, train, null, MARGIN, TrainingPairs.CropSource.TRUTH, 3, null,
                new Trainer.Options(N2_STEPS, N2_STEPS, N2_STEPS, n2), TrainingJobs.IfModelExists.REFUSE, "test",
                Progress.NONE, s -> { });
        double n2Seconds = (System.nanoTime() - t0) / 1e9;

        TwoStepPredictor predictor = new TwoStepPredictor(ModelFile.load(n1, Role.N1), ModelFile.load(n2, Role.N2));
        List<MetricValues> alone = new ArrayList<>(), twoStep = new ArrayList<>();
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
                "%d training phantoms, N1 %d steps (%.0f s), N2 %d steps (%.0f s); held-out DSC / HD (mm):",
                TRAIN, N1_STEPS, n1Seconds, N2_STEPS, n2Seconds));
        for (Dataset.Case c : Dataset.open(held).cases()) {
            Mask defective = NrrdReader.readMask(c.defective());
            Mask truth = NrrdReader.readMask(c.implant());
            TwoStepPredictor.Result r = predictor.predict(defective, true, Progress.NONE);
            MetricValues a = SegmentationMetrics.compute(TwoStepPredictor.postProcess(r.coarse(), defective, true), truth,
                    defective);
            MetricValues b = SegmentationMetrics.compute(r.implant(), truth, defective);
            alone.add(a);
            twoStep.add(b);
            report.append(String.format(Locale.ROOT, "%n  %s: N1 alone %.3f / %.1f, two-step %.3f / %.1f", c.name(),
                    a.dsc(), a.hd(), b.dsc(), b.hd()));
        }
        double dscAlone = mean(alone, true), dscTwo = mean(twoStep, true);
        double hdAlone = mean(alone, false), hdTwo = mean(twoStep, false);
        report.append(String.format(Locale.ROOT, "%n  mean: N1 alone %.3f / %.2f, two-step %.3f / %.2f", dscAlone, hdAlone,
                dscTwo, hdTwo));
        System.out.println(report);
        // N1 alone must itself have learnt the task, or beating it would prove nothing.
        assertTrue(report.toString(), dscAlone > 0.7);
        assertTrue(report.toString(), dscTwo > dscAlone && hdTwo < hdAlone);
    }

    private static double mean(List<MetricValues> values, boolean dsc) {
        return values.stream().mapToDouble(v -> dsc ? v.dsc() : v.hd()).average().orElseThrow();
    }
}
