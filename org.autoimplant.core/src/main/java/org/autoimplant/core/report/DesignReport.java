package org.autoimplant.core.report;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.autoimplant.core.io.AtomicFiles;
import org.autoimplant.core.mesh.TriangleMesh;
import org.autoimplant.core.ops.MaskOps;
import org.autoimplant.core.volume.Box;
import org.autoimplant.core.volume.Mask;

/**
 * The one-page report of a design without ground truth: what went in, how the implant was made,
 * its size and place, three slices through it and a 3-D view of skull and implant. Written
 * atomically as one self-contained HTML file.
 */
public final class DesignReport {
    private DesignReport() {
    }

    /** @param facts lines (input, models, timings) shown as a list */
    public static void write(Path html, String title, Mask skull, Mask implant, List<String> facts) throws IOException {
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>").append(Html.esc(title))
                .append("</title><style>body{font-family:sans-serif;max-width:1100px;margin:2em auto;color:#222}"
                        + "img{margin:4px;border:1px solid #ccc}li{margin:2px 0}.meta{color:#666}</style></head><body>");
        b.append("<h1>").append(Html.esc(title)).append("</h1><ul>");
        for (String f : facts) {
            b.append("<li>").append(Html.esc(f)).append("</li>");
        }
        double[] sp = implant.geometry().spacings();
        double cm3 = implant.count() * sp[0] * sp[1] * sp[2] / 1000;
        Box box = MaskOps.boundingBox(implant);
        b.append(String.format(Locale.ROOT, "<li>implant: %,d voxels, %.1f cm³", implant.count(), cm3));
        if (box != null) {
            b.append(String.format(Locale.ROOT, ", %.0f × %.0f × %.0f mm (bounding box in voxel axes)",
                    box.sx() * sp[0], box.sy() * sp[1], box.sz() * sp[2]));
        }
        b.append("</li></ul>");
        if (implant.count() == 0) {
            b.append("<p><b>The predicted implant is empty.</b> The direct models know the defect region of their"
                    + " training data; try the completion method.</p>");
        }
        b.append("<h2>Slices through the implant</h2><p class=meta>Skull grey, implant red.</p>");
        int[] at = SliceFigure.centre(null, implant);
        for (SliceFigure.Plane p : SliceFigure.Plane.values()) {
            b.append(Html.img(SliceFigure.render(p, at, skull, null, implant, 360), p + " slice"));
        }
        b.append("<h2>3-D view</h2>");
        TriangleMesh surface = CaseFigures.skullSurface(skull);
        BufferedImage view = CaseFigures.view(surface, implant, 0xD62728, 520);
        b.append(Html.img(view, "skull and implant"));
        b.append("<p class=meta>Written by AutoImplant. The implant is a design proposal: check its fit and thickness"
                + " before manufacture.</p></body></html>\n");
        AtomicFiles.write(html, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            w.write(b.toString());
            w.flush();
        });
    }
}
