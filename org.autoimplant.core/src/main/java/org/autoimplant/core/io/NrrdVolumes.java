package org.autoimplant.core.io;

import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.autoimplant.core.volume.Geometry;
import org.autoimplant.core.volume.Metadata;
import org.autoimplant.core.volume.Shape;
import org.autoimplant.core.volume.Volume;

/**
 * Maps between a NRRD header (any dimension) and our 3-D volume description: which axes are the
 * three spatial ones, the {@link Geometry} and the {@link Metadata} to carry along — and back.
 */
final class NrrdVolumes {
    private NrrdVolumes() {
    }

    /**
     * Index of the first of the three volume axes: 0 for 3-D data, 1 for 4-D data whose leading
     * axis has size 1 and no space direction (e.g. a one-component "vector" axis).
     */
    static int firstVolumeAxis(NrrdHeader h, Path file) throws NrrdFormatException {
        int first;
        if (h.dimension == 3) {
            first = 0;
        } else if (h.dimension == 4 && h.sizes[0] == 1
                && (h.spaceDirections == null || h.spaceDirections[0] == null)) {
            first = 1;
        } else {
            throw new NrrdFormatException(file, "is " + h.dimension + "-dimensional (sizes " + sizes(h.sizes)
                    + "); only 3-D volumes, or 4-D ones with a leading non-spatial axis of size 1, are supported");
        }
        if (h.spaceDirections != null) {
            for (int a = first; a < first + 3; a++) {
                if (h.spaceDirections[a] == null) {
                    throw new NrrdFormatException(file, "axis " + a + " has no space direction ('none')");
                }
            }
        }
        return first;
    }

    static Shape shape(NrrdHeader h, int first, Path file) throws NrrdFormatException {
        long n = h.sizes[first] * h.sizes[first + 1] * h.sizes[first + 2];
        if (n > Shape.MAX_VOXELS || h.sizes[first] > Integer.MAX_VALUE) {
            throw new NrrdFormatException(file, "sizes " + sizes(h.sizes) + " make " + n
                    + " voxels, more than the " + Shape.MAX_VOXELS + " one volume can hold");
        }
        return new Shape((int) h.sizes[first], (int) h.sizes[first + 1], (int) h.sizes[first + 2]);
    }

    static Geometry geometry(NrrdHeader h, int first, Path file) throws NrrdFormatException {
        try {
            if (h.spaceDirections != null) {
                double[][] d = Arrays.copyOfRange(h.spaceDirections, first, first + 3);
                double[] origin = h.spaceOrigin != null ? h.spaceOrigin : new double[h.spaceDimension];
                return Geometry.ofSpace(h.space, d, origin);
            }
            if (h.spacings != null) {
                double sx = h.spacings[first], sy = h.spacings[first + 1], sz = h.spacings[first + 2];
                if (sx > 0 && sy > 0 && sz > 0 && Double.isFinite(sx + sy + sz)) {
                    return Geometry.ofSpacings(sx, sy, sz);
                }
            }
            return Geometry.unknown();
        } catch (IllegalArgumentException e) {
            throw new NrrdFormatException(file, "bad geometry: " + e.getMessage());
        }
    }

    static Metadata metadata(NrrdHeader h, int first) {
        Map<String, List<String>> axes = new LinkedHashMap<>();
        h.axisFields.forEach((k, v) -> axes.put(k, v.subList(first, first + 3)));
        Map<String, String> fields = new LinkedHashMap<>(h.fields);
        if (h.spaceUnits != null) {
            fields.put("space units", quoted(h.spaceUnits));
        }
        if (h.measurementFrame != null) {
            fields.put("measurement frame", vectors(h.measurementFrame));
        }
        return new Metadata(h.keyValues, axes, fields);
    }

