package org.autoimplant.core.report;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import javax.imageio.ImageIO;

/** Small helpers to write a self-contained page: escaping and PNGs as data URIs. */
final class Html {
    private Html() {
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    static String img(byte[] png, String alt) {
        return "<img alt=\"" + esc(alt) + "\" src=\"data:image/png;base64," + Base64.getEncoder().encodeToString(png) + "\">";
    }

    static String img(BufferedImage image, String alt) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return img(out.toByteArray(), alt);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
