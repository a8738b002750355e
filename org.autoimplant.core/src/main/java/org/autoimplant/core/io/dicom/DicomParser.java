package org.autoimplant.core.io.dicom;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * Reads the dataset of one DICOM file (PS3.5 and PS3.10): the preamble and meta information when
 * present (or a bare dataset, guessed implicit/explicit, little/big endian from its first
 * element), then the dataset in its transfer syntax up to the pixel data, whose place in the file
 * (native bytes, or the fragments of encapsulated frames) is recorded, not read, so a folder of
 * hundreds of slices is scanned with a few kB per file.
 *
 * <p>Hand-written because no maintained DICOM parser is on Maven Central: dcm4che publishes to its
 * own repository only, PixelMed not at all. It covers what volume reading needs (PS3.5 §7 data
 * elements, §7.5 sequences of defined and undefined length, §A.4 encapsulation) and refuses the
 * rest with the file and the problem.
 */
final class DicomParser {
    private static final long UNDEFINED = 0xFFFFFFFFL;
    private static final int MAX_DEPTH = 16;
    /** Values larger than this are skipped, not kept (private blobs, overlays): we never read them. */
    private static final long KEEP_LIMIT = 1 << 20;
    private static final Set<String> LONG_VRS = Set.of("OB", "OD", "OF", "OL", "OV", "OW", "SQ", "SV", "UC", "UN",
            "UR", "UT", "UV");
    static final String MEDIA_STORAGE_DIRECTORY = "1.2.840.10008.1.3.10";

    /** Where a file's pixel data lies: one native block, or encapsulated fragments (offset, length) after the offset table. */
    record PixelData(boolean encapsulated, long offset, long length, List<long[]> fragments, long[] offsetTable,
            byte[] inMemory, List<byte[]> memoryFragments) {
    }

    /** A parsed file: its transfer syntax (UID, and ours or null), dataset and pixel data (null when it has none). */
    record DicomFile(Path path, String syntaxUid, TransferSyntax syntax, DicomDataset data, PixelData pixels) {
    }

    private DicomParser() {
    }

