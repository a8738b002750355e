package org.autoimplant.core.mesh;

import java.util.Arrays;

/**
 * Taubin's λ|μ smoothing (SIGGRAPH 1995): each iteration moves every vertex by λ times the
 * umbrella Laplacian (shrinks), then by μ &lt; −λ times it (inflates back). It removes the voxel
 * staircase while keeping the enclosed volume, which plain Laplacian smoothing would not: an
 * implant must not shrink away from the defect's rim.
 *
 * <p>The λ|μ pair passes low frequencies with a gain slightly above 1 (at most 1.00085 per pass for
 * these factors), so over thousands of passes the mesh inflates without bound (3,000 passes: 3.5×
 * the volume). Every {@value #VOLUME_CHECK} passes and at the end the mesh is therefore scaled about
 * its centroid back to the volume it started with, and the pass count is capped at
 * {@value #MAX_ITERATIONS}, beyond which smoothing only rounds the implant away from its shape.
 */
public final class TaubinSmoothing {
    public static final double LAMBDA = 0.5;
    public static final double MU = -0.53;
    /** More passes are refused: the staircase is gone after a few dozen. */
    public static final int MAX_ITERATIONS = 1000;
    static final int VOLUME_CHECK = 10;

    private TaubinSmoothing() {
    }

    /** {@code mesh} after {@code iterations} λ|μ passes; 0 returns it unchanged. */
    public static TriangleMesh smooth(TriangleMesh mesh, int iterations) {
        if (iterations < 0 || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("smoothing iterations must be 0 … " + MAX_ITERATIONS + ", got "
                    + iterations + " (10–50 remove the voxel staircase; more only round the implant away)");
        }
        if (iterations == 0 || mesh.vertexCount() == 0) {
            return mesh;
        }
        int[][] neighbours = neighbours(mesh);
        double[] p = mesh.vertices().clone();
        double[] next = new double[p.length];
        double volume = mesh.volume();
        for (int i = 0; i < iterations; i++) {
            step(p, next, neighbours[0], neighbours[1], LAMBDA);
            step(next, p, neighbours[0], neighbours[1], MU);
            if ((i + 1) % VOLUME_CHECK == 0 || i == iterations - 1) {
                keepVolume(mesh, p, volume);
            }
        }
        return mesh.withVertices(p);
    }

    /** Scales the vertices {@code p} of {@code mesh}'s triangles about their centroid to enclose {@code volume}. */
    private static void keepVolume(TriangleMesh mesh, double[] p, double volume) {
        double now = mesh.withVertices(p).volume();
        if (!(volume > 0) || !(now > 0)) {
            return;
        }
        double f = Math.cbrt(volume / now);
        int n = p.length / 3;
        double[] c = new double[3];
        for (int v = 0; v < n; v++) {
            for (int k = 0; k < 3; k++) {
                c[k] += p[3 * v + k] / n;
            }
        }
        for (int v = 0; v < n; v++) {
            for (int k = 0; k < 3; k++) {
                p[3 * v + k] = c[k] + f * (p[3 * v + k] - c[k]);
            }
        }
    }

    private static void step(double[] from, double[] to, int[] start, int[] list, double factor) {
        int n = from.length / 3;
        for (int v = 0; v < n; v++) {
            double sx = 0, sy = 0, sz = 0;
            int count = start[v + 1] - start[v];
            for (int k = start[v]; k < start[v + 1]; k++) {
                int u = list[k];
                sx += from[3 * u];
                sy += from[3 * u + 1];
                sz += from[3 * u + 2];
            }
            for (int c = 0; c < 3; c++) {
                double mean = (c == 0 ? sx : c == 1 ? sy : sz) / count;
                to[3 * v + c] = from[3 * v + c] + factor * (mean - from[3 * v + c]);
            }
        }
    }

    /** Compressed adjacency: {start offsets (n + 1), neighbour list}, each edge once per end. */
    static int[][] neighbours(TriangleMesh mesh) {
        int n = mesh.vertexCount();
        int[] t = mesh.triangles();
        long[] edges = new long[2 * t.length];
        int e = 0;
        for (int i = 0; i < t.length; i += 3) {
            for (int k = 0; k < 3; k++) {
                int a = t[i + k], b = t[i + (k + 1) % 3];
                edges[e++] = (long) a << 32 | b;
                edges[e++] = (long) b << 32 | a;
            }
        }
        Arrays.sort(edges, 0, e);
        int[] start = new int[n + 1];
        int[] list = new int[e];
        int m = 0;
        for (int i = 0; i < e; i++) {
            if (i > 0 && edges[i] == edges[i - 1]) {
                continue;
            }
            int a = (int) (edges[i] >>> 32);
            list[m++] = (int) edges[i];
            start[a + 1]++;
        }
        for (int v = 0; v < n; v++) {
            start[v + 1] += start[v];
        }
        return new int[][] {start, Arrays.copyOf(list, m)};
    }
}
