package org.autoimplant.nodes.resampler;

import org.autoimplant.nodes.common.SimpleNodeFactory;

/** Upsampler: the Downsampler's model with another column's grid as the target. */
public final class UpsamplerNodeFactory extends SimpleNodeFactory<ResamplerNodeModel> {
    public UpsamplerNodeFactory() {
        super(() -> new ResamplerNodeModel(true), () -> new ResamplerNodeSettings(true));
    }
}
