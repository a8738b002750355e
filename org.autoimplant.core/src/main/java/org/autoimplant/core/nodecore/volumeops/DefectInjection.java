package org.autoimplant.core.nodecore.volumeops;

import java.nio.charset.StandardCharsets;
import org.autoimplant.core.data.DefectInjector;
import org.autoimplant.core.data.DefectShape;
import org.autoimplant.core.nodecore.NodeSettingsException;
import org.autoimplant.core.volume.Mask;

/**
 * The Defect Injector node: a complete skull → defective skull and implant, a defect of the
 * chosen shape and size cut at a random place. Each row gets its own defect from the seed and its
 * row id, so a table of skulls gives different defects, the same ones on every run.
 */
public final class DefectInjection {
    /** @param size cube side / ball diameter / typical size in in-plane voxels */
    public record Settings(DefectShape shape, int size, long seed) {
        public static Settings defaults() {
            return new Settings(DefectShape.CUBE, 128, 0);
        }

        public void validate() throws NodeSettingsException {
            NodeSettingsException.require(shape != null, "Choose a defect shape");
            NodeSettingsException.require(size >= 2 && size <= 4096, "The defect size must be 2 … 4096 voxels");
        }
    }

    private DefectInjection() {
    }

    /** The defect of row {@code rowId}. */
    public static DefectInjector.Defect apply(Settings s, Mask skull, String rowId) {
        return DefectInjector.inject(skull, s.shape(), s.size(), rowSeed(s.seed(), rowId));
    }

    /** A row's own seed: stable across runs and machines (not String.hashCode of the JVM's choice). */
    static long rowSeed(long seed, String rowId) {
        long h = 0xcbf29ce484222325L;
        for (byte b : rowId.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        return seed * 0x9E3779B97F4A7C15L ^ h;
    }
}
