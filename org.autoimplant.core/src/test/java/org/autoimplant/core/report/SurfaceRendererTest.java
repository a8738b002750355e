package org.autoimplant.core.report;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;
import org.autoimplant.core.mesh.MarchingTetrahedra;
import org.autoimplant.core.mesh.TaubinSmoothing;
import org.autoimplant.core.mesh.TriangleMesh;
import org.autoimplant.core.util.Progress;
import org.autoimplant.core.volume.Geometry;
import org.autoimplant.core.volume.Mask;
import org.autoimplant.core.volume.Shape;
import org.junit.Test;

public class SurfaceRendererTest {
    private static TriangleMesh ball(double cx, double cy, double cz, double r) {
        Mask m = Mask.empty(new Shape(40, 40, 40), Geometry.unknown());
        for (int z = 0; z < 40; z++) {
            for (int y = 0; y < 40; y++) {
                for (int x = 0; x < 40; x++) {
                    m.set(x, y, z, (x - cx) * (x - cx) + (y - cy) * (y - cy) + (z - cz) * (z - cz) <= r * r);
                }
            }
        }
        return TaubinSmoothing.smooth(MarchingTetrahedra.surface(m, Progress.NONE), 10);
    }

    @Test
    public void nearerSurfaceHidesFartherOneAndFacingSurfacesAreBrightest() {
        // Looking along +y: the red ball at small y is in front of the blue one behind it.
        TriangleMesh front = ball(20, 10, 20, 6);
        TriangleMesh back = ball(20, 30, 20, 12);
        BufferedImage img = SurfaceRenderer.render(List.of(new SurfaceRenderer.Item(back, 0x0000FF),
                new SurfaceRenderer.Item(front, 0xFF0000)), new double[] {0, 1, 0}, new double[] {0, 0, 1}, 100, 100);
        int centre = img.getRGB(50, 50) & 0xFFFFFF;
        assertEquals("front ball in the middle", 0, centre & 0x00FFFF);
        assertTrue("lit almost fully where it faces the eye: " + (centre >> 16), (centre >> 16) > 200);
        // ≈ 3.8 pixels per voxel: the front ball spans ±23 pixels, the back one ±46.
        int rim = img.getRGB(50, 50 - 35) & 0xFFFFFF;
        assertEquals("back ball visible around it", 0, rim & 0xFFFF00);
        assertEquals("background in the corner", 0xFFFFFF, img.getRGB(1, 1) & 0xFFFFFF);
        int edge = img.getRGB(50 + 20, 50) & 0xFFFFFF;
        assertEquals("still the front ball", 0, edge & 0x00FFFF);
        assertTrue("oblique surfaces darker", (edge >> 16) < (centre >> 16) - 60);
    }
}
