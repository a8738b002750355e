package org.autoimplant.core.volume;

import java.util.Locale;

/**
 * What a table shows about a volume without its voxels: sizes, spacing, voxel type, how many voxels
 * are non-zero, and whether it is a binary mask. Small enough to travel with every table cell.
 */
public record VolumeSummary(Shape shape, double spacingX, double spacingY, double spacingZ, VoxelType type,
        long nonZero, boolean mask) {

    public VolumeSummary {
        if (nonZero < 0 || nonZero > shape.voxelCount()) {
            throw new IllegalArgumentException("non-zero count " + nonZero + " outside 0…" + shape.voxelCount());
        }
    }

    public static VolumeSummary of(Volume v, boolean mask) {
        double[] sp = v.geometry().spacings();
        long nonZero = mask && v.data() instanceof ByteVoxels b ? count(b.data()) : VoxelStatistics.of(v.data()).nonZero();
        return new VolumeSummary(v.shape(), sp[0], sp[1], sp[2], v.type(), nonZero, mask);
    }

    public static VolumeSummary of(Mask m) {
        double[] sp = m.geometry().spacings();
        return new VolumeSummary(m.shape(), sp[0], sp[1], sp[2], VoxelType.UINT8, m.count(), true);
    }

    public double[] spacing() {
        return new double[] {spacingX, spacingY, spacingZ};
    }

    /** Non-zero voxels times the voxel volume, in cm³. */
    public double nonZeroVolumeCm3() {
        return nonZero * spacingX * spacingY * spacingZ / 1000.0;
    }

    /** One line, e.g. "mask 512×512×237, 0.451 × 0.451 × 0.633 mm, 281,767 voxels inside (12.4 cm³)". */
    @Override
    public String toString() {
        String kind = mask ? "mask" : type.id();
        String inside = mask ? String.format(Locale.ROOT, "%,d voxels inside (%.1f cm³)", nonZero, nonZeroVolumeCm3())
                : String.format(Locale.ROOT, "%,d non-zero voxels", nonZero);
        return String.format(Locale.ROOT, "%s %s, %.3g × %.3g × %.3g mm, %s", kind, shape, spacingX, spacingY, spacingZ,
                inside);
    }

    private static long count(byte[] a) {
        long c = 0;
        for (byte x : a) {
            c += x != 0 ? 1 : 0;
        }
        return c;
    }
}
