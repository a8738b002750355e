package org.autoimplant.core.pipeline;

import java.util.LinkedHashMap;
import java.util.Map;
import org.autoimplant.core.model.ModelFile;
import org.autoimplant.core.ops.ConnectedComponents;
import org.autoimplant.core.ops.Connectivity;
import org.autoimplant.core.ops.MaskOps;
import org.autoimplant.core.util.Progress;
import org.autoimplant.core.volume.Box;
import org.autoimplant.core.volume.Mask;

/**
 * The paper's direct implant generation in two steps (SPEC steps 1–5): N1 finds the coarse implant
 * on the downsampled skull, its upsampled bounding box places the N2 crop(s) on the full-resolution
 * skull, and N2's fine implant goes back into the input's grid (same size, spacing and origin).
 */
public final class TwoStepPredictor {
    private final CoarseStage coarse;
    private final FineStage n2;
    private final int margin;

    /** The result: the implant, the upsampled coarse implant, and seconds per stage. */
    public record Result(Mask implant, Mask coarse, Map<String, Double> seconds) {
    }

    private final org.autoimplant.core.model.ModelMetadata n1Meta;

    public TwoStepPredictor(ModelFile.Loaded n1, ModelFile.Loaded n2) {
        this.coarse = new CoarseStage(n1.inferenceNetwork());
        this.n1Meta = n1.metadata();
        this.n2 = new FineStage(n2.inferenceNetwork());
        this.margin = n2.metadata().getMargin();
    }

    /** A warning when {@code defective}'s spacing lies far from N1's training data, else null. */
    public String spacingWarning(String name, Mask defective) {
        return PredictionInputs.spacingWarning(name, defective.geometry(), n1Meta);
    }

    public Result predict(Mask defective, boolean keepLargestComponent, Progress progress) {
        Map<String, Double> t = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        progress.start("Predicting", 5);
        try {
            Mask low = coarse.downsample(defective);
            t0 = lap(t, "downsample", t0);
            progress.update(1, "N1");
            Mask lowPred = coarse.predictLowRes(low);
            t0 = lap(t, "N1", t0);
            progress.update(2, "upsample");
            Mask up = CoarseStage.upsample(lowPred, defective);
            t0 = lap(t, "upsample", t0);
            progress.update(3, "N2");
            Box box = MaskOps.boundingBox(up);
            Mask implant = box == null ? Mask.empty(defective.shape(), defective.geometry())
                    : refine(defective, box, progress);
            t0 = lap(t, "N2", t0);
            progress.update(4, "post-processing");
            Mask result = postProcess(implant, defective, keepLargestComponent);
            lap(t, "post-processing", t0);
            progress.update(5, null);
            return new Result(new Mask(defective.shape(), result.data(), defective.geometry(), defective.metadata()),
                    up, t);
        } finally {
            progress.finish();
        }
    }

    /**
     * Step 4–5 alone: N2's fine implant for the crop(s) planned around {@code implantBox} (full
     * resolution voxels), pasted into an empty volume of the input's grid. Bone is not removed here.
     */
    public Mask refine(Mask defective, Box implantBox, Progress progress) {
        Mask implant = Mask.empty(defective.shape(), defective.geometry());
        for (CropPlan plan : ImplantCrops.plan(implantBox, defective.shape(), n2.input(), margin)) {
            progress.checkCancelled();
            plan.paste(n2.segment(plan.crop(defective)), implant);
        }
        return implant;
    }

    /**
     * Step 5's clean-up: an implant never overlaps the bone that is still there; optionally only its
     * largest 26-connected component is kept.
     */
    public static Mask postProcess(Mask implant, Mask defective, boolean keepLargestComponent) {
        Mask result = MaskOps.andNot(implant, defective);
        if (keepLargestComponent && result.count() > 0) {
            result = ConnectedComponents.label(result, Connectivity.TWENTY_SIX).keepLargest(1);
        }
        return result;
    }

    static long lap(Map<String, Double> t, String stage, long since) {
        long now = System.nanoTime();
        t.merge(stage, (now - since) / 1e9, Double::sum);
        return now;
    }
}
