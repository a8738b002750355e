package org.autoimplant.core.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.autoimplant.core.io.NrrdEncoding;
import org.autoimplant.core.io.NrrdReader;
import org.autoimplant.core.io.NrrdWriter;
import org.autoimplant.core.testing.TestVolumes;
import org.autoimplant.core.volume.Geometry;
import org.autoimplant.core.volume.Mask;
import org.autoimplant.core.volume.Shape;
import org.autoimplant.core.volume.Volume;
import org.autoimplant.core.volume.VoxelType;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class CliTest extends CliRunner {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();



    @Test
    public void infoDescribesAMask() throws Exception {
        Mask m = Mask.empty(new Shape(4, 5, 6), Geometry.ofSpacings(0.5, 0.25, 2));
        m.set(1, 1, 1, true);
        m.set(2, 2, 2, true);
        m.set(3, 4, 5, true);
        Path f = tmp.getRoot().toPath().resolve("m.nrrd");
        NrrdWriter.write(m, f);
        assertEquals(0, run("info", f.toString()));
        assertTrue(out, out.contains("4 × 5 × 6 (120 voxels)"));
        assertTrue(out, out.contains("uint8"));
        assertTrue(out, out.contains("gzip"));
        assertTrue(out, out.contains("0.5 × 0.25 × 2 mm"));
        assertTrue(out, out.contains("range:      0 … 1"));
        assertTrue(out, out.contains("non-zero:   3 voxels (2.500 %)"));
    }

    @Test
    public void infoOnABadFileIsOneLineAndExitCodeOne() throws Exception {
        Path bad = tmp.getRoot().toPath().resolve("bad.nrrd");
        Files.writeString(bad, "hello");
        assertEquals(1, run("info", bad.toString()));
        assertEquals("autoimplant info: error: " + bad + ": not a NRRD file: it starts with 'hello' instead of"
                + " NRRD0001…NRRD0005", err.trim());
        assertFalse(err.contains("Exception"));
    }

    @Test
    public void convertChangesEncodingAndTypeKeepingGeometry() throws Exception {
        Random r = new Random(5);
        Geometry g = TestVolumes.tiltedLps(r);
        Volume v = TestVolumes.random(VoxelType.FLOAT, new Shape(3, 4, 5), g, r);
        Path in = tmp.getRoot().toPath().resolve("in.nrrd");
        Path out1 = tmp.getRoot().toPath().resolve("out.nhdr");
        NrrdWriter.write(v, in);
        assertEquals(0, run("convert", in.toString(), out1.toString(), "--encoding", "bz2", "--type", "short",
                "--endian", "big"));
        assertEquals(NrrdEncoding.BZIP2, NrrdReader.readHeader(out1).encoding());
        Volume back = NrrdReader.read(out1);
        assertEquals(VoxelType.INT16, back.type());
        assertEquals(g, back.geometry());
        for (int i = 0; i < 60; i++) {
            double expected = Math.max(-32768, Math.min(32767, Math.round(v.data().getDouble(i))));
            assertEquals(expected, back.data().getDouble(i), 0.5);
        }
    }

    @Test
    public void usageErrorsAndDebug() throws Exception {
        assertEquals(2, run("convert", "only-one-arg.nrrd"));
        assertTrue(err, err.contains("Missing required parameter"));
        assertEquals(2, run("convert", "a.nrrd", "b.nrrd", "--encoding", "zip"));
        assertTrue(err, err.contains("unknown encoding 'zip'"));
        Path missing = tmp.getRoot().toPath().resolve("missing.nrrd");
        assertEquals(1, run("convert", missing.toString(), "x.nrrd"));
        assertEquals("autoimplant convert: error: " + missing + ": no such file or folder", err.trim());
        assertEquals(1, run("--debug", "convert", missing.toString(), "x.nrrd"));
        assertTrue(err, err.contains("at org.autoimplant"));
        assertEquals(0, run("--version"));
        assertTrue(out, out.startsWith("autoimplant "));
    }

    @Test
    public void everyCommandHasHelpWithAnExample() {
        for (String cmd : new String[] {"info", "convert", "resample", "skull", "defect", "phantom"}) {
            assertEquals(0, run(cmd, "--help"));
            assertTrue(cmd + ": " + out, out.contains("Example"));
        }
    }

    @Test
    public void phantomDefectSkullAndResampleCommandsWork() throws Exception {
        Path dir = tmp.getRoot().toPath().resolve("set");
        assertEquals(0, run("phantom", dir.toString(), "--count", "2", "--seed", "4", "--voxels", "64", "--defects", "varied"));
        assertTrue(out, out.contains("000.nrrd: 64×64×"));
        Path complete = dir.resolve("complete_skull/001.nrrd");
        Mask skull = NrrdReader.readMask(complete);
        Mask implant = NrrdReader.readMask(dir.resolve("implant/001.nrrd"));
        Mask defective = NrrdReader.readMask(dir.resolve("defective_skull/001.nrrd"));
        assertEquals(skull.count(), implant.count() + defective.count());

        // --bone-scale reaches the phantom: the same seed with bone 2.5× gives the library's skull.
        Path thick = tmp.getRoot().toPath().resolve("thick");
        assertEquals(0, run("phantom", thick.toString(), "--count", "1", "--seed", "4", "--voxels", "64",
                "--bone-scale", "2.5"));
        Path lib = tmp.getRoot().toPath().resolve("lib");
        org.autoimplant.core.data.PhantomDataset.write(lib, new org.autoimplant.core.data.PhantomDataset.Spec(1, 4,
                org.autoimplant.core.data.DefectShape.CUBE, 16,
                new org.autoimplant.core.data.SkullPhantom.Options(64).withBoneScale(2.5)),
                org.autoimplant.core.util.Progress.NONE);
        Mask thickSkull = NrrdReader.readMask(thick.resolve("complete_skull/000.nrrd"));
        org.junit.Assert.assertArrayEquals(NrrdReader.readMask(lib.resolve("complete_skull/000.nrrd")).data(),
                thickSkull.data());
        assertTrue(thickSkull.count() > 1.5 * NrrdReader.readMask(dir.resolve("complete_skull/000.nrrd")).count());
        assertEquals(1, run("phantom", thick.toString(), "--bone-scale", "9"));
        assertTrue(err, err.contains("bone scale must be in [0.25, 4], got 9"));

        Path d = tmp.getRoot().toPath().resolve("d.nrrd");
        Path i = tmp.getRoot().toPath().resolve("i.nrrd");
        assertEquals(0, run("defect", complete.toString(), "--defective", d.toString(), "--implant", i.toString(),
                "--shape", "sphere", "--size", "16", "--seed", "3"));
        assertTrue(out, out.startsWith("sphere of diameter 16"));
        assertEquals(skull.count(), NrrdReader.readMask(d).count() + NrrdReader.readMask(i).count());

        Path ct = tmp.getRoot().toPath().resolve("ct.nrrd");
        NrrdWriter.write(org.autoimplant.core.data.SyntheticCt.around(skull, 1), ct);
        Path extracted = tmp.getRoot().toPath().resolve("skull.nrrd");
        assertEquals(0, run("skull", ct.toString(), extracted.toString()));
        assertTrue(out, out.contains("kept the largest component"));
        // At 64 voxels (3.6 mm) thin bone can break apart; the extractor keeps the largest piece.
        Mask largest = org.autoimplant.core.ops.ConnectedComponents.label(skull,
                org.autoimplant.core.ops.Connectivity.TWENTY_SIX).keepLargest(1);
        org.junit.Assert.assertArrayEquals(largest.data(), NrrdReader.readMask(extracted).data());

        Path small = tmp.getRoot().toPath().resolve("small.nrrd");
        assertEquals(0, run("resample", complete.toString(), small.toString(), "--size", "32,32,16"));
        assertEquals(new Shape(32, 32, 16), NrrdReader.read(small).shape());
        assertEquals(2, run("resample", complete.toString(), small.toString(), "--size", "32,32"));
        assertTrue(err, err.contains("size must be X,Y,Z"));
        assertEquals(1, run("defect", complete.toString(), "--defective", d.toString(), "--implant", i.toString(),
                "--shape", "star"));
        assertTrue(err, err.contains("cube, fixed, sphere or varied"));
    }
}
