package org.autoimplant.nodes.resampler;

import org.autoimplant.nodes.common.SimpleNodeFactory;

/** Downsampler. */
public final class DownsamplerNodeFactory extends SimpleNodeFactory<ResamplerNodeModel> {
    public DownsamplerNodeFactory() {
        super(() -> new ResamplerNodeModel(false), () -> new ResamplerNodeSettings(false));
    }
}
