package org.autoimplant.nodes.plain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import org.autoimplant.core.report.VolumeThumbnail;
import org.autoimplant.core.volume.Geometry;
import org.autoimplant.core.volume.Mask;
import org.autoimplant.core.volume.Shape;
import org.autoimplant.core.volume.Volume;
import org.autoimplant.core.volume.VolumeSummary;
import org.autoimplant.nodes.data.VolumeThumbnailRenderer;
import org.autoimplant.nodes.data.VolumeValue;
import org.junit.jupiter.api.Test;

/**
 * The table renderer paints the cell's stored thumbnail (pixel for pixel at its own height) and
 * the summary text beside it, without asking for the voxels.
 */
class VolumeThumbnailRendererTest {
    @Test
    void paintsTheThumbnailAndTheSummaryWithoutReadingVoxels() {
        Mask m = Mask.empty(new Shape(40, 40, 20), Geometry.ofSpacings(0.5, 0.5, 1));
        for (int z = 5; z < 15; z++) {
            for (int y = 10; y < 30; y++) {
                for (int x = 8; x < 20; x++) {
                    m.set(x, y, z, true);
                }
            }
        }
        BufferedImage thumb = VolumeThumbnail.render(m.asVolume(), 64);
        VolumeValue value = new VolumeValue() {
            @Override
            public VolumeSummary getSummary() {
                return VolumeSummary.of(m);
            }

            @Override
            public BufferedImage getThumbnail() {
                return thumb;
            }

            @Override
            public Volume getVolume() {
                throw new AssertionError("the renderer must not read the voxels");
            }

            @Override
            public Mask getMask() {
                throw new AssertionError("the renderer must not read the voxels");
            }
        };
        VolumeThumbnailRenderer r = new VolumeThumbnailRenderer();
        r.setFont(null);
        r.getRendererComponent(value);
        assertTrue(r.getPreferredSize().width > 0, "KNIME asks for the size before any font is set");
        r.setBackground(Color.WHITE);
        r.setForeground(Color.BLACK);
        r.setFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 12));
        r.setBorder(null);
        r.getRendererComponent(value);
        Dimension d = r.getPreferredSize();
        assertTrue(d.width > thumb.getWidth() + 60, "no room for the text: " + d);
        r.setSize(d);
        BufferedImage img = new BufferedImage(d.width, d.height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        r.paint(g);
        g.dispose();
        int top = (d.height - 64) / 2;
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < thumb.getWidth(); x++) {
                int grey = thumb.getRaster().getSample(x, y, 0);
                assertEquals(grey, img.getRGB(x, y + top) & 0xFF, "thumbnail pixel " + x + "," + y);
            }
        }
        int ink = 0;
        for (int y = 0; y < d.height; y++) {
            for (int x = thumb.getWidth() + 8; x < d.width; x++) {
                ink += (img.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF ? 1 : 0;
            }
        }
        assertTrue(ink > 100, "no summary text drawn beside the thumbnail");
        assertEquals("mask 40×40×20", r.getToolTipText().substring(0, "mask 40×40×20".length()));
    }
}
