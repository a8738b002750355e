package org.autoimplant.core.nodecore.volumeops;

import org.autoimplant.core.data.SkullExtractor;
import org.autoimplant.core.nodecore.NodeSettingsException;
import org.autoimplant.core.ops.MaskOps;
import org.autoimplant.core.volume.Mask;
import org.autoimplant.core.volume.Volume;

/**
 * The Skull Extractor node: a CT in Hounsfield units → the skull mask, bone at or above the
 * threshold (150 HU in the paper), optionally only the largest 26-connected part (which drops the
 * CT table and head holder).
 */
public final class SkullExtraction {
    /** @param threshold HU at and above which a voxel is bone; @param largestComponent keep only the largest part */
    public record Settings(double threshold, boolean largestComponent) {
        public static Settings defaults() {
            return new Settings(SkullExtractor.DEFAULT_THRESHOLD_HU, true);
        }

        public void validate() throws NodeSettingsException {
            NodeSettingsException.require(Double.isFinite(threshold) && threshold > -1024 && threshold < 4000,
                    "The bone threshold must be a Hounsfield value between -1024 and 4000 (the paper uses 150)");
        }
    }

    private SkullExtraction() {
    }

    public static Mask apply(Settings s, Volume ct) {
        return s.largestComponent() ? SkullExtractor.extract(ct, s.threshold()) : MaskOps.threshold(ct, s.threshold());
    }
}
