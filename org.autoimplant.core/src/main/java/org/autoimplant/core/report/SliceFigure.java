package org.autoimplant.core.report;

import java.awt.image.BufferedImage;
import org.autoimplant.core.ops.MaskOps;
import org.autoimplant.core.volume.Box;
import org.autoimplant.core.volume.Mask;
import org.autoimplant.core.volume.Shape;

/**
 * Axial, sagittal and coronal slices through the middle of the defect (the paper's Fig. 7B): the
 * defective skull in grey, the true implant in green, the prediction in red, both in yellow.
 * Pixels are square in millimetres (anisotropic voxels are stretched), superior is up.
 */
public final class SliceFigure {
    static final int SKULL = 0xB4B4B4;
    static final int TRUTH = 0x2CA02C;
    static final int PREDICTION = 0xD62728;
    static final int BOTH = 0xF0D020;
    private static final int BACKGROUND = 0x101010;

    /** The three planes, in this order. */
    public enum Plane {
        AXIAL, SAGITTAL, CORONAL
    }

    private SliceFigure() {
    }

    /** The voxel the slices pass through: the centre of the implant's (or prediction's) box, else the volume's centre. */
    public static int[] centre(Mask truth, Mask prediction) {
        Box b = truth == null ? null : MaskOps.boundingBox(truth);
        if (b == null && prediction != null) {
            b = MaskOps.boundingBox(prediction);
        }
        Shape s = (truth != null ? truth : prediction).shape();
        if (b == null) {
            return new int[] {s.nx() / 2, s.ny() / 2, s.nz() / 2};
        }
        return new int[] {b.x0() + b.sx() / 2, b.y0() + b.sy() / 2, b.z0() + b.sz() / 2};
    }

    /** One plane through {@code at}; the longer side is {@code size} pixels. Any mask but the skull may be null. */
    public static BufferedImage render(Plane plane, int[] at, Mask skull, Mask truth, Mask prediction, int size) {
        Shape s = skull.shape();
        double[] sp = skull.geometry().spacings();
        // (u, v) image axes as volume axes; v is drawn bottom-up for the sagittal and coronal planes.
        int ua = plane == Plane.SAGITTAL ? 1 : 0;
        int va = plane == Plane.AXIAL ? 1 : 2;
        int nu = s.size(ua), nv = s.size(va);
        double wu = nu * sp[ua], wv = nv * sp[va];
        double scale = size / Math.max(wu, wv);
        int w = Math.max(1, (int) Math.round(wu * scale)), h = Math.max(1, (int) Math.round(wv * scale));
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] voxel = at.clone();
        for (int py = 0; py < h; py++) {
            int v = Math.min(nv - 1, (int) ((py + 0.5) / scale / sp[va]));
            if (plane != Plane.AXIAL) {
                v = nv - 1 - v;
            }
            for (int px = 0; px < w; px++) {
                int u = Math.min(nu - 1, (int) ((px + 0.5) / scale / sp[ua]));
                voxel[ua] = u;
                voxel[va] = v;
                img.setRGB(px, py, colour(voxel, skull, truth, prediction));
            }
        }
        return img;
    }

    private static int colour(int[] p, Mask skull, Mask truth, Mask prediction) {
        boolean t = truth != null && truth.get(p[0], p[1], p[2]);
        boolean q = prediction != null && prediction.get(p[0], p[1], p[2]);
        if (t && q) {
            return BOTH;
        }
        if (t) {
            return TRUTH;
        }
        if (q) {
            return PREDICTION;
        }
        return skull.get(p[0], p[1], p[2]) ? SKULL : BACKGROUND;
    }
}
