package org.autoimplant.core.nodecore.volumeops;

import org.autoimplant.core.model.NetworkSpec;
import org.autoimplant.core.nodecore.NodeSettingsException;
import org.autoimplant.core.ops.Resampler;
import org.autoimplant.core.volume.Shape;
import org.autoimplant.core.volume.Volume;

/**
 * The Downsampler and Upsampler nodes: B-spline resampling exactly as scipy.ndimage.zoom (the
 * reference's order 2 by default). Down to a size (N1's 128×128×64 by default); up to the grid of
 * another volume (the full-resolution skull the coarse implant belongs to), taking its geometry.
 * Masks stay masks (rounded), other volumes keep their type.
 */
public final class Resampling {
    /** @param size target size (Downsampler); @param order spline order 0–3 */
    public record Settings(Shape size, int order) {
        public static Settings defaults() {
            return new Settings(NetworkSpec.N1_INPUT, 2);
        }

        public void validate() throws NodeSettingsException {
            NodeSettingsException.require(order >= 0 && order <= 3, "The spline order must be 0, 1, 2 or 3");
            NodeSettingsException.require(size != null, "Choose the size to resample to");
        }
    }

    private Resampling() {
    }

    /** {@code v} at {@link Settings#size()}; the spacing grows so the volume covers the same extent. */
    public static Volume down(Settings s, Volume v, boolean mask) {
        return mask ? Resampler.resample(v.toMask(), s.size(), s.order()).asVolume() : Resampler.resample(v, s.size(),
                s.order());
    }

    /** {@code v} on the grid of {@code reference}: its sizes, spacing, directions and origin. */
    public static Volume toGridOf(Settings s, Volume v, Volume reference, boolean mask) {
        Volume r = mask ? Resampler.resample(v.toMask(), reference.shape(), s.order()).asVolume()
                : Resampler.resample(v, reference.shape(), s.order());
        return r.withGeometry(reference.geometry());
    }
}
