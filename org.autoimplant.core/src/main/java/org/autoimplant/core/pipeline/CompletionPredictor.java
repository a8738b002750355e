package org.autoimplant.core.pipeline;

import java.util.LinkedHashMap;
import java.util.Map;
import org.autoimplant.core.model.ModelFile;
import org.autoimplant.core.ops.ConnectedComponents;
import org.autoimplant.core.ops.Connectivity;
import org.autoimplant.core.ops.Labeling;
import org.autoimplant.core.ops.MaskOps;
import org.autoimplant.core.util.Progress;
import org.autoimplant.core.volume.Mask;

/**
 * The skull-shape-completion variant: an N1-shaped network predicts the complete skull; the implant
 * is the completed skull minus the defective one, cleaned of the thin slivers that differences of
 * two surfaces leave by keeping the components with at least 10 % of the largest one's voxels.
 */
public final class CompletionPredictor {
    private final CoarseStage completion;
    private final org.autoimplant.core.model.ModelMetadata meta;

    public CompletionPredictor(ModelFile.Loaded model) {
        this.completion = new CoarseStage(model.inferenceNetwork());
        this.meta = model.metadata();
    }

    /** A warning when {@code defective}'s spacing lies far from the model's training data, else null. */
    public String spacingWarning(String name, Mask defective) {
        return PredictionInputs.spacingWarning(name, defective.geometry(), meta);
    }

    public TwoStepPredictor.Result predict(Mask defective, boolean keepLargestComponent, Progress progress) {
        Map<String, Double> t = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        progress.start("Completing", 2);
        try {
            Mask complete = completion.predict(defective);
            t0 = TwoStepPredictor.lap(t, "completion", t0);
            progress.update(1, "difference");
            Mask raw = MaskOps.andNot(complete, defective);
            Mask implant = raw;
            if (raw.count() > 0) {
                Labeling l = ConnectedComponents.label(raw, Connectivity.TWENTY_SIX);
                long largest = l.sizesDescending()[0];
                implant = keepLargestComponent ? l.keepLargest(1) : l.removeSmallerThan(Math.max(1, largest / 10));
            }
            TwoStepPredictor.lap(t, "post-processing", t0);
            progress.update(2, null);
            return new TwoStepPredictor.Result(new Mask(defective.shape(), implant.data(), defective.geometry(),
                    defective.metadata()), complete, t);
        } finally {
            progress.finish();
        }
    }
}
