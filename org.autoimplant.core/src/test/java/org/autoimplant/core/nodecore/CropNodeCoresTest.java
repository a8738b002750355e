package org.autoimplant.core.nodecore;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Random;
import org.autoimplant.core.nodecore.crop.BBoxCropping;
import org.autoimplant.core.nodecore.crop.BBoxRestoring;
import org.autoimplant.core.nodecore.crop.CropPlans;
import org.autoimplant.core.volume.Geometry;
import org.autoimplant.core.volume.Mask;
import org.autoimplant.core.volume.Metadata;
import org.autoimplant.core.volume.Shape;
import org.junit.Test;

/**
 * The BBox Cropper and Restorer node cores against brute force: restoring the true implant's
 * crops gives back exactly the true implant (the restorer is the cropper's inverse, in voxels
 * and in patient space), also when a wide implant needs several tiles; a case without any
 * implant keeps one tile without crops and comes back empty on its skull's grid.
 */
public class CropNodeCoresTest {
    private static final Shape GRID = new Shape(90, 70, 40);
    private static final Geometry GEOMETRY = Geometry.ofSpace("left-posterior-superior",
            new double[][] {{0.5, 0, 0}, {0, 0.45, 0}, {0, 0, 0.8}}, new double[] {-20, 13.5, 101});

    private static Mask box(int x0, int y0, int z0, int x1, int y1, int z1, long seed, double fill) {
        byte[] d = new byte[(int) GRID.voxelCount()];
        Random r = new Random(seed);
        for (int z = z0; z < z1; z++) {
            for (int y = y0; y < y1; y++) {
                for (int x = x0; x < x1; x++) {
                    d[(z * GRID.ny() + y) * GRID.nx() + x] = (byte) (r.nextDouble() < fill ? 1 : 0);
                }
            }
        }
        return new Mask(GRID, d, GEOMETRY, Metadata.empty());
    }

    private static Mask restore(List<BBoxCropping.Tile> tiles, Mask defective, boolean useImplantCrops) {
        BBoxRestoring.Case c = new BBoxRestoring.Case();
        for (BBoxCropping.Tile t : tiles) {
            c.add(t.none() ? null : useImplantCrops ? t.implant() : t.defective(), t.plan());
        }
        return c.implant(BBoxRestoring.Settings.defaults(), defective);
    }

    @Test
    public void restoringTheCropsOfTheTrueImplantGivesItBackExactly() throws Exception {
        Mask skull = box(5, 5, 5, 85, 65, 35, 1, 0.3);
        Mask implant = box(30, 20, 10, 50, 36, 22, 2, 0.7);
        byte[] s = skull.data(), im = implant.data();
        for (int i = 0; i < s.length; i++) {
            s[i] = (byte) (im[i] != 0 ? 0 : s[i]); // defective skull and implant never overlap
        }
        Mask coarse = box(28, 18, 9, 52, 38, 24, 3, 1.0); // a coarse implant a little larger than the truth
        BBoxCropping.Settings settings = new BBoxCropping.Settings(3, new Shape(32, 32, 16));
        settings.validate();
        List<BBoxCropping.Tile> tiles = BBoxCropping.apply(settings, skull, coarse, implant);
        assertEquals(1, tiles.size());
        assertEquals(new Shape(32, 32, 16), tiles.get(0).defective().shape());
        Mask back = restore(tiles, skull, true);
        assertEquals(GEOMETRY, back.geometry());
        assertArrayEquals(implant.data(), back.data());
        // The crop's geometry places its voxels where they were in patient space.
        Mask crop = tiles.get(0).defective();
        CropPlans.Placed p = CropPlans.parse(tiles.get(0).plan());
        double[] inCrop = crop.geometry().indexToWorld(p.plan().ox(), p.plan().oy(), p.plan().oz());
        double[] inGrid = GEOMETRY.indexToWorld(p.plan().source().x0(), p.plan().source().y0(), p.plan().source().z0());
        assertArrayEquals(inGrid, inCrop, 1e-9);
    }

    @Test
    public void aWideImplantIsCoveredByOverlappingTilesThatRestoreToIt() throws Exception {
        Mask skull = box(0, 0, 0, 90, 70, 40, 4, 0.2);
        Mask implant = box(4, 6, 3, 86, 60, 37, 5, 0.5);
        List<BBoxCropping.Tile> tiles = BBoxCropping.apply(new BBoxCropping.Settings(2, new Shape(32, 32, 16)), skull,
                implant, implant);
        assertTrue("tiles: " + tiles.size(), tiles.size() > 4);
        // Restored without the skull (no bone removal): the union of the tiles is the implant.
        BBoxRestoring.Case c = new BBoxRestoring.Case();
        for (BBoxCropping.Tile t : tiles) {
            c.add(t.implant(), t.plan());
        }
        assertArrayEquals(implant.data(), c.implant(BBoxRestoring.Settings.defaults(), null).data());
    }

    @Test
    public void aCaseWithoutImplantKeepsOneTileAndComesBackEmpty() throws Exception {
        Mask skull = box(5, 5, 5, 85, 65, 35, 6, 0.3);
        Mask nothing = Mask.empty(GRID, GEOMETRY);
        List<BBoxCropping.Tile> tiles = BBoxCropping.apply(BBoxCropping.Settings.defaults(), skull, nothing, null);
        assertEquals(1, tiles.size());
        assertTrue(tiles.get(0).none());
        assertNull(tiles.get(0).implant());
        assertEquals("no implant; grid 90x70x40", tiles.get(0).plan());
        Mask back = restore(tiles, skull, false);
        assertEquals(0, back.count());
        assertEquals(GRID, back.shape());
        assertEquals(GEOMETRY, back.geometry());
        BBoxRestoring.Case noSkull = new BBoxRestoring.Case();
        noSkull.add(null, tiles.get(0).plan());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> noSkull.implant(BBoxRestoring.Settings.defaults(), null));
        assertTrue(e.getMessage(), e.getMessage().contains("choose the defective skull column"));
    }

    @Test
    public void plansAreCheckedWhenRead() {
        assertThrows(IllegalArgumentException.class, () -> CropPlans.parse("source 1,2,3"));
        IllegalArgumentException outside = assertThrows(IllegalArgumentException.class, () -> CropPlans.parse(
                "source 80,0,0 20x10x10; at 0,0,0 in 32x32x16; grid 90x70x40"));
        assertTrue(outside.getMessage(), outside.getMessage().contains("outside its grid"));
        BBoxRestoring.Case c = new BBoxRestoring.Case();
        IllegalArgumentException mismatch = assertThrows(IllegalArgumentException.class, () -> c.add(null,
                "source 1,2,3 20x10x10; at 0,0,0 in 32x32x16; grid 90x70x40"));
        assertTrue(mismatch.getMessage(), mismatch.getMessage().contains("no fine implant crop"));
        IllegalArgumentException wrongSize = assertThrows(IllegalArgumentException.class, () -> c.add(
                Mask.empty(new Shape(16, 16, 16), GEOMETRY), "source 1,2,3 20x10x10; at 0,0,0 in 32x32x16; grid 90x70x40"));
        assertTrue(wrongSize.getMessage(), wrongSize.getMessage().contains("but its plan says"));
    }
}
