package org.autoimplant.core.io.dicom;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The attributes of one DICOM dataset (a file's, or a sequence item's) that the reader needs, as
 * typed getters over the raw values. Text is decoded as ISO 8859-1 (the default repertoire and
 * Latin-1 cover what we read: UIDs, numbers, codes, descriptions).
 */
final class DicomDataset {
    /** One attribute: its VR ("UN" when unknown), raw value, or the items of a sequence. */
    record Element(String vr, byte[] value, List<DicomDataset> items) {
    }

    private final Map<Integer, Element> elements = new HashMap<>();
    private final boolean bigEndian;
    private final boolean explicitVr;

    DicomDataset(boolean explicitVr, boolean bigEndian) {
        this.explicitVr = explicitVr;
        this.bigEndian = bigEndian;
    }

    void put(int tag, Element e) {
        elements.put(tag, e);
    }

    boolean contains(int tag) {
        return elements.containsKey(tag);
    }

    /** The trimmed text of {@code tag}, or null when absent or empty. */
    String string(int tag) {
        Element e = elements.get(tag);
        if (e == null || e.value() == null) {
            return null;
        }
        String s = new String(e.value(), StandardCharsets.ISO_8859_1);
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\0')) {
            end--;
        }
        s = s.substring(0, end).strip();
        return s.isEmpty() ? null : s;
    }

    /** The values of a multi-valued text attribute (backslash-separated), or null when absent. */
    String[] strings(int tag) {
        String s = string(tag);
        return s == null ? null : s.split("\\\\", -1);
    }

    /** Decimal values (DS text, or FD/FL binary), or null when absent or not numbers. */
    double[] doubles(int tag) {
        Element e = elements.get(tag);
        if (e == null || e.value() == null) {
            return null;
        }
        if (e.vr().equals("FD") || e.vr().equals("FL")) {
            ByteBuffer b = buffer(e.value());
            int size = e.vr().equals("FD") ? 8 : 4;
            double[] d = new double[e.value().length / size];
            for (int i = 0; i < d.length; i++) {
                d[i] = size == 8 ? b.getDouble(i * 8) : b.getFloat(i * 4);
            }
            return d;
        }
        String[] s = strings(tag);
        if (s == null) {
            return null;
        }
        double[] d = new double[s.length];
        try {
            for (int i = 0; i < s.length; i++) {
                d[i] = Double.parseDouble(s[i].strip());
            }
        } catch (NumberFormatException x) {
            return null;
        }
        return d;
    }

    /** The first decimal value, or {@code otherwise}. */
    double number(int tag, double otherwise) {
        double[] d = doubles(tag);
        return d == null || d.length == 0 || !Double.isFinite(d[0]) ? otherwise : d[0];
    }

    /**
     * An integer: US/SS/UL/SL binary (implicit VR: unsigned 16 bit for the pixel-module attributes
     * of {@link Tags#VR}), or IS text; {@code otherwise} when absent.
     */
    int integer(int tag, int otherwise) {
        Element e = elements.get(tag);
        if (e == null || e.value() == null || e.value().length == 0) {
            return otherwise;
        }
        String vr = e.vr();
        if (vr.equals("UN")) {
            vr = Tags.VR.getOrDefault(tag, "UN");
        }
        ByteBuffer b = buffer(e.value());
        switch (vr) {
            case "US", "XS", "OW":
                return e.value().length >= 2 ? Short.toUnsignedInt(b.getShort(0)) : otherwise;
            case "SS":
                return e.value().length >= 2 ? b.getShort(0) : otherwise;
            case "UL", "SL":
                return e.value().length >= 4 ? b.getInt(0) : otherwise;
            default:
                String s = string(tag);
                if (s == null) {
                    return otherwise;
                }
                try {
                    return Integer.parseInt(s.split("\\\\")[0].strip());
                } catch (NumberFormatException x) {
                    return otherwise;
                }
        }
    }

    /** The raw value's VR (for US/SS-ambiguous attributes), or null when absent. */
    String vr(int tag) {
        Element e = elements.get(tag);
        return e == null ? null : e.vr();
    }

    /**
     * The items of sequence {@code tag} (empty when absent). A defined-length sequence of an
     * implicit-VR dataset that the reader did not know to be one is parsed now from its bytes.
     */
    List<DicomDataset> sequence(int tag) throws java.io.IOException {
        Element e = elements.get(tag);
        if (e == null) {
            return List.of();
        }
        if (e.items() != null) {
            return e.items();
        }
        if (e.value() == null || e.value().length == 0) {
            return List.of();
        }
        List<DicomDataset> items = DicomParser.parseSequenceBytes(e.value(), explicitVr, bigEndian);
        elements.put(tag, new Element("SQ", null, items));
        return items;
    }

    /** The first item of sequence {@code tag}, or null. */
    DicomDataset item(int tag) throws java.io.IOException {
        List<DicomDataset> items = sequence(tag);
        return items.isEmpty() ? null : items.get(0);
    }

    private ByteBuffer buffer(byte[] v) {
        return ByteBuffer.wrap(v).order(bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
    }
}
