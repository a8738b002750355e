package org.autoimplant.core.mesh;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.autoimplant.core.util.Progress;
import org.autoimplant.core.volume.Geometry;
import org.autoimplant.core.volume.Mask;
import org.autoimplant.core.volume.Shape;
import org.junit.Test;

/** Surfaces of known shapes: closed, consistently oriented, outward, and of the right volume. */
public class MeshTest {

    private static Mask sphere(Shape s, Geometry g, double cx, double cy, double cz, double radiusMm) {
        Mask m = Mask.empty(s, g);
        double[] sp = g.spacings();
        for (int z = 0; z < s.nz(); z++) {
            for (int y = 0; y < s.ny(); y++) {
                for (int x = 0; x < s.nx(); x++) {
                    double dx = (x - cx) * sp[0], dy = (y - cy) * sp[1], dz = (z - cz) * sp[2];
                    m.set(x, y, z, dx * dx + dy * dy + dz * dz <= radiusMm * radiusMm);
                }
            }
        }
        return m;
    }

    private static double voxelVolume(Mask m) {
        double[] s = m.geometry().spacings();
        return m.count() * s[0] * s[1] * s[2];
    }

    /** Every undirected edge in exactly two triangles, once in each direction (closed and consistently oriented). */
    static void assertClosedAndOriented(TriangleMesh mesh) {
        Map<Long, Integer> directed = new HashMap<>();
        int[] t = mesh.triangles();
        for (int i = 0; i < t.length; i += 3) {
            for (int k = 0; k < 3; k++) {
                int a = t[i + k], b = t[i + (k + 1) % 3];
                assertTrue("degenerate triangle " + i / 3, a != b);
                directed.merge((long) a << 32 | b, 1, Integer::sum);
            }
        }
        for (Map.Entry<Long, Integer> e : directed.entrySet()) {
            long key = e.getKey();
            long reverse = (key & 0xffffffffL) << 32 | key >>> 32;
            assertEquals("directed edge used more than once", 1, (int) e.getValue());
            assertEquals("edge without its opposite: hole or flipped triangle", Integer.valueOf(1), directed.get(reverse));
        }
    }

    @Test
    public void anisotropicSphereIsClosedOutwardAndHasTheVoxelVolume() {
        Geometry g = Geometry.ofSpace("left-posterior-superior",
                new double[][] {{0.5, 0, 0}, {0, 0.7, 0}, {0, 0, 0.9}}, new double[] {-20, 5, 100});
        Mask m = sphere(new Shape(50, 40, 30), g, 24.3, 19.6, 14.2, 9.0);
        for (int iterations : new int[] {0, 10}) {
            TriangleMesh mesh = TaubinSmoothing.smooth(MarchingTetrahedra.surface(m, Progress.NONE), iterations);
            assertClosedAndOriented(mesh);
            double[] centre = g.indexToWorld(24.3, 19.6, 14.2);
            double[] n = new double[3];
            double[] v = mesh.vertices();
            int[] t = mesh.triangles();
            for (int i = 0; i < mesh.triangleCount(); i++) {
                mesh.normal(i, n);
                double dot = 0;
                for (int c = 0; c < 3; c++) {
                    double centroid = (v[3 * t[3 * i] + c] + v[3 * t[3 * i + 1] + c] + v[3 * t[3 * i + 2] + c]) / 3;
                    dot += n[c] * (centroid - centre[c]);
                }
                assertTrue("inward normal on triangle " + i + " after " + iterations + " iterations", dot > 0);
            }
            double ratio = mesh.volume() / voxelVolume(m);
            assertEquals("volume ratio after " + iterations + " iterations", 1, ratio, 0.03);
            double analytic = 4.0 / 3 * Math.PI * 9 * 9 * 9;
            assertEquals("volume vs the analytic sphere", 1, mesh.volume() / analytic, 0.03);
        }
    }

