package org.autoimplant.core.report;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.autoimplant.core.mesh.MaskMeshing;
import org.autoimplant.core.mesh.TriangleMesh;
import org.autoimplant.core.ops.Resampler;
import org.autoimplant.core.util.Progress;
import org.autoimplant.core.volume.Mask;
import org.autoimplant.core.volume.Shape;

/** The pictures of one case: three slices and a 3-D view of skull + implant. */
public final class CaseFigures {
    /** Skulls wider than this are halved (or more) before meshing for the 3-D view: it is a picture, not a print. */
    private static final int RENDER_MAX_SIDE = 200;

    private CaseFigures() {
    }

    public static List<BufferedImage> slices(Mask defective, Mask truth, Mask prediction, int size) {
        int[] at = SliceFigure.centre(truth, prediction);
        List<BufferedImage> out = new ArrayList<>();
        for (SliceFigure.Plane p : SliceFigure.Plane.values()) {
            out.add(SliceFigure.render(p, at, defective, truth, prediction, size));
        }
        return out;
    }

    /** The skull's surface for {@link #view}, made once per case (coarsened above 200 voxels). */
    public static TriangleMesh skullSurface(Mask defective) {
        return MaskMeshing.mesh(coarse(defective), 8, Progress.NONE);
    }

    /** Skull in bone grey with {@code implant} in {@code rgb}, seen from outside the defect. */
    public static BufferedImage view(TriangleMesh skull, Mask implant, int rgb, int size) {
        TriangleMesh part = MaskMeshing.mesh(implant, 8, Progress.NONE);
        double[] c = centroid(skull);
        double[] i = part.vertexCount() > 0 ? centroid(part) : new double[] {c[0], c[1], c[2] + 1};
        double[] view = {c[0] - i[0], c[1] - i[1], c[2] - i[2]};
        if (Math.sqrt(view[0] * view[0] + view[1] * view[1] + view[2] * view[2]) < 1e-6) {
            view = new double[] {0, 0, -1};
        }
        double[] up = {0, 0, 1};
        double[] n = SurfaceRenderer.normalise(view);
        if (Math.abs(n[2]) > 0.95) {
            up = new double[] {0, 1, 0};
        }
        return SurfaceRenderer.render(List.of(new SurfaceRenderer.Item(skull, 0xE8E0D0),
                new SurfaceRenderer.Item(part, rgb)), view, up, size, size);
    }

    private static Mask coarse(Mask m) {
        Shape s = m.shape();
        int f = 1;
        while (Math.max(s.nx(), s.ny()) / f > RENDER_MAX_SIDE) {
            f *= 2;
        }
        if (f == 1) {
            return m;
        }
        return Resampler.resample(m, new Shape(Math.max(2, s.nx() / f), Math.max(2, s.ny() / f), Math.max(2, s.nz() / f)), 1);
    }

    private static double[] centroid(TriangleMesh m) {
        double[] c = new double[3];
        double[] v = m.vertices();
        for (int i = 0; i < v.length; i++) {
            c[i % 3] += v[i];
        }
        for (int k = 0; k < 3; k++) {
            c[k] /= Math.max(1, m.vertexCount());
        }
        return c;
    }
}
