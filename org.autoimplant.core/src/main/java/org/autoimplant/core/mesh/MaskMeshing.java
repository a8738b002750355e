package org.autoimplant.core.mesh;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.autoimplant.core.util.Progress;
import org.autoimplant.core.volume.Mask;

/** Mask → smoothed surface → STL, with a one-line summary a user can check against the slicer. */
public final class MaskMeshing {
    /** Default Taubin iterations: removes the voxel staircase of 0.4–0.5 mm voxels without visible rounding. */
    public static final int DEFAULT_SMOOTHING = 10;

    private MaskMeshing() {
    }

    public static TriangleMesh mesh(Mask mask, int smoothing, Progress progress) {
        return TaubinSmoothing.smooth(MarchingTetrahedra.surface(mask, progress), smoothing);
    }

    /** Meshes {@code mask}, writes the STL atomically and returns the summary line. */
    public static String writeStl(Mask mask, int smoothing, Path stl, Progress progress) throws IOException {
        TriangleMesh mesh = mesh(mask, smoothing, progress);
        if (mesh.triangleCount() == 0) {
            throw new IOException(stl + ": not written: the mask is empty, there is no surface to print");
        }
        StlWriter.write(mesh, stl, String.format(Locale.ROOT, "implant, mm, %d smoothing iterations", smoothing));
        return summary(mesh);
    }

    public static String summary(TriangleMesh mesh) {
        double[] b = mesh.bounds();
        return String.format(Locale.ROOT, "%,d triangles, volume %.2f cm³, area %.1f cm², extent %.1f × %.1f × %.1f mm",
                mesh.triangleCount(), mesh.volume() / 1000, mesh.area() / 100, b[3] - b[0], b[4] - b[1], b[5] - b[2]);
    }
}
