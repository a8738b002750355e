package org.autoimplant.core.mesh;

import java.util.Arrays;

/**
 * Taubin's λ|μ smoothing (SIGGRAPH 1995): each iteration moves every vertex by λ times the
 * umbrella Laplacian (shrinks), then by μ &lt; −λ times it (inflates back). It removes the voxel
 * staircase while keeping the enclosed volume, which plain Laplacian smoothing would not: an
 * implant must not shrink away from the defect's rim.
 */
public final class TaubinSmoothing {
    public static final double LAMBDA = 0.5;
    public static final double MU = -0.53;

    private TaubinSmoothing() {
    }

    /** {@code mesh} after {@code iterations} λ|μ passes; 0 returns it unchanged. */
    public static TriangleMesh smooth(TriangleMesh mesh, int iterations) {
        if (iterations < 0) {
            throw new IllegalArgumentException("iterations must be ≥ 0");
        }
        if (iterations == 0 || mesh.vertexCount() == 0) {
            return mesh;
        }
        int[][] neighbours = neighbours(mesh);
        double[] p = mesh.vertices().clone();
        double[] next = new double[p.length];
        for (int i = 0; i < iterations; i++) {
            step(p, next, neighbours[0], neighbours[1], LAMBDA);
            step(next, p, neighbours[0], neighbours[1], MU);
        }
        return mesh.withVertices(p);
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
