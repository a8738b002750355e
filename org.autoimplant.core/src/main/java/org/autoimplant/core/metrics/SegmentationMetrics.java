package org.autoimplant.core.metrics;

import org.autoimplant.core.ops.DistanceTransform;
import org.autoimplant.core.ops.MaskOps;
import org.autoimplant.core.volume.Box;
import org.autoimplant.core.volume.Mask;
import org.autoimplant.core.volume.Shape;

/**
 * The AutoImplant metrics of a predicted mask P against the truth G, at full resolution with the
 * files' spacing (the length of each direction vector):
 * <ul>
 * <li>DSC = 2|P∩G| / (|P| + |G|);</li>
 * <li>RE = |P xor G| / voxels × 100 %;</li>
 * <li>HD = max(max d(∂P→∂G), max d(∂G→∂P)) in mm, ∂ the surface voxels ({@link Borders});</li>
 * <li>HD95 = 95th percentile of the distances of both directions pooled (the organisers' MedPy copy);</li>
 * <li>border DSC (AutoImplant 2021) = DSC after zeroing both masks farther than 10 mm from the
 * defective skull.</li>
 * </ul>
 * Both empty: DSC 1 and distances 0. One empty: DSC 0 and distances +∞. An empty defective skull
 * leaves no voxel within 10 mm of it: border DSC 1 (nothing to compare). Masks must lie on the same
 * grid (sizes, spacing, directions, origin), else {@link #requireSameGrid} refuses them.
 */
public final class SegmentationMetrics {
    /** Distance from the defective skull within which the border DSC counts voxels. */
    public static final double BORDER_MM = 10.0;

    private SegmentationMetrics() {
    }

    /** All metrics; {@code defective} may be null, then border DSC is NaN. */
    public static MetricValues compute(Mask pred, Mask truth, Mask defective) {
        requireSameGrid(pred, truth, "prediction", "truth");
        long p = pred.count(), g = truth.count();
        long both = MaskOps.overlap(pred, truth);
        double dsc = dice(both, p, g);
        double re = 100.0 * (p + g - 2 * both) / pred.shape().voxelCount();
        double hd, hd95;
        if (p == 0 && g == 0) {
            hd = 0;
            hd95 = 0;
        } else if (p == 0 || g == 0) {
            hd = Double.POSITIVE_INFINITY;
            hd95 = Double.POSITIVE_INFINITY;
        } else {
            double[] sp = pred.geometry().spacings();
            Mask bp = Borders.of(pred), bg = Borders.of(truth);
            double[] pg = SurfaceDistances.between(bp, bg, sp);
            double[] gp = SurfaceDistances.between(bg, bp, sp);
            hd = Math.max(max(pg), max(gp));
            double[] pooled = new double[pg.length + gp.length];
            System.arraycopy(pg, 0, pooled, 0, pg.length);
            System.arraycopy(gp, 0, pooled, pg.length, gp.length);
            hd95 = SurfaceDistances.percentile(pooled, 95);
        }
        double bdsc = Double.NaN;
        if (defective != null) {
            requireSameGrid(pred, defective, "prediction", "defective skull");
            bdsc = borderDice(pred, truth, defective);
        }
        return new MetricValues(dsc, hd, hd95, re, bdsc);
    }

    /** DSC of the parts of P and G within {@link #BORDER_MM} of the defective skull. */
    static double borderDice(Mask pred, Mask truth, Mask defective) {
        Box box = MaskOps.boundingBox(MaskOps.or(pred, truth));
        if (box == null) {
            return 1.0;
        }
        double[] sp = pred.geometry().spacings();
        int gx = (int) Math.ceil(BORDER_MM / sp[0]), gy = (int) Math.ceil(BORDER_MM / sp[1]),
                gz = (int) Math.ceil(BORDER_MM / sp[2]);
        // Any defective voxel within 10 mm of the implants lies in their box widened by 10 mm.
        Box wide = new Box(box.x0() - gx, box.y0() - gy, box.z0() - gz, box.sx() + 2 * gx, box.sy() + 2 * gy,
                box.sz() + 2 * gz).clampedTo(pred.shape());
        Mask d = defective.crop(wide);
        double[] d2 = DistanceTransform.squared(d.data(), d.shape(), sp);
        byte[] pp = pred.crop(wide).data(), gg = truth.crop(wide).data();
        double limit = BORDER_MM * BORDER_MM;
        long p = 0, g = 0, both = 0;
        for (int i = 0; i < d2.length; i++) {
            if (d2[i] <= limit) {
                p += pp[i];
                g += gg[i];
                both += pp[i] & gg[i];
            }
        }
        return dice(both, p, g);
    }

    static double dice(long both, long p, long g) {
        return p + g == 0 ? 1.0 : 2.0 * both / (p + g);
    }

    private static double max(double[] v) {
        double m = 0;
        for (double x : v) {
            m = Math.max(m, x);
        }
        return m;
    }

    /** Masks must share size, spacing, directions and origin to be compared voxel by voxel. */
    public static void requireSameGrid(Mask a, Mask b, String nameA, String nameB) {
        Shape sa = a.shape(), sb = b.shape();
        if (!sa.equals(sb)) {
            throw new IllegalArgumentException(nameA + " is " + sa + " but " + nameB + " is " + sb);
        }
        String d = a.geometry().difference(b.geometry());
        if (d != null) {
            throw new IllegalArgumentException(nameA + " and " + nameB + " are not on the same grid: " + d
                    + "; compare masks in the same patient coordinates (resample or re-export one of them)");
        }
    }
}
