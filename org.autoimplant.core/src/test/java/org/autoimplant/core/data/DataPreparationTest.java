package org.autoimplant.core.data;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.autoimplant.core.io.NrrdWriter;
import org.autoimplant.core.ops.ConnectedComponents;
import org.autoimplant.core.ops.Connectivity;
import org.autoimplant.core.ops.MaskOps;
import org.autoimplant.core.volume.Box;
import org.autoimplant.core.volume.Geometry;
import org.autoimplant.core.volume.Mask;
import org.autoimplant.core.volume.Shape;
import org.autoimplant.core.volume.Volume;
import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class DataPreparationTest {
    private static Mask skull;

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @BeforeClass
    public static void makeSkull() {
        skull = SkullPhantom.generate(1, new SkullPhantom.Options(128));
    }

    @Test
    public void skullExtractionKeepsTheSkullAndDropsTheTable() {
        Volume ct = SyntheticCt.around(skull, 7);
        long tableVoxels = 0;
        for (int i = 0; i < ct.shape().voxelCount(); i++) {
            if (ct.data().getDouble(i) >= 150 && skull.data()[i] == 0) {
                tableVoxels++;
            }
        }
        assertTrue("the CT has a bone-dense table: " + tableVoxels, tableVoxels > 10_000);
        Mask extracted = SkullExtractor.extract(ct, SkullExtractor.DEFAULT_THRESHOLD_HU);
        assertArrayEquals(skull.data(), extracted.data());
        assertEquals(skull.geometry(), extracted.geometry());
    }

    @Test
    public void defectsPartitionTheSkullForEveryShape() {
        for (DefectShape shape : DefectShape.values()) {
            for (long seed = 0; seed < 4; seed++) {
                DefectInjector.Defect d = DefectInjector.inject(skull, shape, 32, seed);
                String what = shape + " seed " + seed + ": " + d.description();
                assertTrue(what, d.implant().count() > 0);
                assertEquals(what, 0, MaskOps.overlap(d.implant(), d.defective()));
                assertArrayEquals(what, skull.data(), MaskOps.or(d.implant(), d.defective()).data());
                assertTrue(what, d.implant().count() >= skull.count() / 500);
            }
        }
    }

    @Test
    public void challengeDefectsSitInTheTopQuarter() {
        Box skullBox = MaskOps.boundingBox(skull);
        for (long seed = 0; seed < 5; seed++) {
            Mask implant = DefectInjector.inject(skull, DefectShape.CUBE, 32, seed).implant();
            Box b = MaskOps.boundingBox(implant);
            int centreZ = b.z0() + b.sz() / 2;
            assertTrue("seed " + seed + " implant " + b + " skull " + skullBox,
                    centreZ >= skullBox.z1() - skullBox.sz() / 4 - b.sz() / 2);
        }
    }

    @Test
    public void fixedDefectsSitAtOnePlaceWhateverTheSeedOrSkull() {
        DefectInjector.Defect a = DefectInjector.inject(skull, DefectShape.FIXED, 32, 1);
        assertArrayEquals(a.implant().data(), DefectInjector.inject(skull, DefectShape.FIXED, 32, 2).implant().data());
        // Brute force over the whole volume: bone inside the 32-voxel square around (nx/2, 0.62·ny)
        // and less than 32 in-plane voxels below the top bone voxel of the centre column.
        Shape s = skull.shape();
        int cx = s.nx() / 2, cy = (int) (0.62 * s.ny()), top = s.nz() - 1;
        while (!skull.get(cx, cy, top)) {
            top--;
        }
        double zs = skull.geometry().spacings()[2] / skull.geometry().spacings()[0];
        long expected = 0;
        for (int z = 0; z < s.nz(); z++) {
            for (int y = 0; y < s.ny(); y++) {
                for (int x = 0; x < s.nx(); x++) {
                    boolean in = skull.get(x, y, z) && Math.abs(x - cx) < 16 && Math.abs(y - cy) < 16 && (top - z) * zs < 32;
                    assertEquals(x + "," + y + "," + z, in, a.implant().get(x, y, z));
                    expected += in ? 1 : 0;
                }
            }
        }
        assertTrue(expected > 0);
        // Another skull: the same x/y square.
        Mask other = SkullPhantom.generate(2, new SkullPhantom.Options(128));
        Box ba = MaskOps.boundingBox(a.implant());
        Box bo = MaskOps.boundingBox(DefectInjector.inject(other, DefectShape.FIXED, 32, 0).implant());
        assertEquals(ba.x0(), bo.x0());
        assertEquals(ba.y0(), bo.y0());
        assertEquals(31, ba.sx());
        assertEquals(31, ba.sy());
        assertEquals(DefectShape.FIXED, DefectShape.parse("fixed"));
    }

    @Test
    public void sameSeedSameDefectOtherSeedOtherDefect() {
        DefectInjector.Defect a = DefectInjector.inject(skull, DefectShape.VARIED, 40, 99);
        DefectInjector.Defect b = DefectInjector.inject(skull, DefectShape.VARIED, 40, 99);
        DefectInjector.Defect c = DefectInjector.inject(skull, DefectShape.VARIED, 40, 100);
        assertArrayEquals(a.implant().data(), b.implant().data());
        assertEquals(a.description(), b.description());
        assertFalse(java.util.Arrays.equals(a.implant().data(), c.implant().data()));
    }

    @Test
    public void impossibleDefectIsAClearError() {
        Mask tiny = Mask.empty(new Shape(10, 10, 10), Geometry.unknown());
        tiny.set(5, 5, 5, true);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DefectInjector.inject(tiny, DefectShape.CUBE, 4, 1));
        assertTrue(e.getMessage(), e.getMessage().contains("could not place"));
        assertThrows(IllegalArgumentException.class,
                () -> DefectInjector.inject(Mask.empty(new Shape(4, 4, 4), Geometry.unknown()), DefectShape.CUBE, 4, 1));
    }

    @Test
    public void phantomsArePlausibleSkullsAndDifferBySeed() {
        Mask other = SkullPhantom.generate(2, new SkullPhantom.Options(128));
        Mask again = SkullPhantom.generate(1, new SkullPhantom.Options(128));
        assertArrayEquals(skull.data(), again.data());
        assertNotEquals(skull.shape().equals(other.shape()) && java.util.Arrays.equals(skull.data(), other.data()), true);
        // One connected bone: the vault and base are joined.
        assertEquals(1, ConnectedComponents.label(skull, Connectivity.TWENTY_SIX).count());
        // Bone thickness at the vertex: bone voxels in the central column times the slice spacing.
        Shape s = skull.shape();
        double sz = skull.geometry().spacing(2);
        int run = 0;
        for (int z = s.nz() - 1; z >= 0; z--) {
            if (skull.get(s.nx() / 2, s.ny() / 2, z)) {
                run++;
            } else if (run > 0) {
                break;
            }
        }
        double thickness = run * sz;
        assertTrue("vertex thickness " + thickness + " mm", thickness >= 3 && thickness <= 9.5);
        // In-plane spacing scales with size: 0.40–0.50 mm at 512, ×4 at 128.
        double sx = skull.geometry().spacing(0);
        assertTrue("spacing " + sx, sx >= 1.6 && sx <= 2.0);
        Box b = MaskOps.boundingBox(skull);
        assertTrue("skull inside the volume with margins: " + b, b.x0() > 0 && b.y0() > 0 && b.z1() < s.nz());
    }

    @Test
    public void challengeSizePhantom() {
        Mask big = SkullPhantom.generate(5, SkullPhantom.Options.challengeSize());
        assertEquals(512, big.shape().nx());
        double sx = big.geometry().spacing(0), sz = big.geometry().spacing(2);
        assertTrue(sx >= 0.4 && sx <= 0.5);
        assertTrue(sz >= 0.6 && sz <= 1.0);
        double bonePercent = 100.0 * big.count() / big.shape().voxelCount();
        assertTrue("bone " + bonePercent + " %", bonePercent > 2 && bonePercent < 15);
    }

    @Test
    public void datasetPairsFilesByNameAndReportsProblems() throws IOException {
        Path root = tmp.newFolder("set").toPath();
        for (String d : new String[] {Dataset.DEFECTIVE, Dataset.IMPLANT, Dataset.COMPLETE}) {
            Files.createDirectories(root.resolve(d));
        }
        Mask small = Mask.empty(new Shape(4, 4, 4), Geometry.ofSpacings(1, 1, 1));
        for (String n : new String[] {"001.nrrd", "000.nrrd"}) {
            for (String d : new String[] {Dataset.DEFECTIVE, Dataset.IMPLANT, Dataset.COMPLETE}) {
                NrrdWriter.write(small, root.resolve(d).resolve(n));
            }
        }
        Dataset ds = Dataset.open(root);
        assertEquals(2, ds.cases().size());
        assertEquals("000", ds.cases().get(0).name());
        Dataset.checkConsistent(ds.cases().get(0));
        Files.delete(root.resolve(Dataset.IMPLANT).resolve("001.nrrd"));
        IOException e = assertThrows(IOException.class, () -> Dataset.open(root));
        assertTrue(e.getMessage(), e.getMessage().contains("001.nrrd has no implant/001.nrrd"));
        NrrdWriter.write(Mask.empty(new Shape(4, 4, 5), Geometry.ofSpacings(1, 1, 1)),
                root.resolve(Dataset.IMPLANT).resolve("001.nrrd"));
        IOException e2 = assertThrows(IOException.class, () -> Dataset.checkConsistent(Dataset.open(root).cases().get(1)));
        assertTrue(e2.getMessage(), e2.getMessage().contains("differ"));
        NrrdWriter.write(Mask.empty(new Shape(4, 4, 4), Geometry.ofSpacings(1, 1, 2)),
                root.resolve(Dataset.IMPLANT).resolve("001.nrrd"));
        IOException e3 = assertThrows(IOException.class, () -> Dataset.checkConsistent(Dataset.open(root).cases().get(1)));
        assertTrue(e3.getMessage(), e3.getMessage().contains("spacing"));
        IOException e4 = assertThrows(IOException.class, () -> Dataset.open(root.resolve(Dataset.IMPLANT)));
        assertTrue(e4.getMessage(), e4.getMessage().contains("no defective_skull/ folder"));
    }
}
