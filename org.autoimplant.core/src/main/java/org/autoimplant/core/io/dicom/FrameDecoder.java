package org.autoimplant.core.io.dicom;

import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageReader;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * One frame's stored pixel values (before rescale), from native or encapsulated pixel data:
 * native little/big endian, RLE (PS3.5 Annex G, hand-written: a few dozen lines of PackBits that no
 * Maven Central library offers apart from full DICOM toolkits), JPEG lossless and baseline
 * (TwelveMonkeys ImageIO), JPEG 2000 (jai-imageio-jpeg2000). Bits Stored, High Bit and Pixel
 * Representation are applied here, so every path gives the same integers.
 */
final class FrameDecoder {
    /** The pixel module of an image: what a frame's bytes mean. */
    record PixelFormat(int rows, int columns, int samples, int bitsAllocated, int bitsStored, int highBit,
            boolean signed, String photometric) {
        int frameBytes() {
            return rows * columns * samples * (bitsAllocated / 8);
        }

        /** The stored value {@code raw} masked to Bits Stored and sign-extended when signed. */
        int stored(int raw) {
            int shift = highBit + 1 - bitsStored;
            int v = (raw >>> Math.max(0, shift)) & (bitsStored >= 32 ? -1 : (1 << bitsStored) - 1);
            if (signed && bitsStored < 32 && (v & (1 << (bitsStored - 1))) != 0) {
                v -= 1 << bitsStored;
            }
            return v;
        }
    }

    private FrameDecoder() {
    }

    /**
     * The codec readers, created directly rather than looked up by format name (which depends on
     * the context class loader, and inside KNIME finds other plugins' readers). TwelveMonkeys'
     * JPEG reader delegates lossy JPEG to the JDK's and finds that one on registration.
     */
    private static final class Codecs {
        static final ImageReaderSpi JPEG = register(new com.twelvemonkeys.imageio.plugins.jpeg.JPEGImageReaderSpi());
        static final ImageReaderSpi JPEG_2000 = new com.github.jaiimageio.jpeg2000.impl.J2KImageReaderSpi();

        private static ImageReaderSpi register(ImageReaderSpi spi) {
            javax.imageio.spi.IIORegistry.getDefaultInstance().registerServiceProvider(spi, ImageReaderSpi.class);
            return spi;
        }
    }

    /** Frame {@code frame} (of {@code frames}) of {@code f} as stored values, row by row. */
    static int[] decode(DicomParser.DicomFile f, PixelFormat fmt, int frame, int frames) throws IOException {
        DicomParser.PixelData p = f.pixels();
        if (p == null) {
            throw new DicomFormatException(f.path(), "has no pixel data");
        }
        if (!p.encapsulated()) {
            long need = (long) fmt.frameBytes() * frames;
            if (p.length() < need) {
                throw new DicomFormatException(f.path(), "its pixel data holds " + p.length() + " bytes, but "
                        + fmt.rows() + " rows × " + fmt.columns() + " columns × " + frames + " frame(s) × "
                        + fmt.bitsAllocated() + " bits need " + need + ": truncated or a wrong header");
            }
            long at = (long) frame * fmt.frameBytes();
            byte[] b = p.inMemory() != null ? java.util.Arrays.copyOfRange(p.inMemory(), (int) at,
                    (int) at + fmt.frameBytes()) : DicomParser.bytesAt(f.path(), p.offset() + at, fmt.frameBytes());
            return fromNative(b, fmt, f.syntax() != null && f.syntax().bigEndian);
        }
        TransferSyntax ts = f.syntax();
        if (ts == null || ts.codec == TransferSyntax.Codec.NONE) {
            String name = ts == null ? "transfer syntax " + f.syntaxUid() : ts.title + " (" + ts.uid + ")";
            throw new DicomFormatException(f.path(), "its pixel data is compressed as " + name + ", which AutoImplant"
                    + " cannot decode (it reads native, deflated, RLE, JPEG lossless, JPEG baseline and JPEG 2000);"
                    + " convert it, e.g. gdcmconv --raw IN OUT or dcmdjpls IN OUT");
        }
        byte[] data = frameBytes(f, frame, frames);
        return switch (ts.codec) {
            case RLE -> rle(data, fmt, f);
            case JPEG -> image(data, fmt, f, Codecs.JPEG);
            case JPEG_2000 -> image(data, fmt, f, Codecs.JPEG_2000);
            default -> throw new IllegalStateException(ts.toString());
        };
    }