    /** The header that describes {@code v} stored with the given encoding and byte order. */
    static NrrdHeader header(Volume v, NrrdEncoding encoding, ByteOrder endian) {
        NrrdHeader h = new NrrdHeader();
        h.type = v.type();
        h.dimension = 3;
        h.sizes = new long[] {v.shape().nx(), v.shape().ny(), v.shape().nz()};
        h.encoding = encoding;
        h.endian = v.type().bytes() > 1 && encoding.isBinary() ? endian : null;
        Geometry g = v.geometry();
        Metadata m = v.metadata();
        Map<String, String> fields = new LinkedHashMap<>(m.fields());
        String spaceUnits = fields.remove("space units");
        String frame = fields.remove("measurement frame");
        switch (g.kind()) {
            case SPACE -> {
                h.space = g.space();
                h.spaceDimension = g.spaceDimension();
                h.spaceDirections = new double[][] {g.direction(0), g.direction(1), g.direction(2)};
                h.spaceOrigin = g.origin();
                if (spaceUnits != null && NrrdText.parseQuoted(spaceUnits).size() == h.spaceDimension) {
                    h.spaceUnits = NrrdText.parseQuoted(spaceUnits);
                }
                if (frame != null) {
                    List<double[]> f = NrrdText.parseVectors(frame, h.spaceDimension);
                    if (f.size() == h.spaceDimension && !f.contains(null)) {
                        h.measurementFrame = f.toArray(new double[0][]);
                    }
                }
            }
            case SPACINGS -> h.spacings = g.spacings();
            case NONE -> {
            }
        }
        for (String name : NrrdHeader.PER_AXIS_TEXT_FIELDS) {
            List<String> values = m.axisFields().get(name);
            // teem rejects units, mins and maxs on axes that have a direction vector.
            boolean clashesWithDirections = g.kind() == Geometry.Kind.SPACE
                    && (name.equals("units") || name.equals("axis mins") || name.equals("axis maxs"));
            if (values != null && !clashesWithDirections) {
                h.axisFields.put(name, values);
            }
        }
        if (g.kind() == Geometry.Kind.SPACE && !h.axisFields.containsKey("kinds")) {
            h.axisFields.put("kinds", List.of("domain", "domain", "domain"));
        }
        h.fields.putAll(fields);
        h.keyValues.putAll(m.keyValues());
        return h;
    }

    /** The header text, ending with the blank line that separates it from attached data. */
    static String format(NrrdHeader h) {
        List<String> lines = new ArrayList<>();
        lines.add("NRRD0004");
        lines.add("# Complete NRRD file format specification at:");
        lines.add("# http://teem.sourceforge.net/nrrd/format.html");
        lines.add("type: " + NrrdTypes.headerName(h.type));
        lines.add("dimension: " + h.dimension);
        if (h.space != null) {
            lines.add("space: " + h.space);
        } else if (h.spaceDimension > 0) {
            lines.add("space dimension: " + h.spaceDimension);
        }
        lines.add("sizes: " + join(h.sizes));
        if (h.spaceDirections != null) {
            StringBuilder b = new StringBuilder("space directions:");
            for (double[] d : h.spaceDirections) {
                b.append(' ').append(d == null ? "none" : NrrdText.formatVector(d));
            }
            lines.add(b.toString());
        }
        if (h.spacings != null) {
            StringBuilder b = new StringBuilder("spacings:");
            for (double s : h.spacings) {
                b.append(' ').append(NrrdText.formatDouble(s));
            }
            lines.add(b.toString());
        }
        h.axisFields.forEach((name, values) -> {
            boolean quoted = name.equals("labels") || name.equals("units");
            lines.add(name + ": " + (quoted ? quoted(values) : String.join(" ", values)));
        });
        if (h.endian != null) {
            lines.add("endian: " + (h.endian == ByteOrder.BIG_ENDIAN ? "big" : "little"));
        }
        lines.add("encoding: " + h.encoding.headerName());
        if (h.spaceUnits != null) {
            lines.add("space units: " + quoted(h.spaceUnits));
        }
        if (h.spaceOrigin != null) {
            lines.add("space origin: " + NrrdText.formatVector(h.spaceOrigin));
        }
        if (h.measurementFrame != null) {
            lines.add("measurement frame: " + vectors(h.measurementFrame));
        }
        h.fields.forEach((name, value) -> lines.add(name + ": " + value));
        if (h.dataFiles.size() == 1) {
            lines.add("data file: " + h.dataFiles.get(0));
        }
        h.keyValues.forEach((k, val) -> lines.add(NrrdText.escape(k) + ":=" + NrrdText.escape(val)));
        return String.join("\n", lines) + "\n\n";
    }

    private static String quoted(List<String> values) {
        StringBuilder b = new StringBuilder();
        for (String s : values) {
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(NrrdText.quote(s));
        }
        return b.toString();
    }

    private static String vectors(double[][] vs) {
        StringBuilder b = new StringBuilder();
        for (double[] v : vs) {
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(NrrdText.formatVector(v));
        }
        return b.toString();
    }

    private static String join(long[] sizes) {
        StringBuilder b = new StringBuilder();
        for (long s : sizes) {
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(s);
        }
        return b.toString();
    }

    static String sizes(long[] sizes) {
        return join(sizes).replace(' ', '×');
    }
}
