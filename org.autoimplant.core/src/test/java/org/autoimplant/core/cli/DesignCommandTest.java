package org.autoimplant.core.cli;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.autoimplant.core.data.DefectShape;
import org.autoimplant.core.data.PhantomDataset;
import org.autoimplant.core.data.SkullPhantom;
import org.autoimplant.core.io.NrrdReader;
import org.autoimplant.core.ops.ConnectedComponents;
import org.autoimplant.core.ops.Connectivity;
import org.autoimplant.core.ops.MaskOps;
import org.autoimplant.core.testing.ExternalTool;
import org.autoimplant.core.util.Progress;
import org.autoimplant.core.volume.Box;
import org.autoimplant.core.volume.Geometry;
import org.autoimplant.core.volume.Mask;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * {@code design} end to end from a DICOM series: a phantom head CT written by pydicom as a scanner
 * would (unsigned 12-bit, intercept −1024, shuffled file names); its skull, implant and STL files
 * come out in the CT's patient coordinates (each STL's bounding box is its mask's, in mm), the
 * STLs need no repair (admesh), and a failing run leaves nothing behind.
 */
public class DesignCommandTest extends CliRunner {
    private static final ExternalTool ADMESH = new ExternalTool("apt-get install admesh", "admesh");

    @ClassRule
    public static TemporaryFolder tmp = new TemporaryFolder();

    static Path dicom;
    static Mask phantom;
    static Path n1, n2;

    /** {@code mask} as a CT: bone 1200 HU, the rest air, written as a DICOM series into {@code out}. */
    static void writeCt(Mask mask, Path out) throws Exception {
        Path raw = tmp.getRoot().toPath().resolve("ct.raw");
        ByteBuffer b = ByteBuffer.allocate(2 * mask.data().length).order(ByteOrder.LITTLE_ENDIAN);
        for (byte v : mask.data()) {
            b.putShort((short) (v != 0 ? 1200 : -1000));
        }
        Files.write(raw, b.array());
        Geometry g = mask.geometry();
        double[] o = g.origin();
        org.autoimplant.core.io.dicom.DicomTestScripts.run("write_ct.py", raw.toString(),
                "" + mask.shape().nx(), "" + mask.shape().ny(), "" + mask.shape().nz(), "" + g.spacing(0),
                "" + g.spacing(1), "" + g.spacing(2), "" + o[0], "" + o[1], "" + o[2], out.toString());
    }

    @BeforeClass
    public static void phantomCtAndTinyModels() throws Exception {
        Path root = tmp.getRoot().toPath();
        PhantomDataset.write(root.resolve("set"), new PhantomDataset.Spec(2, 4, DefectShape.CUBE, 24,
                new SkullPhantom.Options(96).withBoneScale(2.5)), Progress.NONE);
        phantom = NrrdReader.readMask(root.resolve("set/defective_skull/000.nrrd"));
        assertTrue("the phantom must be axis-aligned for write_ct.py", phantom.geometry().isAxisAligned());
        dicom = root.resolve("dicom");
        writeCt(phantom, dicom);
        n1 = root.resolve("n1.zip");
        n2 = root.resolve("n2.zip");
        CliRunner r = new CliRunner() { };
        assertEquals(0, r.run("train-n1", "--data", root.resolve("set").toString(), "--out", n1.toString(), "--input",
                "32,32,16", "--width", "0.0625", "--steps", "3"));
        assertEquals(0, r.run("train-n2", "--data", root.resolve("set").toString(), "--crops", "truth", "--out",
                n2.toString(), "--input", "32,32,32", "--width", "0.125", "--steps", "2", "--margin", "4"));
    }

