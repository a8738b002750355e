package org.autoimplant.core.pipeline;

import org.autoimplant.core.model.InferenceNetwork;
import org.autoimplant.core.model.Tensors;
import org.autoimplant.core.volume.Mask;
import org.autoimplant.core.volume.Shape;

/** Step 4's network: N2's fine implant for one zero-padded crop of the full-resolution skull. */
public final class FineStage {
    private final InferenceNetwork net;

    public FineStage(InferenceNetwork net) {
        this.net = net;
    }

    public Shape input() {
        return net.input();
    }

    /** The fine implant of {@code crop}, on the crop's grid; the crop must be the network's input size. */
    public Mask segment(Mask crop) {
        if (!crop.shape().equals(net.input())) {
            throw new IllegalArgumentException("the crop is " + crop.shape() + " but the N2 model takes " + net.input()
                    + " (crop with the model's input size)");
        }
        return Tensors.mask(net.segment(crop.data()), net.input(), crop.geometry());
    }
}
