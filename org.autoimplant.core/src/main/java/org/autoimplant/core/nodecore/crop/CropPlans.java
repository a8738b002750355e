package org.autoimplant.core.nodecore.crop;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.autoimplant.core.pipeline.CropPlan;
import org.autoimplant.core.volume.Box;
import org.autoimplant.core.volume.Shape;

/**
 * A crop plan as the text of a table cell, so tiles can travel through any KNIME node (filters,
 * joins, loops) and still be put back exactly: where the crop came from in the full-resolution
 * grid, where it sits in the zero-padded N2 input, and the full grid's size, e.g.
 * {@code source 161,289,150 190x184x96; at 33,36,16 in 256x256x128; grid 512x512x237}.
 */
public final class CropPlans {
    private static final Pattern FORMAT = Pattern.compile("source (\\d+),(\\d+),(\\d+) (\\d+)x(\\d+)x(\\d+); at (\\d+),"
            + "(\\d+),(\\d+) in (\\d+)x(\\d+)x(\\d+); grid (\\d+)x(\\d+)x(\\d+)");

    private static final Pattern NONE = Pattern.compile("no implant; grid (\\d+)x(\\d+)x(\\d+)");

    /**
     * A plan with the size of the grid it was made for; {@code plan} is null for a case without any
     * implant to crop around (its row carries no crop; the restorer gives it an empty implant).
     */
    public record Placed(CropPlan plan, Shape grid) {
        public boolean none() {
            return plan == null;
        }
    }

    private CropPlans() {
    }

    public static String format(CropPlan p, Shape grid) {
        Box b = p.source();
        Shape s = p.padded();
        return String.format(Locale.ROOT, "source %d,%d,%d %dx%dx%d; at %d,%d,%d in %dx%dx%d; grid %dx%dx%d", b.x0(),
                b.y0(), b.z0(), b.sx(), b.sy(), b.sz(), p.ox(), p.oy(), p.oz(), s.nx(), s.ny(), s.nz(), grid.nx(),
                grid.ny(), grid.nz());
    }

    /** The plan text of a case without an implant to crop around, e.g. {@code no implant; grid 512x512x237}. */
    public static String formatNone(Shape grid) {
        return String.format(Locale.ROOT, "no implant; grid %dx%dx%d", grid.nx(), grid.ny(), grid.nz());
    }

    /** Parses {@link #format} and {@link #formatNone}; anything else is an IllegalArgumentException quoting the text. */
    public static Placed parse(String text) {
        Matcher none = NONE.matcher(text == null ? "" : text.strip());
        if (none.matches()) {
            return new Placed(null, new Shape(Integer.parseInt(none.group(1)), Integer.parseInt(none.group(2)),
                    Integer.parseInt(none.group(3))));
        }
        Matcher m = FORMAT.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a crop plan of the BBox Cropper (expected e.g."
                    + " 'source 161,289,150 190x184x96; at 33,36,16 in 256x256x128; grid 512x512x237')");
        }
        int[] v = new int[15];
        for (int i = 0; i < 15; i++) {
            v[i] = Integer.parseInt(m.group(i + 1));
        }
        Shape grid = new Shape(v[12], v[13], v[14]);
        Box source = new Box(v[0], v[1], v[2], v[3], v[4], v[5]);
        if (!grid.contains(source)) {
            throw new IllegalArgumentException("crop plan '" + text + "': its source box lies outside its grid");
        }
        return new Placed(new CropPlan(source, v[6], v[7], v[8], new Shape(v[9], v[10], v[11])), grid);
    }
}
