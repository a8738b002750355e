package org.autoimplant.core.report;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;

import java.awt.image.BufferedImage;
import org.autoimplant.core.volume.Geometry;
import org.autoimplant.core.volume.Mask;
import org.autoimplant.core.volume.Shape;
import org.autoimplant.core.volume.Volume;
import org.autoimplant.core.volume.VoxelType;
import org.junit.Test;

/**
 * Thumbnails against hand-placed shapes: a box is white exactly where it is in each of the three
 * planes through its centre of mass (axial x→right y→down; sagittal y→right, z up; coronal x→right,
 * z up), everything else black, the frame grey; anisotropic voxels are stretched to square mm.
 */
public class VolumeThumbnailTest {
    private static final int N = 32;

    /** A 32³ mask with a box at x 4..11, y 20..27, z 10..13 (centre of mass (7.5, 23.5, 11.5) → (8, 24, 12)). */
    private static Mask box(double sz) {
        Mask m = Mask.empty(new Shape(N, N, (int) (N / sz)), Geometry.ofSpacings(1, 1, sz));
        for (int z = (int) (10 / sz); z <= (int) (13 / sz); z++) {
            for (int y = 20; y <= 27; y++) {
                for (int x = 4; x <= 11; x++) {
                    m.set(x, y, z, true);
                }
            }
        }
        return m;
    }

    @Test
    public void centreOfMassIsTheBoxCentre() {
        assertArrayEquals(new int[] {8, 24, 12}, VolumeThumbnail.centreOfMass(box(1).asVolume()));
        Volume empty = Mask.empty(new Shape(10, 6, 4), Geometry.ofSpacings(1, 1, 1)).asVolume();
        assertArrayEquals(new int[] {5, 3, 2}, VolumeThumbnail.centreOfMass(empty));
    }

    @Test
    public void eachPlaneShowsTheBoxWhereItIs() {
        BufferedImage img = VolumeThumbnail.render(box(1).asVolume(), N);
        assertEquals(3 * N, img.getWidth());
        assertEquals(N, img.getHeight());
        for (int py = 0; py < N; py++) {
            for (int px = 0; px < N; px++) {
                int z = N - 1 - py; // superior up
                assertEquals("axial " + px + "," + py, inside(px, py, 12) ? 255 : 0, grey(img, px, py));
                assertEquals("sagittal " + px + "," + py, inside(8, px, z) ? 255 : 0, grey(img, N + px, py));
                assertEquals("coronal " + px + "," + py, inside(px, 24, z) ? 255 : 0, grey(img, 2 * N + px, py));
            }
        }
    }

    @Test
    public void anisotropicVoxelsAreStretchedToMillimetres() {
        // Same box in 2 mm slices: 16 slices cover the same 32 mm, so the pictures are the same.
        BufferedImage iso = VolumeThumbnail.render(box(1).asVolume(), N);
        BufferedImage aniso = VolumeThumbnail.render(box(2).asVolume(), N);
        for (int py = 0; py < N; py++) {
            for (int px = 0; px < 3 * N; px++) {
                int expected = grey(iso, px, py);
                assertEquals(px + "," + py, expected, grey(aniso, px, py));
            }
        }
    }

    @Test
    public void greyLevelsSpanTheValueRangeAndTheFrameFillsNonSquarePlanes() {
        Volume ct = Volume.allocate(new Shape(N, N / 2, 4), VoxelType.INT16, Geometry.ofSpacings(1, 1, 1));
        for (int z = 0; z < 4; z++) {
            for (int y = 0; y < N / 2; y++) {
                for (int x = 0; x < N; x++) {
                    ct.set(x, y, z, x < N / 2 ? -1000 : 1000); // air on the left, bone on the right
                }
            }
        }
        BufferedImage img = VolumeThumbnail.render(ct, N);
        // Axial plane is 32 × 16 mm: drawn 32 × 16 pixels, centred vertically with frame above and below.
        assertEquals(VolumeThumbnail.FRAME, grey(img, 3, 2));
        assertEquals(0, grey(img, 3, N / 2));
        assertEquals(255, grey(img, N - 3, N / 2));
        assertEquals(VolumeThumbnail.FRAME, grey(img, 3, N - 3));
    }

    private static boolean inside(int x, int y, int z) {
        return x >= 4 && x <= 11 && y >= 20 && y <= 27 && z >= 10 && z <= 13;
    }

    private static int grey(BufferedImage img, int x, int y) {
        return img.getRaster().getSample(x, y, 0);
    }
}
