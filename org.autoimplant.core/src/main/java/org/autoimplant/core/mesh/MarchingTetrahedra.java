package org.autoimplant.core.mesh;

import org.autoimplant.core.ops.MaskOps;
import org.autoimplant.core.util.Progress;
import org.autoimplant.core.volume.Box;
import org.autoimplant.core.volume.Geometry;
import org.autoimplant.core.volume.Mask;
import org.autoimplant.core.volume.Shape;

/**
 * The boundary surface of a binary mask: marching tetrahedra on the Freudenthal (Kuhn)
 * triangulation of the voxel-centre lattice, iso-value ½, vertices at the midpoints of cut lattice
 * edges, in world coordinates (spacing, directions and origin applied).
 *
 * <p>Why tetrahedra rather than the 15-case marching-cubes table: cubes have ambiguous faces that
 * the classic table resolves inconsistently, leaving holes; the Freudenthal split cuts every cube
 * face along the same diagonal as its neighbour, so the surface is the level set of a piecewise
 * linear function on a triangulation and therefore always a closed, consistently oriented
 * 2-manifold — what a 3-D printer needs. Outside the mask counts as empty, so the surface is
 * closed at the volume's border too.
 */
public final class MarchingTetrahedra {
    /** Corner offsets of a unit cube, bit 0 = x, bit 1 = y, bit 2 = z. */
    private static final int[][] TETRAHEDRA = freudenthal();

    private MarchingTetrahedra() {
    }

    /** The surface of {@code mask}; an empty mask gives an empty mesh. */
    public static TriangleMesh surface(Mask mask, Progress progress) {
        if (mask.geometry().spaceDimension() != 3) {
            throw new IllegalArgumentException("a surface needs a 3-D world space; this volume's space has "
                    + mask.geometry().spaceDimension() + " dimensions");
        }
        Box box = MaskOps.boundingBox(mask);
        if (box == null) {
            return new TriangleMesh(new double[0], new int[0]);
        }
        return new Extraction(mask, box).run(progress);
    }

    /** The six tetrahedra of a cube sharing the diagonal 0 → 7: one per order of the axes. */
    private static int[][] freudenthal() {
        int[][] orders = {{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}};
        int[][] t = new int[6][4];
        for (int i = 0; i < 6; i++) {
            int corner = 0;
            t[i][0] = corner;
            for (int k = 0; k < 3; k++) {
                corner |= 1 << orders[i][k];
                t[i][k + 1] = corner;
            }
        }
        return t;
    }

    /** One extraction over the lattice cells from one voxel before to one voxel after the box. */
    private static final class Extraction {
        private final Mask mask;
        private final Shape shape;
        private final int x0, y0, z0, nx, ny, nz;
        private final LongIntHashMap vertexOfEdge;
        private double[] vertices = new double[3 * 1024];
        private int vertexCount;
        private int[] triangles = new int[3 * 2048];
        private int triangleCount;
        private final boolean[] inside = new boolean[8];
        private final int[] corner = new int[8];
        private final int[] ins = new int[4];
        private final int[] outs = new int[4];
        private final double[] dir = new double[3];

        Extraction(Mask mask, Box box) {
            this.mask = mask;
            this.shape = mask.shape();
            x0 = box.x0() - 1;
            y0 = box.y0() - 1;
            z0 = box.z0() - 1;
            nx = box.sx() + 2;
            ny = box.sy() + 2;
            nz = box.sz() + 2;
            vertexOfEdge = new LongIntHashMap(1 << 16);
        }

        TriangleMesh run(Progress progress) {
            progress.start("Surface", nz - 1);
            try {
                for (int z = 0; z < nz - 1; z++) {
                    progress.checkCancelled();
                    for (int y = 0; y < ny - 1; y++) {
                        for (int x = 0; x < nx - 1; x++) {
                            cell(x, y, z);
                        }
                    }
                    progress.update(z + 1, null);
                }
            } finally {
                progress.finish();
            }
            return toWorld();
        }

        private boolean at(int x, int y, int z) {
            int gx = x + x0, gy = y + y0, gz = z + z0;
            return gx >= 0 && gy >= 0 && gz >= 0 && gx < shape.nx() && gy < shape.ny() && gz < shape.nz()
                    && mask.get(gx, gy, gz);
        }

        private void cell(int x, int y, int z) {
            int count = 0;
            for (int c = 0; c < 8; c++) {
                inside[c] = at(x + (c & 1), y + ((c >> 1) & 1), z + ((c >> 2) & 1));
                corner[c] = index(x + (c & 1), y + ((c >> 1) & 1), z + ((c >> 2) & 1));
                if (inside[c]) {
                    count++;
                }
            }
            if (count == 0 || count == 8) {
                return;
            }
            for (int[] t : TETRAHEDRA) {
                tetrahedron(t);
            }
        }

        private int index(int x, int y, int z) {
            return (z * ny + y) * nx + x;
        }

