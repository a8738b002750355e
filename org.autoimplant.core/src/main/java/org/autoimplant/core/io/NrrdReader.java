package org.autoimplant.core.io;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.autoimplant.core.volume.Geometry;
import org.autoimplant.core.volume.Mask;
import org.autoimplant.core.volume.Metadata;
import org.autoimplant.core.volume.Shape;
import org.autoimplant.core.volume.Volume;
import org.autoimplant.core.volume.VoxelArray;

/**
 * Reads NRRD files (NRRD0001–NRRD0005 as teem defines them): attached (.nrrd) and detached (.nhdr)
 * headers, single, LIST and %d-pattern data files, every numeric type, both byte orders and the
 * raw, ascii, hex, gzip and bzip2 encodings.
 *
 * <p>Everything wrong with a file is reported as a {@link NrrdFormatException} naming the file; a
 * header describing more data than the file or the heap can hold is refused before allocating.
 */
public final class NrrdReader {
    /** Headers are small; anything longer is binary data without the blank line that ends a header. */
    private static final int MAX_HEADER_BYTES = 16 << 20;

    private NrrdReader() {
    }

    /** The parsed header of {@code file} without reading its data. */
    public static NrrdHeader readHeader(Path file) throws IOException {
        return parse(file).header;
    }

    /** Sizes, type and geometry of the volume in {@code file}, from its header alone. */
    public static VolumeInfo describe(Path file) throws IOException {
        NrrdHeader h = parse(file).header;
        int first = NrrdVolumes.firstVolumeAxis(h, file);
        return new VolumeInfo(NrrdVolumes.shape(h, first, file), h.type, NrrdVolumes.geometry(h, first, file));
    }

    /** What a header says about the volume, without its voxels. */
    public record VolumeInfo(Shape shape, org.autoimplant.core.volume.VoxelType type, Geometry geometry) {
    }

    /** The volume in {@code file}, voxels in the file's own type. */
    public static Volume read(Path file) throws IOException {
        Layout l = layout(file);
        VoxelArray data = allocate(l, l.header.type.bytes());
        NrrdDataDecoder decoder = new NrrdDataDecoder(l.header, new SampleSink.ToArray(data));
        decodeAll(l, decoder);
        return new Volume(l.shape, data, l.geometry, l.metadata);
    }

    /**
     * The volume in {@code file} as a binary mask (value &gt; 0 is inside), converted while decoding
     * so only one byte per voxel is ever held.
     */
    public static Mask readMask(Path file) throws IOException {
        return readMaskWithCensus(file).mask();
    }

    /** A mask and what the file's values were before thresholding. */
    public record MaskWithCensus(Mask mask, ValueCensus census) {
    }

    /** As {@link #readMask}, also telling whether the file really held a binary mask. */
    public static MaskWithCensus readMaskWithCensus(Path file) throws IOException {
        Layout l = layout(file);
        MemoryBudget.require(file, l.shape.voxelCount(), "a " + l.shape + " mask");
        byte[] mask = new byte[l.shape.voxelCount()];
        SampleSink.ToMask sink = new SampleSink.ToMask(mask, l.header.type);
        NrrdDataDecoder decoder = new NrrdDataDecoder(l.header, sink);
        decodeAll(l, decoder);
        return new MaskWithCensus(new Mask(l.shape, mask, l.geometry, l.metadata.withoutValueStatistics()), sink.census);
    }

    private static VoxelArray allocate(Layout l, int bytesPerVoxel) throws NrrdFormatException {
        MemoryBudget.require(l.file, (long) l.shape.voxelCount() * bytesPerVoxel,
                "a " + l.shape + " " + l.header.type.id() + " volume");
        return VoxelArray.allocate(l.header.type, l.shape.voxelCount());
    }

    private static void decodeAll(Layout l, NrrdDataDecoder decoder) throws IOException {
        int base = 0;
        for (int s = 0; s < l.sources.size(); s++) {
            decoder.decode(l.sources.get(s), s == 0 ? l.attachedOffset : 0, base, l.perSource);
            base += l.perSource;
        }
    }

    /** Where and how the data of a file lies, all checked. */
    private record Layout(Path file, NrrdHeader header, Shape shape, Geometry geometry, Metadata metadata,
            List<Path> sources, long attachedOffset, int perSource) {
    }

