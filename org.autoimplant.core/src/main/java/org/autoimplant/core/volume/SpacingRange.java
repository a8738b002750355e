package org.autoimplant.core.volume;

import java.util.Locale;

/**
 * The voxel spacings a set of volumes has, in-plane (x and y) and between slices (z), in mm: what
 * a model was trained on, so that prediction can say when an input lies far outside it.
 */
public record SpacingRange(double inPlaneMin, double inPlaneMax, double sliceMin, double sliceMax) {
    /** How far outside the range a spacing may lie before prediction warns: a factor of 1.5 either way. */
    public static final double TOLERANCE = 1.5;

    public SpacingRange {
        if (!(inPlaneMin > 0 && inPlaneMin <= inPlaneMax && sliceMin > 0 && sliceMin <= sliceMax)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "not a spacing range: %g–%g, %g–%g",
                    inPlaneMin, inPlaneMax, sliceMin, sliceMax));
        }
    }

    /** As stored in model metadata: {inPlaneMin, inPlaneMax, sliceMin, sliceMax}; null for null. */
    public static SpacingRange of(double[] stored) {
        return stored == null ? null : new SpacingRange(stored[0], stored[1], stored[2], stored[3]);
    }

    public double[] toArray() {
        return new double[] {inPlaneMin, inPlaneMax, sliceMin, sliceMax};
    }

    /** True when {@code g}'s spacings lie within this range widened by {@link #TOLERANCE}. */
    public boolean near(Geometry g) {
        double[] sp = g.spacings();
        return within(sp[0], inPlaneMin, inPlaneMax) && within(sp[1], inPlaneMin, inPlaneMax)
                && within(sp[2], sliceMin, sliceMax);
    }

    private static boolean within(double v, double min, double max) {
        return v >= min / TOLERANCE && v <= max * TOLERANCE;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%.2f–%.2f mm in-plane, %.2f–%.2f mm slices", inPlaneMin, inPlaneMax,
                sliceMin, sliceMax);
    }

    /** Collects the range of the volumes added. */
    public static final class Accumulator {
        private double inMin = Double.POSITIVE_INFINITY, inMax, sliceMin = Double.POSITIVE_INFINITY, sliceMax;

        public void add(Geometry g) {
            double[] sp = g.spacings();
            inMin = Math.min(inMin, Math.min(sp[0], sp[1]));
            inMax = Math.max(inMax, Math.max(sp[0], sp[1]));
            sliceMin = Math.min(sliceMin, sp[2]);
            sliceMax = Math.max(sliceMax, sp[2]);
        }

        /** The range, or null when nothing was added. */
        public SpacingRange range() {
            return inMax == 0 ? null : new SpacingRange(inMin, inMax, sliceMin, sliceMax);
        }
    }
}