    /** The bounding box of a binary STL's vertices: {minX, minY, minZ, maxX, maxY, maxZ}. */
    static double[] stlBounds(Path stl) throws Exception {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(stl)).order(ByteOrder.LITTLE_ENDIAN);
        int n = b.getInt(80);
        double[] r = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE,
            -Double.MAX_VALUE};
        for (int t = 0; t < n; t++) {
            for (int v = 0; v < 3; v++) {
                for (int c = 0; c < 3; c++) {
                    double x = b.getFloat(84 + 50 * t + 12 + 12 * v + 4 * c);
                    r[c] = Math.min(r[c], x);
                    r[3 + c] = Math.max(r[3 + c], x);
                }
            }
        }
        return r;
    }

    /** A mask's voxel box in world mm, widened by half a voxel (where the voxel surface lies). */
    static double[] maskBounds(Mask m) {
        Box box = MaskOps.boundingBox(m);
        double[] a = m.geometry().indexToWorld(box.x0() - 0.5, box.y0() - 0.5, box.z0() - 0.5);
        double[] z = m.geometry().indexToWorld(box.x0() + box.sx() - 0.5, box.y0() + box.sy() - 0.5,
                box.z0() + box.sz() - 0.5);
        return new double[] {Math.min(a[0], z[0]), Math.min(a[1], z[1]), Math.min(a[2], z[2]), Math.max(a[0], z[0]),
            Math.max(a[1], z[1]), Math.max(a[2], z[2])};
    }

    static void assertStlOnMask(Path stl, Mask m) throws Exception {
        double[] s = stlBounds(stl), e = maskBounds(m);
        double tol = 0.51 * Math.max(m.geometry().spacing(0), Math.max(m.geometry().spacing(1), m.geometry().spacing(2)));
        for (int i = 0; i < 6; i++) {
            assertEquals(stl + " bound " + i + " (mm)", e[i], s[i], tol);
        }
    }

    @Test
    public void dicomCtGivesSkullImplantAndStlsInTheCtsCoordinates() throws Exception {
        Path out = tmp.getRoot().toPath().resolve("design");
        assertEquals(err, 0, run("design", dicom.toString(), "--out", out.toString(), "--n1", n1.toString(), "--n2",
                n2.toString(), "--smooth", "0"));
        assertTrue(this.out, this.out.contains("DICOM CT series 2"));
        Mask skull = NrrdReader.readMask(out.resolve("skull.nrrd"));
        Mask expected = ConnectedComponents.label(phantom, Connectivity.TWENTY_SIX).keepLargest(1);
        assertEquals(phantom.shape(), skull.shape());
        assertArrayEquals("skull = the CT's bone, largest component", expected.data(), skull.data());
        assertArrayEquals(phantom.geometry().origin(), skull.geometry().origin(), 1e-6);
        for (int a = 0; a < 3; a++) {
            assertArrayEquals(phantom.geometry().direction(a), skull.geometry().direction(a), 1e-6);
        }
        Mask implant = NrrdReader.readMask(out.resolve("implant.nrrd"));
        assertEquals(skull.geometry(), implant.geometry());
        assertStlOnMask(out.resolve("skull.stl"), skull);
        if (implant.count() > 0) {
            assertStlOnMask(out.resolve("implant.stl"), implant);
        } else {
            assertTrue("an empty implant has no STL", !Files.exists(out.resolve("implant.stl")));
        }
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("3-D view") && html.contains("implant:"));
        ADMESH.require();
        String report = ADMESH.run(out.resolve("skull.stl").toString());
        for (String problem : new String[] {"Degenerate facets", "Edges fixed", "Facets removed", "Facets added",
            "Facets reversed", "Backwards edges", "Normals fixed"}) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile(problem + "\\s*:\\s*(\\d+)").matcher(report);
            assertTrue(report, m.find());
            assertEquals(problem, "0", m.group(1));
        }
    }

    @Test
    public void aFailingRunLeavesNoOutputBehind() throws Exception {
        Path out = tmp.getRoot().toPath().resolve("failed");
        assertEquals(1, run("design", dicom.toString(), "--out", out.toString(), "--n1", n2.toString(), "--n2",
                n1.toString()));
        assertTrue(err, err.contains("is an N2 model, but an N1 model is needed here"));
        assertTrue(!Files.exists(out) || isEmpty(out));
        Path notCt = tmp.getRoot().toPath().resolve("not-ct");
        Files.createDirectories(notCt);
        Files.writeString(notCt.resolve("readme.txt"), "no images here");
        assertEquals(1, run("design", notCt.toString(), "--out", out.toString(), "--n1", n1.toString(), "--n2",
                n2.toString()));
        assertTrue(err, err.contains(notCt + ": no DICOM image series here (1 non-DICOM file(s) skipped)"));
        assertTrue(err, !err.contains("\tat "));
        assertTrue("a failed design left files behind", isEmpty(out));
    }

    private static boolean isEmpty(Path dir) throws Exception {
        try (var s = Files.list(dir)) {
            List<Path> left = s.toList();
            return left.isEmpty();
        }
    }
}
