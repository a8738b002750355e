package org.autoimplant.core.io;

/**
 * What the values of a file that is read as a mask were: their range, whether any were NaN or
 * infinite, and whether the non-zero ones were all the same (a binary mask: 0/1, 0/255, …) — so a
 * CT in Hounsfield units or a probability map read by mistake is recognised instead of being
 * thresholded silently.
 */
public final class ValueCensus {
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;
    private long nonFinite;
    private double firstNonZero = Double.NaN;
    private boolean binary = true;

    /** The census of a volume already in memory. */
    public static ValueCensus of(org.autoimplant.core.volume.Volume v) {
        ValueCensus c = new ValueCensus();
        org.autoimplant.core.volume.VoxelArray d = v.data();
        for (int i = 0, n = d.length(); i < n; i++) {
            c.add(d.getDouble(i));
        }
        return c;
    }

    void add(double v) {
        if (!Double.isFinite(v)) {
            nonFinite++;
            binary = false;
            return;
        }
        if (v < min) {
            min = v;
        }
        if (v > max) {
            max = v;
        }
        if (v != 0 && binary) {
            if (Double.isNaN(firstNonZero)) {
                firstNonZero = v;
            } else if (v != firstNonZero) {
                binary = false;
            }
        }
    }

    /** Smallest finite value (+∞ when there was none). */
    public double min() {
        return min;
    }

    /** Largest finite value (−∞ when there was none). */
    public double max() {
        return max;
    }

    /** NaN and infinite values. */
    public long nonFinite() {
        return nonFinite;
    }

    /** True when all values are 0 or one and the same positive number. */
    public boolean isBinary() {
        return binary && !(firstNonZero < 0);
    }
}
