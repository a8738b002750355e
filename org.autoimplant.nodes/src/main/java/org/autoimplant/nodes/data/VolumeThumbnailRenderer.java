package org.autoimplant.nodes.data;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.Insets;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import org.autoimplant.core.volume.VolumeSummary;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.renderer.AbstractDataValueRendererFactory;
import org.knime.core.data.renderer.AbstractPainterDataValueRenderer;
import org.knime.core.data.renderer.DataValueRenderer;

/**
 * Shows a volume in a table cell as its thumbnail (axial, sagittal and coronal slices through the
 * centre of mass) with its sizes, spacing and non-zero voxels beside it. Paints the picture stored
 * in the cell: the voxels are never read for drawing.
 */
public final class VolumeThumbnailRenderer extends AbstractPainterDataValueRenderer {
    private static final long serialVersionUID = 1L;
    private static final int GAP = 6;
    private static final java.awt.Font DEFAULT_FONT = new java.awt.Font(java.awt.Font.DIALOG, java.awt.Font.PLAIN, 12);

    private transient BufferedImage image;
    private String[] lines = new String[0];

    @Override
    public String getDescription() {
        return "Thumbnail";
    }

    @Override
    protected void setValue(Object value) {
        if (value instanceof VolumeValue v) {
            image = displayable(v.getThumbnail());
            lines = describe(v.getSummary());
            setToolTipText(v.getSummary().toString());
        } else {
            image = null;
            lines = new String[] {value == null ? "?" : value.toString()};
            setToolTipText(null);
        }
    }

    /**
     * The thumbnail as sRGB pixels of the same grey values. Java2D treats 8-bit grey images as
     * linear and would brighten mid-greys (48 becomes 75) when drawing them into a table.
     */
    static BufferedImage displayable(BufferedImage grey) {
        if (grey == null || grey.getType() != BufferedImage.TYPE_BYTE_GRAY) {
            return grey;
        }
        BufferedImage rgb = new BufferedImage(grey.getWidth(), grey.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < grey.getHeight(); y++) {
            for (int x = 0; x < grey.getWidth(); x++) {
                int g = grey.getRaster().getSample(x, y, 0);
                rgb.setRGB(x, y, g << 16 | g << 8 | g);
            }
        }
        return rgb;
    }

    /** The text beside the thumbnail. */
    static String[] describe(VolumeSummary s) {
        return new String[] {(s.mask() ? "mask " : s.type().id() + " ") + s.shape(),
            String.format(java.util.Locale.ROOT, "%.3g × %.3g × %.3g mm", s.spacingX(), s.spacingY(), s.spacingZ()),
            s.mask() ? String.format(java.util.Locale.ROOT, "%,d voxels, %.1f cm³", s.nonZero(), s.nonZeroVolumeCm3())
                    : String.format(java.util.Locale.ROOT, "%,d non-zero", s.nonZero())};
    }

    @Override
    protected void paintComponent(Graphics g) {
        super.paintComponent(g);
        Graphics2D g2 = (Graphics2D) g.create();
        try {
            g2.setColor(getBackground());
            g2.fillRect(0, 0, getWidth(), getHeight());
            Insets in = getInsets();
            int x = in.left, y = in.top;
            int h = getHeight() - in.top - in.bottom;
            if (image != null && h > 0) {
                g2.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                int w = (int) Math.round(image.getWidth() * (double) h / image.getHeight());
                g2.drawImage(image, x, y, w, h, null);
                x += w + GAP;
            }
            g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g2.setColor(getForeground() == null ? Color.BLACK : getForeground());
            g2.setFont(getFont() != null ? getFont() : DEFAULT_FONT);
            FontMetrics fm = g2.getFontMetrics();
            int line = fm.getHeight();
            int top = y + Math.max(0, (h - line * lines.length) / 2) + fm.getAscent();
            for (int i = 0; i < lines.length; i++) {
                g2.drawString(lines[i], x, top + i * line);
            }
        } finally {
            g2.dispose();
        }
    }

    @Override
    public Dimension getPreferredSize() {
        Insets in = getInsets();
        // KNIME asks for the size before a table has set a font.
        FontMetrics fm = getFontMetrics(getFont() != null ? getFont() : DEFAULT_FONT);
        int text = 0;
        for (String l : lines) {
            text = Math.max(text, fm.stringWidth(l));
        }
        int h = VolumeCells.THUMBNAIL_SIZE;
        int w = image == null ? 0 : image.getWidth() + GAP;
        return new Dimension(in.left + w + text + in.right, in.top + Math.max(h, fm.getHeight() * lines.length) + in.bottom);
    }

    /** Registered in plugin.xml as the default renderer of volume columns. */
    public static final class Factory extends AbstractDataValueRendererFactory {
        @Override
        public String getDescription() {
            return "Thumbnail";
        }

        @Override
        public DataValueRenderer createRenderer(DataColumnSpec colSpec) {
            return new VolumeThumbnailRenderer();
        }
    }
}