    private static Layout layout(Path file) throws IOException {
        Parsed p = parse(file);
        NrrdHeader h = p.header;
        int first = NrrdVolumes.firstVolumeAxis(h, file);
        Shape shape = NrrdVolumes.shape(h, first, file);
        List<Path> sources = new ArrayList<>();
        long offset = 0;
        if (h.dataFiles.isEmpty()) {
            if (!p.blankLineSeen) {
                throw new NrrdFormatException(file, "no data: the header is not followed by a blank line and data,"
                        + " and names no data file");
            }
            sources.add(file);
            offset = p.dataOffset;
        } else {
            Path dir = file.toAbsolutePath().getParent();
            for (String name : h.dataFiles) {
                if (name.equals("-")) {
                    throw new NrrdFormatException(file, "data file '-' (standard input) is not supported");
                }
                Path data = dir.resolve(name);
                if (!Files.isRegularFile(data)) {
                    throw new NrrdFormatException(file, "data file " + data + " does not exist");
                }
                sources.add(data);
            }
        }
        int perSource = perSource(h, file, sources.size(), shape.voxelCount());
        for (int s = 0; s < sources.size(); s++) {
            NrrdDataDecoder.checkPlausible(h, sources.get(s), s == 0 ? offset : 0, perSource);
        }
        return new Layout(file, h, shape, NrrdVolumes.geometry(h, first, file), NrrdVolumes.metadata(h, first),
                sources, offset, perSource);
    }

    /** Samples per data file: all of them for one file, else one sub-volume of the first subdim axes each. */
    private static int perSource(NrrdHeader h, Path file, int files, int total) throws NrrdFormatException {
        if (files == 1) {
            return total;
        }
        int subdim = h.dataFileSubdim > 0 ? h.dataFileSubdim : h.dimension - 1;
        long per = 1;
        for (int a = 0; a < subdim; a++) {
            per *= h.sizes[a];
        }
        if (per * files != total) {
            throw new NrrdFormatException(file, files + " data files of " + per + " samples each do not make the "
                    + total + " samples of sizes " + NrrdVolumes.sizes(h.sizes));
        }
        return (int) per;
    }

    private record Parsed(NrrdHeader header, long dataOffset, boolean blankLineSeen) {
    }

    private static Parsed parse(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new NrrdFormatException(file, "is a directory, not a NRRD file");
        }
        List<String> lines = new ArrayList<>();
        long offset = 0;
        boolean blank = false;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            ByteArrayOutputStream line = new ByteArrayOutputStream(128);
            while (true) {
                int c = in.read();
                if (c < 0) {
                    if (line.size() > 0) {
                        lines.add(text(line));
                    }
                    break;
                }
                offset++;
                if (offset > MAX_HEADER_BYTES) {
                    throw new NrrdFormatException(file, "header longer than " + (MAX_HEADER_BYTES >> 20)
                            + " MiB: is the blank line after it missing?");
                }
                if (c == '\n') {
                    String s = text(line);
                    line.reset();
                    if (lines.isEmpty()) {
                        NrrdHeaderParser.version(file, s);
                    }
                    if (s.isEmpty()) {
                        blank = true;
                        break;
                    }
                    lines.add(s);
                } else if (c == 0) {
                    throw new NrrdFormatException(file, lines.isEmpty() ? "not a NRRD file: binary data at the start"
                            : "binary data inside the header after line " + lines.size()
                                    + ": is the blank line before the data missing?");
                } else {
                    line.write(c);
                    if (lines.isEmpty() && line.size() > 64) {
                        NrrdHeaderParser.version(file, text(line));
                    }
                }
            }
        } catch (NoSuchFileException e) {
            throw new NrrdFormatException(file, "file does not exist");
        } catch (AccessDeniedException e) {
            throw new NrrdFormatException(file, "permission denied");
        }
        if (lines.isEmpty()) {
            throw new NrrdFormatException(file, "empty file, not a NRRD file");
        }
        NrrdHeaderParser.version(file, lines.get(0));
        return new Parsed(NrrdHeaderParser.parse(file, lines), offset, blank);
    }

    private static String text(ByteArrayOutputStream line) {
        String s = line.toString(StandardCharsets.UTF_8);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }
}