        private void tetrahedron(int[] t) {
            int in = 0;
            int nIn = 0, nOut = 0;
            for (int v : t) {
                if (inside[v]) {
                    ins[nIn++] = v;
                    in++;
                } else {
                    outs[nOut++] = v;
                }
            }
            if (in == 0 || in == 4) {
                return;
            }
            if (in == 1) {
                emit(edge(ins[0], outs[0]), edge(ins[0], outs[1]), edge(ins[0], outs[2]), ins, 1, outs, 3);
            } else if (in == 3) {
                emit(edge(ins[0], outs[0]), edge(ins[1], outs[0]), edge(ins[2], outs[0]), ins, 3, outs, 1);
            } else {
                int a = edge(ins[0], outs[0]), b = edge(ins[0], outs[1]);
                int c = edge(ins[1], outs[1]), d = edge(ins[1], outs[0]);
                emit(a, b, c, ins, 2, outs, 2);
                emit(a, c, d, ins, 2, outs, 2);
            }
        }

        /** Adds triangle (a, b, c), turned so that its normal points from the inside corners to the outside ones. */
        private void emit(int a, int b, int c, int[] ins, int nIn, int[] outs, int nOut) {
            java.util.Arrays.fill(dir, 0);
            for (int k = 0; k < nOut; k++) {
                for (int axis = 0; axis < 3; axis++) {
                    dir[axis] += ((outs[k] >> axis) & 1) / (double) nOut;
                }
            }
            for (int k = 0; k < nIn; k++) {
                for (int axis = 0; axis < 3; axis++) {
                    dir[axis] -= ((ins[k] >> axis) & 1) / (double) nIn;
                }
            }
            double ux = vertices[3 * b] - vertices[3 * a], uy = vertices[3 * b + 1] - vertices[3 * a + 1],
                    uz = vertices[3 * b + 2] - vertices[3 * a + 2];
            double vx = vertices[3 * c] - vertices[3 * a], vy = vertices[3 * c + 1] - vertices[3 * a + 1],
                    vz = vertices[3 * c + 2] - vertices[3 * a + 2];
            double dot = (uy * vz - uz * vy) * dir[0] + (uz * vx - ux * vz) * dir[1] + (ux * vy - uy * vx) * dir[2];
            if (triangleCount * 3 + 3 > triangles.length) {
                triangles = java.util.Arrays.copyOf(triangles, triangles.length * 2);
            }
            triangles[3 * triangleCount] = a;
            triangles[3 * triangleCount + 1] = dot > 0 ? b : c;
            triangles[3 * triangleCount + 2] = dot > 0 ? c : b;
            triangleCount++;
        }

        /** The vertex on the lattice edge between cube corners {@code p} and {@code q}, made on first use. */
        private int edge(int p, int q) {
            int lo = Math.min(p, q), hi = Math.max(p, q);
            // Corner bits of a Freudenthal edge are nested: lo ⊂ hi, so (point of lo, bits hi − lo) names the edge.
            long key = (long) corner[lo] * 8 + (hi & ~lo);
            int v = vertexOfEdge.get(key);
            if (v >= 0) {
                return v;
            }
            if (vertexCount * 3 + 3 > vertices.length) {
                vertices = java.util.Arrays.copyOf(vertices, vertices.length * 2);
            }
            // Lattice coordinates (relative to the extraction origin) of the edge midpoint.
            int point = corner[lo];
            int x = point % nx, y = (point / nx) % ny, z = point / (nx * ny);
            vertices[3 * vertexCount] = x + ((hi & ~lo) & 1) * 0.5;
            vertices[3 * vertexCount + 1] = y + (((hi & ~lo) >> 1) & 1) * 0.5;
            vertices[3 * vertexCount + 2] = z + (((hi & ~lo) >> 2) & 1) * 0.5;
            vertexOfEdge.put(key, vertexCount);
            return vertexCount++;
        }

        /** Maps lattice coordinates to world ones; a left-handed voxel frame flips every triangle to keep normals out. */
        private TriangleMesh toWorld() {
            Geometry g = mask.geometry();
            double[] world = new double[3 * vertexCount];
            for (int v = 0; v < vertexCount; v++) {
                double[] p = g.indexToWorld(vertices[3 * v] + x0, vertices[3 * v + 1] + y0, vertices[3 * v + 2] + z0);
                System.arraycopy(p, 0, world, 3 * v, 3);
            }
            int[] tri = java.util.Arrays.copyOf(triangles, 3 * triangleCount);
            if (handedness(g) < 0) {
                for (int t = 0; t < tri.length; t += 3) {
                    int tmp = tri[t + 1];
                    tri[t + 1] = tri[t + 2];
                    tri[t + 2] = tmp;
                }
            }
            return new TriangleMesh(world, tri);
        }

        private static double handedness(Geometry g) {
            double[] a = g.direction(0), b = g.direction(1), c = g.direction(2);
            return a[0] * (b[1] * c[2] - b[2] * c[1]) - a[1] * (b[0] * c[2] - b[2] * c[0]) + a[2] * (b[0] * c[1] - b[1] * c[0]);
        }
    }
}
