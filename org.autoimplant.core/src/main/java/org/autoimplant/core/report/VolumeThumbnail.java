package org.autoimplant.core.report;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import org.autoimplant.core.volume.Shape;
import org.autoimplant.core.volume.Volume;
import org.autoimplant.core.volume.VoxelArray;
import org.autoimplant.core.volume.VoxelStatistics;

/**
 * A small picture of a whole volume for table cells: axial, sagittal and coronal slices through
 * its centre of mass, side by side, each fitted into a {@code size}×{@code size} square with
 * square millimetres (anisotropic voxels are stretched), superior up in the sagittal and coronal
 * panels. Grey levels run from the volume's minimum (black) to its maximum (white), so a mask is
 * white on black and a CT shows bone brightest. The image is 8-bit grey: a mask's thumbnail
 * compresses to a few kB of PNG, small enough to keep in every table cell.
 */
public final class VolumeThumbnail {
    /** Grey level around each panel, so panels of any aspect read as three pictures. */
    static final int FRAME = 48;

    private VolumeThumbnail() {
    }

    /** The voxel the three slices pass through: the centre of mass of value − minimum (the centre of an empty volume). */
    public static int[] centreOfMass(Volume v) {
        Shape s = v.shape();
        VoxelArray d = v.data();
        double min = range(v)[0];
        double sw = 0, sx = 0, sy = 0, sz = 0;
        int i = 0;
        for (int z = 0; z < s.nz(); z++) {
            for (int y = 0; y < s.ny(); y++) {
                for (int x = 0; x < s.nx(); x++, i++) {
                    double w = d.getDouble(i) - min;
                    if (w > 0) {
                        sw += w;
                        sx += w * x;
                        sy += w * y;
                        sz += w * z;
                    }
                }
            }
        }
        if (!(sw > 0)) {
            return new int[] {s.nx() / 2, s.ny() / 2, s.nz() / 2};
        }
        return new int[] {(int) Math.round(sx / sw), (int) Math.round(sy / sw), (int) Math.round(sz / sw)};
    }

    /** The three panels in one image {@code 3 × size} wide and {@code size} high. */
    public static BufferedImage render(Volume v, int size) {
        if (size < 3) {
            throw new IllegalArgumentException("thumbnail size must be at least 3 pixels, got " + size);
        }
        int[] at = centreOfMass(v);
        double[] range = range(v);
        BufferedImage img = new BufferedImage(3 * size, size, BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster r = img.getRaster();
        for (int py = 0; py < size; py++) {
            for (int px = 0; px < 3 * size; px++) {
                r.setSample(px, py, 0, FRAME);
            }
        }
        SliceFigure.Plane[] planes = SliceFigure.Plane.values();
        for (int p = 0; p < planes.length; p++) {
            drawPanel(r, p * size, v, planes[p], at, range, size);
        }
        return img;
    }

    private static void drawPanel(WritableRaster img, int left, Volume v, SliceFigure.Plane plane, int[] at,
            double[] range, int size) {
        Shape s = v.shape();
        double[] sp = v.geometry().spacings();
        int ua = plane == SliceFigure.Plane.SAGITTAL ? 1 : 0;
        int va = plane == SliceFigure.Plane.AXIAL ? 1 : 2;
        int nu = s.size(ua), nv = s.size(va);
        double wu = nu * sp[ua], wv = nv * sp[va];
        double scale = size / Math.max(wu, wv);
        int w = Math.max(1, Math.min(size, (int) Math.round(wu * scale)));
        int h = Math.max(1, Math.min(size, (int) Math.round(wv * scale)));
        int ox = left + (size - w) / 2, oy = (size - h) / 2;
        double lo = range[0], span = range[1] - range[0];
        int[] voxel = at.clone();
        for (int py = 0; py < h; py++) {
            int vv = Math.min(nv - 1, (int) ((py + 0.5) / scale / sp[va]));
            voxel[va] = plane == SliceFigure.Plane.AXIAL ? vv : nv - 1 - vv;
            for (int px = 0; px < w; px++) {
                voxel[ua] = Math.min(nu - 1, (int) ((px + 0.5) / scale / sp[ua]));
                double value = v.get(voxel[0], voxel[1], voxel[2]);
                int g = span > 0 && !Double.isNaN(value)
                        ? (int) Math.round(255 * Math.max(0, Math.min(1, (value - lo) / span))) : 0;
                img.setSample(ox + px, oy + py, 0, g);
            }
        }
    }

    private static double[] range(Volume v) {
        VoxelStatistics st = VoxelStatistics.of(v.data());
        return Double.isNaN(st.min()) ? new double[] {0, 0} : new double[] {st.min(), st.max()};
    }
}
