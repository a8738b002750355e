package org.autoimplant.core.pipeline;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.autoimplant.core.model.ModelFile;
import org.autoimplant.core.model.Tensors;
import org.autoimplant.core.ops.ConnectedComponents;
import org.autoimplant.core.ops.Connectivity;
import org.autoimplant.core.ops.MaskOps;
import org.autoimplant.core.util.Progress;
import org.autoimplant.core.volume.Box;
import org.autoimplant.core.volume.Mask;
import org.autoimplant.core.volume.Shape;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The paper's direct implant generation in two steps (SPEC steps 1–5): N1 finds the coarse implant
 * on the downsampled skull, its upsampled bounding box places the N2 crop(s) on the full-resolution
 * skull, and N2's fine implant goes back into the input's grid (same size, spacing and origin).
 */
public final class TwoStepPredictor {
    private final CoarseStage coarse;
    private final ComputationGraph n2;
    private final Shape n2Input;
    private final int margin;

    /** The result: the implant, the upsampled coarse implant, and seconds per stage. */
    public record Result(Mask implant, Mask coarse, Map<String, Double> seconds) {
    }

    public TwoStepPredictor(ModelFile.Loaded n1, ModelFile.Loaded n2) {
        this.coarse = new CoarseStage(n1.inferenceNetwork(), n1.metadata().inputShape());
        this.n2 = n2.inferenceNetwork();
        this.n2Input = n2.metadata().inputShape();
        this.margin = n2.metadata().getMargin();
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
            Mask up = org.autoimplant.core.ops.Resampler.resample(lowPred, defective.shape(), 2)
                    .withGeometry(defective.geometry());
            t0 = lap(t, "upsample", t0);
            Mask implant = Mask.empty(defective.shape(), defective.geometry());
            Box box = MaskOps.boundingBox(up);
            progress.update(3, "N2");
            if (box != null) {
                List<CropPlan> plans = ImplantCrops.plan(box, defective.shape(), n2Input, margin);
                for (CropPlan plan : plans) {
                    progress.checkCancelled();
                    Mask in = plan.crop(defective);
                    INDArray out = n2.outputSingle(false, Tensors.input(in.data(), n2Input));
                    plan.paste(Tensors.mask(Tensors.argmax(out), n2Input, in.geometry()), implant);
                }
            }
            t0 = lap(t, "N2", t0);
            progress.update(4, "post-processing");
            // An implant never overlaps the bone that is still there.
            Mask result = MaskOps.andNot(implant, defective);
            if (keepLargestComponent && result.count() > 0) {
                result = ConnectedComponents.label(result, Connectivity.TWENTY_SIX).keepLargest(1);
            }
            lap(t, "post-processing", t0);
            progress.update(5, null);
            return new Result(new Mask(defective.shape(), result.data(), defective.geometry(), defective.metadata()),
                    up, t);
        } finally {
            progress.finish();
        }
    }

    static long lap(Map<String, Double> t, String stage, long since) {
        long now = System.nanoTime();
        t.merge(stage, (now - since) / 1e9, Double::sum);
        return now;
    }
}
