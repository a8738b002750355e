package org.autoimplant.core.mesh;

/**
 * An indexed triangle mesh in world coordinates (mm): vertex coordinates as x, y, z triples and
 * triangles as vertex-index triples, counter-clockwise seen from outside (normals point out).
 */
public final class TriangleMesh {
    private final double[] vertices;
    private final int[] triangles;

    public TriangleMesh(double[] vertices, int[] triangles) {
        if (vertices.length % 3 != 0 || triangles.length % 3 != 0) {
            throw new IllegalArgumentException("vertex and triangle arrays must hold triples");
        }
        this.vertices = vertices;
        this.triangles = triangles;
    }

    public int vertexCount() {
        return vertices.length / 3;
    }

    public int triangleCount() {
        return triangles.length / 3;
    }

    /** x, y, z of every vertex, in order; shared, not copied. */
    public double[] vertices() {
        return vertices;
    }

    /** Three vertex indices per triangle; shared, not copied. */
    public int[] triangles() {
        return triangles;
    }

    /** The mesh with other vertex positions and the same triangles. */
    public TriangleMesh withVertices(double[] moved) {
        if (moved.length != vertices.length) {
            throw new IllegalArgumentException("vertex count differs");
        }
        return new TriangleMesh(moved, triangles);
    }

    /** Enclosed volume in mm³ by the divergence theorem (positive when normals point out). */
    public double volume() {
        double sum = 0;
        for (int t = 0; t < triangles.length; t += 3) {
            int a = 3 * triangles[t], b = 3 * triangles[t + 1], c = 3 * triangles[t + 2];
            double ax = vertices[a], ay = vertices[a + 1], az = vertices[a + 2];
            double bx = vertices[b], by = vertices[b + 1], bz = vertices[b + 2];
            double cx = vertices[c], cy = vertices[c + 1], cz = vertices[c + 2];
            sum += ax * (by * cz - bz * cy) - ay * (bx * cz - bz * cx) + az * (bx * cy - by * cx);
        }
        return sum / 6;
    }

    /** Total surface area in mm². */
    public double area() {
        double sum = 0;
        double[] n = new double[3];
        for (int t = 0; t < triangleCount(); t++) {
            normal(t, n);
            sum += Math.sqrt(n[0] * n[0] + n[1] * n[1] + n[2] * n[2]);
        }
        return sum / 2;
    }

    /** Writes the unnormalised normal (b − a) × (c − a) of triangle {@code t} (length = 2 × area). */
    public void normal(int t, double[] out) {
        int a = 3 * triangles[3 * t], b = 3 * triangles[3 * t + 1], c = 3 * triangles[3 * t + 2];
        double ux = vertices[b] - vertices[a], uy = vertices[b + 1] - vertices[a + 1], uz = vertices[b + 2] - vertices[a + 2];
        double vx = vertices[c] - vertices[a], vy = vertices[c + 1] - vertices[a + 1], vz = vertices[c + 2] - vertices[a + 2];
        out[0] = uy * vz - uz * vy;
        out[1] = uz * vx - ux * vz;
        out[2] = ux * vy - uy * vx;
    }

    /** Minimum and maximum corner: {xmin, ymin, zmin, xmax, ymax, zmax}. */
    public double[] bounds() {
        double[] b = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (int i = 0; i < vertices.length; i++) {
            b[i % 3] = Math.min(b[i % 3], vertices[i]);
            b[3 + i % 3] = Math.max(b[3 + i % 3], vertices[i]);
        }
        return b;
    }
}
