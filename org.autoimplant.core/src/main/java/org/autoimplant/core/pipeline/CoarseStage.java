package org.autoimplant.core.pipeline;

import org.autoimplant.core.model.InferenceNetwork;
import org.autoimplant.core.model.Tensors;
import org.autoimplant.core.ops.Resampler;
import org.autoimplant.core.volume.Mask;
import org.autoimplant.core.volume.Shape;

/**
 * Steps 1–3 of the SPEC with an N1-shaped network: downsample the defective skull to the network
 * size (order-2 spline, rounded like scipy on integer masks), predict, and upsample the prediction
 * to full resolution with the same spline.
 */
public final class CoarseStage {
    private final InferenceNetwork net;

    public CoarseStage(InferenceNetwork net) {
        this.net = net;
    }

    public Shape input() {
        return net.input();
    }

    /** The defective skull at network resolution. */
    public Mask downsample(Mask defective) {
        return Resampler.resample(defective, net.input(), 2);
    }

    /** The network's prediction at network resolution. */
    public Mask predictLowRes(Mask lowResInput) {
        return Tensors.mask(net.segment(lowResInput.data()), net.input(), lowResInput.geometry());
    }

    /** A network-resolution prediction upsampled to the grid of {@code defective}, taking its geometry. */
    public static Mask upsample(Mask low, Mask defective) {
        return Resampler.resample(low, defective.shape(), 2).withGeometry(defective.geometry());
    }

    /** Prediction for a full-resolution defective skull, upsampled back to its grid. */
    public Mask predict(Mask defective) {
        return upsample(predictLowRes(downsample(defective)), defective);
    }
}