    /** True when {@code file} starts as a DICOM file does (preamble and "DICM", or a plain first element). */
    static boolean looksLikeDicom(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] b = in.readNBytes(132);
            if (b.length == 132 && b[128] == 'D' && b[129] == 'I' && b[130] == 'C' && b[131] == 'M') {
                return true;
            }
            return b.length >= 8 && bareSyntax(b) != null;
        } catch (IOException e) {
            return false;
        }
    }

    /** The syntax a file without meta information is in, from its first element, or null when it is not DICOM. */
    private static TransferSyntax bareSyntax(byte[] b) {
        int groupLe = (b[0] & 0xFF) | (b[1] & 0xFF) << 8;
        int groupBe = (b[0] & 0xFF) << 8 | (b[1] & 0xFF);
        boolean vrLetters = Character.isUpperCase(b[4]) && Character.isUpperCase(b[5]);
        if (groupLe == 0x0008 || groupLe == 0x0002) {
            return vrLetters ? TransferSyntax.EXPLICIT_LE : TransferSyntax.IMPLICIT_LE;
        }
        if (groupBe == 0x0008 && vrLetters) {
            return TransferSyntax.EXPLICIT_BE;
        }
        return null;
    }

    /** Reads {@code file}'s dataset and locates its pixel data. */
    static DicomFile read(Path file) throws IOException {
        long size = Files.size(file);
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            return read(file, raw, size);
        } catch (DicomFormatException e) {
            throw e;
        } catch (EOFException e) {
            throw new DicomFormatException(file, "truncated: the file ends inside a data element");
        } catch (RuntimeException e) {
            // Corrupt lengths and values surface as arithmetic or index errors deep in the parse.
            throw new DicomFormatException(file, "not a readable DICOM file (" + e + ")", e);
        }
    }

    private static DicomFile read(Path file, InputStream raw, long size) throws IOException {
        Input in = new Input(raw, false, size);
        raw.mark(256);
        byte[] head = raw.readNBytes(132);
        String uid;
        TransferSyntax syntax;
        if (head.length == 132 && new String(head, 128, 4, StandardCharsets.US_ASCII).equals("DICM")) {
            in.pos = 132;
            DicomDataset meta = new DicomDataset(true, false);
            while (true) {
                raw.mark(8);
                byte[] g = raw.readNBytes(2);
                raw.reset();
                if (g.length < 2 || ((g[0] & 0xFF) | (g[1] & 0xFF) << 8) != 0x0002) {
                    break;
                }
                readElement(in, meta, true, false, 0, file, false);
            }
            uid = meta.string(Tags.TRANSFER_SYNTAX_UID);
            if (uid == null) {
                throw new DicomFormatException(file, "its meta information names no transfer syntax (0002,0010)");
            }
            syntax = TransferSyntax.of(uid);
            if (DicomParser.MEDIA_STORAGE_DIRECTORY.equals(meta.string(Tags.MEDIA_STORAGE_SOP_CLASS_UID))) {
                return new DicomFile(file, uid, syntax, meta, null);
            }
        } else {
            raw.reset();
            in.pos = 0;
            syntax = head.length >= 8 ? bareSyntax(head) : null;
            if (syntax == null) {
                throw new DicomFormatException(file, "not a DICOM file (no \"DICM\" after a 128-byte preamble, and it"
                        + " does not start with a DICOM data element)");
            }
            uid = syntax.uid;
        }
        boolean explicit = syntax == null || syntax.explicitVr;
        boolean big = syntax != null && syntax.bigEndian;
        if (syntax != null && syntax.deflated) {
            Input inflated = new Input(new BufferedInputStream(new InflaterInputStream(raw, new Inflater(true)), 1 << 16),
                    false, Long.MAX_VALUE);
            inflated.inMemory = true;
            in = inflated;
        }
        in.bigEndian = big;
        DicomDataset data = new DicomDataset(explicit, big);
        PixelData pixels = readDataset(in, data, explicit, big, -1, 0, file, true);
        return new DicomFile(file, uid, syntax, data, pixels);
    }

    /**
     * Reads elements into {@code ds} until {@code end} (absolute position; -1: until the end of the
     * stream or an item delimiter). At the top level, stops at the pixel data and returns where it is.
     */
    private static PixelData readDataset(Input in, DicomDataset ds, boolean explicit, boolean big, long end, int depth,
            Path file, boolean top) throws IOException {
        if (depth > MAX_DEPTH) {
            throw new DicomFormatException(file, "sequences nested more than " + MAX_DEPTH + " deep");
        }
        while (end < 0 || in.pos < end) {
            if (end < 0 && in.atEnd()) {
                return null;
            }
            Object r = readElement(in, ds, explicit, big, depth, file, top);
            if (r == ITEM_END) {
                return null;
            }
            if (r instanceof PixelData p) {
                return p;
            }
        }
        if (in.pos > end) {
            throw new DicomFormatException(file, "an element runs past the end of its item (byte " + in.pos + ")");
        }
        return null;
    }

    private static final Object ITEM_END = new Object();

    private static Object readElement(Input in, DicomDataset ds, boolean explicit, boolean big, int depth, Path file,
            boolean top) throws IOException {
        in.bigEndian = big;
        long at = in.pos;
        int tag = in.u16() << 16 | in.u16();
        if (tag == Tags.ITEM_DELIMITATION) {
            in.u32();
            return ITEM_END;
        }
        if (tag == Tags.ITEM || tag == Tags.SEQUENCE_DELIMITATION) {
            throw new DicomFormatException(file, "an item tag " + Tags.format(tag) + " outside a sequence at byte " + at);
        }
        String vr;
        long len;
        if (explicit) {
            byte[] v = in.bytes(2);
            if (!Character.isUpperCase(v[0]) || !Character.isUpperCase(v[1])) {
                throw new DicomFormatException(file, "element " + Tags.format(tag) + " at byte " + at
                        + " has no valid VR (is the transfer syntax right?)");
            }
            vr = new String(v, StandardCharsets.US_ASCII);
            if (LONG_VRS.contains(vr)) {
                in.skip(2);
                len = in.u32();
            } else {
                len = in.u16();
            }
        } else {
            vr = Tags.VR.getOrDefault(tag, "UN");
            len = in.u32();
        }
        if (tag == Tags.PIXEL_DATA && top && depth == 0) {
            return readPixelData(in, len, file);
        }
        if (len == UNDEFINED) {
            // A sequence (SQ, or UN of undefined length, whose content is implicit VR little endian).
            boolean itemExplicit = explicit && !vr.equals("UN");
            boolean itemBig = big && itemExplicit;
            ds.put(tag, new DicomDataset.Element("SQ", null, readSequence(in, itemExplicit, itemBig, -1, depth + 1, file)));
            return null;
        }
        if (len > in.remaining()) {
            throw new DicomFormatException(file, "truncated: element " + Tags.format(tag) + " at byte " + at + " says "
                    + len + " bytes, but only " + in.remaining() + " remain");
        }
        if (vr.equals("SQ")) {
            ds.put(tag, new DicomDataset.Element("SQ", null, readSequence(in, explicit, big, in.pos + len, depth + 1,
                    file)));
            return null;
        }
        if (len > KEEP_LIMIT) {
            in.skip(len);
            return null;
        }
        ds.put(tag, new DicomDataset.Element(vr, in.bytes((int) len), null));
        return null;
    }

    private static List<DicomDataset> readSequence(Input in, boolean explicit, boolean big, long end, int depth,
            Path file) throws IOException {
        if (depth > MAX_DEPTH) {
            throw new DicomFormatException(file, "sequences nested more than " + MAX_DEPTH + " deep");
        }
        List<DicomDataset> items = new ArrayList<>();
        while (end < 0 || in.pos < end) {
            in.bigEndian = big;
            int tag = in.u16() << 16 | in.u16();
            long len = in.u32();
            if (tag == Tags.SEQUENCE_DELIMITATION) {
                break;
            }
            if (tag != Tags.ITEM) {
                throw new DicomFormatException(file, "expected a sequence item, found " + Tags.format(tag) + " at byte "
                        + (in.pos - 8));
            }
            DicomDataset item = new DicomDataset(explicit, big);
            readDataset(in, item, explicit, big, len == UNDEFINED ? -1 : in.pos + len, depth, file, false);
            items.add(item);
        }
        return items;
    }

    private static PixelData readPixelData(Input in, long len, Path file) throws IOException {
        if (len != UNDEFINED) {
            if (len > in.remaining()) {
                throw new DicomFormatException(file, "truncated: its pixel data says " + len + " bytes, but only "
                        + in.remaining() + " remain");
            }
            if (in.inMemory) {
                return new PixelData(false, 0, len, null, null, in.bytes(Math.toIntExact(len)), null);
            }
            long offset = in.pos;
            in.skip(len);
            return new PixelData(false, offset, len, null, null, null, null);
        }
        in.bigEndian = false;
        long[] table = null;
        List<long[]> fragments = new ArrayList<>();
        List<byte[]> memory = in.inMemory ? new ArrayList<>() : null;
        while (true) {
            int tag = in.u16() << 16 | in.u16();
            long l = in.u32();
            if (tag == Tags.SEQUENCE_DELIMITATION) {
                break;
            }
            if (tag != Tags.ITEM || l == UNDEFINED || l > in.remaining()) {
                throw new DicomFormatException(file, "encapsulated pixel data is broken at byte " + (in.pos - 8)
                        + (l > in.remaining() && l != UNDEFINED ? " (truncated)" : ""));
            }
            if (table == null) {
                byte[] t = in.bytes((int) l);
                ByteBuffer b = ByteBuffer.wrap(t).order(ByteOrder.LITTLE_ENDIAN);
                table = new long[t.length / 4];
                for (int i = 0; i < table.length; i++) {
                    table[i] = Integer.toUnsignedLong(b.getInt(4 * i));
                }
            } else if (memory != null) {
                memory.add(in.bytes(Math.toIntExact(l)));
            } else {
                fragments.add(new long[] {in.pos, l});
                in.skip(l);
            }
        }
        return new PixelData(true, 0, 0, memory == null ? fragments : null, table, null, memory);
    }

    /** The items of a defined-length sequence value held as bytes (implicit-VR files). */
    static List<DicomDataset> parseSequenceBytes(byte[] value, boolean explicit, boolean big) throws IOException {
        Input in = new Input(new ByteArrayInputStream(value), big, value.length);
        in.inMemory = true;
        try {
            return readSequence(in, explicit, big, value.length, 1, null);
        } catch (EOFException | RuntimeException e) {
            throw new DicomFormatException(null, "a sequence's bytes are not a valid sequence (" + e.getMessage() + ")");
        }
    }

    /** Reads {@code length} bytes at {@code offset} of {@code file} (a frame's pixel data or a fragment). */
    static byte[] bytesAt(Path file, long offset, long length) throws IOException {
        if (length > Integer.MAX_VALUE - 16) {
            throw new DicomFormatException(file, "a pixel data block of " + length + " bytes is too large");
        }
        byte[] b = new byte[(int) length];
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buf = ByteBuffer.wrap(b);
            long pos = offset;
            while (buf.hasRemaining()) {
                int n = ch.read(buf, pos);
                if (n < 0) {
                    throw new DicomFormatException(file, "truncated: pixel data ends at byte " + pos + " of "
                            + (offset + length));
                }
                pos += n;
            }
        }
        return b;
    }

    /** A byte stream with its position, byte order and (when known) total size. */
    private static final class Input {
        private final InputStream in;
        private final long size;
        long pos;
        boolean bigEndian;
        boolean inMemory;

        Input(InputStream in, boolean bigEndian, long size) {
            this.in = in;
            this.bigEndian = bigEndian;
            this.size = size;
        }

        long remaining() {
            return size == Long.MAX_VALUE ? Long.MAX_VALUE : size - pos;
        }

        boolean atEnd() throws IOException {
            in.mark(1);
            int b = in.read();
            in.reset();
            return b < 0;
        }

        int u16() throws IOException {
            int a = in.read(), b = in.read();
            if ((a | b) < 0) {
                throw new EOFException();
            }
            pos += 2;
            return bigEndian ? a << 8 | b : b << 8 | a;
        }

        long u32() throws IOException {
            long lo = u16(), hi = u16();
            return bigEndian ? lo << 16 | hi : hi << 16 | lo;
        }

        byte[] bytes(int n) throws IOException {
            byte[] b = in.readNBytes(n);
            if (b.length < n) {
                throw new EOFException();
            }
            pos += n;
            return b;
        }

        void skip(long n) throws IOException {
            long left = n;
            while (left > 0) {
                long s = in.skip(left);
                if (s <= 0) {
                    if (in.read() < 0) {
                        throw new EOFException();
                    }
                    s = 1;
                }
                left -= s;
            }
            pos += n;
        }
    }
}