    /**
     * The λ|μ filter passes low frequencies with a gain above 1, so without correction thousands of
     * passes inflate the mesh (3,000: 3.5 times the volume). The maximum allowed count keeps the
     * volume and the place (bounding box within a voxel), and more are refused with a clear message.
     */
    @Test
    public void smoothingIsVolumeStableUpToItsLimitAndRefusesMore() {
        Geometry g = Geometry.ofSpacings(0.5, 0.5, 0.6);
        Mask m = sphere(new Shape(40, 40, 36), g, 19.5, 19.5, 17.5, 7.0);
        TriangleMesh raw = MarchingTetrahedra.surface(m, Progress.NONE);
        TriangleMesh smooth = TaubinSmoothing.smooth(raw, TaubinSmoothing.MAX_ITERATIONS);
        assertClosedAndOriented(smooth);
        assertEquals(1, smooth.volume() / raw.volume(), 0.01);
        double[] a = raw.bounds(), b = smooth.bounds();
        for (int i = 0; i < 6; i++) {
            assertEquals("bound " + i, a[i], b[i], 0.6);
        }
        try {
            TaubinSmoothing.smooth(raw, TaubinSmoothing.MAX_ITERATIONS + 1);
            throw new AssertionError("more than the maximum must be refused");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("smoothing iterations must be 0 … "
                    + TaubinSmoothing.MAX_ITERATIONS));
        }
    }

    @Test
    public void boxVolumeAndBoundsInMillimetres() {
        Geometry g = Geometry.ofSpacings(0.4, 0.4, 1.25);
        Mask m = Mask.empty(new Shape(30, 30, 20), g);
        for (int z = 3; z < 15; z++) {
            for (int y = 5; y < 25; y++) {
                for (int x = 2; x < 22; x++) {
                    m.set(x, y, z, true);
                }
            }
        }
        TriangleMesh mesh = MarchingTetrahedra.surface(m, Progress.NONE);
        assertClosedAndOriented(mesh);
        assertEquals(1, mesh.volume() / voxelVolume(m), 0.03);
        // The surface lies half a voxel outside the outermost voxel centres on the box's faces.
        double[] b = mesh.bounds();
        assertEquals(1.5 * 0.4, b[0], 1e-9);
        assertEquals(21.5 * 0.4, b[3], 1e-9);
        assertEquals(2.5 * 1.25, b[2], 1e-9);
        assertEquals(14.5 * 1.25, b[5], 1e-9);
    }

    @Test
    public void leftHandedFramesStillGiveOutwardNormals() {
        Geometry g = Geometry.ofSpace("left-posterior-superior",
                new double[][] {{-0.6, 0, 0}, {0, 0.6, 0}, {0, 0, 1.0}}, new double[] {0, 0, 0});
        Mask m = sphere(new Shape(30, 30, 20), g, 15, 15, 10, 6);
        TriangleMesh mesh = MarchingTetrahedra.surface(m, Progress.NONE);
        assertClosedAndOriented(mesh);
        assertEquals(1, mesh.volume() / voxelVolume(m), 0.03);
    }

    @Test
    public void randomMasksTouchingTheBorderGiveClosedSurfaces() {
        Random r = new Random(5);
        for (int trial = 0; trial < 30; trial++) {
            Mask m = Mask.empty(new Shape(6 + r.nextInt(5), 5 + r.nextInt(5), 4 + r.nextInt(5)), Geometry.unknown());
            double p = 0.2 + 0.6 * r.nextDouble();
            for (int i = 0; i < m.data().length; i++) {
                m.data()[i] = (byte) (r.nextDouble() < p ? 1 : 0);
            }
            TriangleMesh mesh = MarchingTetrahedra.surface(m, Progress.NONE);
            assertClosedAndOriented(mesh);
            assertTrue(mesh.volume() > 0);
            assertClosedAndOriented(TaubinSmoothing.smooth(mesh, 3));
        }
    }

    @Test
    public void emptyMaskGivesNoTriangles() {
        assertEquals(0, MarchingTetrahedra.surface(Mask.empty(new Shape(4, 4, 4), Geometry.unknown()), Progress.NONE)
                .triangleCount());
    }

    @Test
    public void binaryStlLayout() throws Exception {
        Mask m = Mask.empty(new Shape(3, 3, 3), Geometry.ofSpacings(2, 2, 2));
        m.set(1, 1, 1, true);
        TriangleMesh mesh = MarchingTetrahedra.surface(m, Progress.NONE);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StlWriter.write(mesh, out, "test");
        ByteBuffer b = ByteBuffer.wrap(out.toByteArray()).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(84 + 50 * mesh.triangleCount(), b.capacity());
        assertEquals(mesh.triangleCount(), b.getInt(80));
        // A single voxel at (2, 2, 2) mm: vertices at the midpoints of its lattice edges (axis, face- and
        // body-diagonal neighbours of the Freudenthal split), 1, √2 or √3 mm away.
        for (int i = 0; i < mesh.triangleCount(); i++) {
            int at = 84 + 50 * i;
            double dot = 0;
            for (int c = 0; c < 3; c++) {
                float normal = b.getFloat(at + 4 * c);
                float vertex = b.getFloat(at + 12 + 4 * c);
                dot += normal * (vertex - 2);
            }
            assertTrue(dot > 0);
            for (int k = 0; k < 3; k++) {
                double d = 0;
                for (int c = 0; c < 3; c++) {
                    double x = b.getFloat(at + 12 + 12 * k + 4 * c) - 2;
                    d += x * x;
                }
                double r = Math.sqrt(d);
                assertTrue("vertex " + r + " mm away", Math.abs(r - 1) < 1e-6 || Math.abs(r - Math.sqrt(2)) < 1e-6
                        || Math.abs(r - Math.sqrt(3)) < 1e-6);
            }
        }
        assertEquals(0, b.getShort(84 + 48));
    }
}