    private static int[] fromNative(byte[] b, PixelFormat fmt, boolean big) throws DicomFormatException {
        int n = fmt.rows() * fmt.columns();
        int[] out = new int[n];
        ByteBuffer buf = ByteBuffer.wrap(b).order(big ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        switch (fmt.bitsAllocated()) {
            case 8 -> {
                for (int i = 0; i < n; i++) {
                    out[i] = fmt.stored(b[i] & 0xFF);
                }
            }
            case 16 -> {
                for (int i = 0; i < n; i++) {
                    out[i] = fmt.stored(buf.getShort(2 * i) & 0xFFFF);
                }
            }
            case 32 -> {
                for (int i = 0; i < n; i++) {
                    out[i] = fmt.stored(buf.getInt(4 * i));
                }
            }
            default -> throw new DicomFormatException(null, fmt.bitsAllocated() + " bits allocated per pixel");
        }
        return out;
    }

    /** The bytes of one encapsulated frame: its fragments, grouped by the offset table or by count. */
    private static byte[] frameBytes(DicomParser.DicomFile f, int frame, int frames) throws IOException {
        DicomParser.PixelData p = f.pixels();
        int count = p.memoryFragments() != null ? p.memoryFragments().size() : p.fragments().size();
        List<Integer> starts = new ArrayList<>();
        if (frames == 1) {
            starts.add(0);
        } else if (p.offsetTable() != null && p.offsetTable().length == frames) {
            // Offsets count from the first fragment's item tag; each fragment takes 8 + its length bytes.
            long at = 0;
            int k = 0;
            for (int i = 0; i < count && k < frames; i++) {
                if (at == p.offsetTable()[k]) {
                    starts.add(i);
                    k++;
                }
                at += 8 + fragmentLength(p, i);
            }
            if (starts.size() != frames) {
                throw new DicomFormatException(f.path(), "its basic offset table does not match its fragments");
            }
        } else if (count == frames) {
            for (int i = 0; i < frames; i++) {
                starts.add(i);
            }
        } else {
            for (int i = 0; i < count; i++) {
                byte[] head = fragment(f, i, 4);
                if (head.length >= 2 && (head[0] & 0xFF) == 0xFF && ((head[1] & 0xFF) == 0xD8 || (head[1] & 0xFF) == 0x4F)) {
                    starts.add(i);
                }
            }
            if (starts.size() != frames) {
                throw new DicomFormatException(f.path(), count + " pixel data fragments cannot be split into " + frames
                        + " frames");
            }
        }
        if (frame >= starts.size()) {
            throw new DicomFormatException(f.path(), "has no frame " + (frame + 1) + " in its pixel data");
        }
        int from = starts.get(frame), to = frame + 1 < starts.size() ? starts.get(frame + 1) : count;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = from; i < to; i++) {
            out.write(fragment(f, i, -1));
        }
        return out.toByteArray();
    }

    private static long fragmentLength(DicomParser.PixelData p, int i) {
        return p.memoryFragments() != null ? p.memoryFragments().get(i).length : p.fragments().get(i)[1];
    }

    /** Fragment {@code i} (its first {@code head} bytes when ≥ 0). */
    private static byte[] fragment(DicomParser.DicomFile f, int i, int head) throws IOException {
        DicomParser.PixelData p = f.pixels();
        if (p.memoryFragments() != null) {
            byte[] b = p.memoryFragments().get(i);
            return head < 0 ? b : java.util.Arrays.copyOf(b, Math.min(head, b.length));
        }
        long[] fr = p.fragments().get(i);
        return DicomParser.bytesAt(f.path(), fr[0], head < 0 ? fr[1] : Math.min(head, fr[1]));
    }

    /** RLE Lossless: a 64-byte header of segment offsets, then one PackBits segment per byte plane. */
    private static int[] rle(byte[] d, PixelFormat fmt, DicomParser.DicomFile f) throws DicomFormatException {
        int bytesPerSample = fmt.bitsAllocated() / 8;
        int n = fmt.rows() * fmt.columns();
        ByteBuffer h = ByteBuffer.wrap(d).order(ByteOrder.LITTLE_ENDIAN);
        if (d.length < 64) {
            throw new DicomFormatException(f.path(), "its RLE frame is shorter than the RLE header");
        }
        int segments = h.getInt(0);
        if (segments != bytesPerSample * fmt.samples() || segments > 15) {
            throw new DicomFormatException(f.path(), "its RLE frame has " + segments + " segments; "
                    + fmt.bitsAllocated() + "-bit pixels need " + bytesPerSample * fmt.samples());
        }
        int[] out = new int[n];
        for (int s = 0; s < segments; s++) {
            int start = h.getInt(4 + 4 * s);
            int end = s + 1 < segments ? h.getInt(8 + 4 * s) : d.length;
            if (start < 64 || end > d.length || start > end) {
                throw new DicomFormatException(f.path(), "its RLE segment " + (s + 1) + " lies outside the frame");
            }
            int shift = 8 * (bytesPerSample - 1 - s);
            int i = 0, p = start;
            while (i < n && p < end) {
                int c = d[p++];
                if (c >= 0) {
                    for (int k = 0; k <= c && i < n && p < end; k++) {
                        out[i++] |= (d[p++] & 0xFF) << shift;
                    }
                } else if (c != -128) {
                    int v = p < end ? d[p++] & 0xFF : 0;
                    for (int k = 0; k < 1 - c && i < n; k++) {
                        out[i++] |= v << shift;
                    }
                }
            }
            if (i < n) {
                throw new DicomFormatException(f.path(), "its RLE segment " + (s + 1) + " decodes to " + i + " of " + n
                        + " pixels: truncated");
            }
        }
        for (int i = 0; i < n; i++) {
            out[i] = fmt.stored(out[i]);
        }
        return out;
    }

    private static int[] image(byte[] d, PixelFormat fmt, DicomParser.DicomFile f, ImageReaderSpi spi)
            throws IOException {
        ImageReader r = spi.createReaderInstance();
        try (MemoryCacheImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(d))) {
            r.setInput(in);
            Raster ras;
            try {
                ras = r.read(0).getRaster();
            } catch (IOException | RuntimeException e) {
                throw new DicomFormatException(f.path(), "its " + f.syntax().title + " pixel data does not decode: "
                        + e.getMessage(), e);
            }
            if (ras.getWidth() != fmt.columns() || ras.getHeight() != fmt.rows() || ras.getNumBands() != 1) {
                throw new DicomFormatException(f.path(), "its compressed frame is " + ras.getWidth() + "×"
                        + ras.getHeight() + " with " + ras.getNumBands() + " band(s), but the header says "
                        + fmt.columns() + "×" + fmt.rows() + " grey");
            }
            int[] out = ras.getSamples(0, 0, fmt.columns(), fmt.rows(), 0, (int[]) null);
            for (int i = 0; i < out.length; i++) {
                out[i] = fmt.stored(out[i]);
            }
            return out;
        } finally {
            r.dispose();
        }
    }
}
