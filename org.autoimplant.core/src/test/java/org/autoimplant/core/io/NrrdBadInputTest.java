package org.autoimplant.core.io;

import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Bad files get a {@link NrrdFormatException} that names the file and says what is wrong. */
public class NrrdBadInputTest {
    private static final String U8 = "NRRD0004\ntype: uchar\ndimension: 3\nsizes: 2 3 4\n";

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private Path file(String name) {
        return tmp.getRoot().toPath().resolve(name);
    }

    /** Reads {@code f} expecting failure with a message naming the file and containing {@code words}. */
    private static void assertRejected(Path f, String words) throws Exception {
        assertRejected(f, f, words, 2);
    }

    /** As above; {@code named} is the file the message must start with, {@code modes} 1 = read only. */
    private static void assertRejected(Path f, Path named, String words, int modes) throws Exception {
        for (int mode = 0; mode < modes; mode++) {
            try {
                if (mode == 0) {
                    NrrdReader.read(f);
                } else {
                    NrrdReader.readMask(f);
                }
                fail(f + ": expected an error containing '" + words + "'");
            } catch (NrrdFormatException e) {
                assertTrue("message should start with the file name: " + e.getMessage(),
                        e.getMessage().startsWith(named.toString() + ": "));
                assertTrue("message should contain '" + words + "': " + e.getMessage(), e.getMessage().contains(words));
            }
        }
    }

    private Path attached(String name, String header, byte[] data) throws Exception {
        return NrrdFiles.write(file(name), header, data);
    }

    @Test
    public void geometryThatIsNoThreeDimensionalFrame() throws Exception {
        String frame = U8 + "encoding: raw\nspace: left-posterior-superior\n";
        String ok = "space directions: (1,0,0) (0,1,0) (0,0,2)\n";
        assertRejected(attached("nan.nrrd", frame + ok + "space origin: (nan,0,0)\n\n", new byte[24]),
                "space origin [NaN, 0.0, 0.0] is not a finite point");
        assertRejected(attached("inf.nrrd", frame + ok + "space origin: (0,inf,0)\n\n", new byte[24]),
                "is not a finite point");
        assertRejected(attached("zero.nrrd", frame + "space directions: (0,0,0) (0,1,0) (0,0,2)\n\n", new byte[24]),
                "direction of axis 0 has length 0");
        assertRejected(attached("parallel.nrrd", frame + "space directions: (1,0,0) (2,0,0) (0,0,2)\n\n",
                new byte[24]), "do not span 3-D space");
        assertRejected(attached("coplanar.nrrd", frame + "space directions: (1,0,0) (0,1,0) (1,1,0)\n\n",
                new byte[24]), "do not span 3-D space");
        // A proper tilted frame still reads.
        NrrdReader.read(attached("tilted.nrrd", frame + "space directions: (0.9,0.1,0) (-0.1,0.9,0) (0,0,2)\n\n",
                new byte[24]));
    }

    @Test
    public void truncatedRawData() throws Exception {
        assertRejected(attached("t.nrrd", U8 + "encoding: raw\n\n", new byte[20]), "truncated data: got 20 of the 24");
    }

    @Test
    public void tooMuchRawData() throws Exception {
        assertRejected(attached("m.nrrd", U8 + "encoding: raw\n\n", new byte[30]), "too much data");
    }

    @Test
    public void truncatedGzipData() throws Exception {
        byte[] gz = NrrdFiles.gzip(NrrdFiles.seq(24));
        assertRejected(attached("tg.nrrd", U8 + "encoding: gzip\n\n", Arrays.copyOf(gz, gz.length - 12)), "");
        assertRejected(attached("tg2.nrrd", U8 + "encoding: gzip\n\n", NrrdFiles.gzip(NrrdFiles.seq(23))),
                "truncated data: got 23 of the 24");
    }

    @Test
    public void tooMuchGzipData() throws Exception {
        assertRejected(attached("mg.nrrd", U8 + "encoding: gzip\n\n", NrrdFiles.gzip(NrrdFiles.seq(25))), "too much data");
    }

    @Test
    public void corruptGzipData() throws Exception {
        byte[] gz = NrrdFiles.gzip(NrrdFiles.seq(24));
        gz[gz.length - 6] ^= 0x55; // CRC
        assertRejected(attached("cg.nrrd", U8 + "encoding: gzip\n\n", gz), "corrupt gzip data");
    }

    @Test
    public void corruptBzip2Data() throws Exception {
        assertRejected(attached("cb.nrrd", U8 + "encoding: bzip2\n\n", "BZh91AY&SYgarbage".getBytes()), "bzip2");
    }

    @Test
    public void truncatedAsciiAndHex() throws Exception {
        assertRejected(attached("ta.nrrd", U8 + "encoding: ascii\n\n", "1 2 3".getBytes()), "truncated");
        assertRejected(attached("th.nrrd", U8 + "encoding: hex\n\n", "00".repeat(23).getBytes()), "truncated");
        assertRejected(attached("xa.nrrd", U8 + "encoding: ascii\n\n", "1 ".repeat(25).getBytes()), "too much data");
        assertRejected(attached("na.nrrd", U8 + "encoding: ascii\n\n", ("1 ".repeat(20) + "x y z w").getBytes()),
                "'x' is not a number");
    }

    @Test
    public void missingRequiredFields() throws Exception {
        assertRejected(attached("f1.nrrd", "NRRD0004\ndimension: 3\nsizes: 2 3 4\nencoding: raw\n\n", new byte[24]),
                "missing required field 'type'");
        assertRejected(attached("f2.nrrd", "NRRD0004\ntype: uchar\nsizes: 2 3 4\nencoding: raw\n\n", new byte[24]),
                "missing required field 'dimension'");
        assertRejected(attached("f3.nrrd", "NRRD0004\ntype: uchar\ndimension: 3\nencoding: raw\n\n", new byte[24]),
                "missing required field 'sizes'");
        assertRejected(attached("f4.nrrd", U8 + "\n", new byte[24]), "missing required field 'encoding'");
        assertRejected(attached("f5.nrrd", "NRRD0004\ntype: short\ndimension: 3\nsizes: 2 3 4\nencoding: raw\n\n",
                new byte[48]), "missing field 'endian'");
    }

    @Test
    public void sizesThatOverflowOrExceedTheLimitFailFastWithoutAllocating() throws Exception {
        long t0 = System.nanoTime();
        assertRejected(attached("o1.nrrd", "NRRD0004\ntype: double\ndimension: 3\nsizes: 4294967296 4294967296 4\n"
                + "endian: little\nencoding: raw\n\n", new byte[8]), "overflows 64 bits");
        // 10^12 voxels.
        assertRejected(attached("o2.nrrd", "NRRD0004\ntype: int\ndimension: 3\nsizes: 10000 10000 10000\n"
                + "endian: little\nencoding: gzip\n\n", new byte[100]), "1000000000000 voxels");
        // Fits the voxel limit (2.1e9) but the file cannot hold it: refused before allocating 2 GB.
        assertRejected(attached("o3.nrrd", "NRRD0004\ntype: uchar\ndimension: 3\nsizes: 512 512 8000\n"
                + "encoding: raw\n\n", new byte[1000]), "truncated");
        assertRejected(attached("o4.nrrd", "NRRD0004\ntype: uchar\ndimension: 3\nsizes: 512 512 8000\n"
                + "encoding: gzip\n\n", NrrdFiles.gzip(new byte[1000])), "truncated");
        assertTrue("must fail fast", System.nanoTime() - t0 < 2_000_000_000L);
    }

    @Test
    public void volumeLargerThanTheHeapIsRefusedWithAMessage() throws Exception {
        long max = Runtime.getRuntime().maxMemory();
        long voxels = Math.min(2_000_000_000L, max / 8 + 1);
        long z = voxels / (1024L * 1024L) + 1;
        // A sparse file of the right size: raw double data the heap cannot take.
        Path f = file("huge.nrrd");
        String header = "NRRD0004\ntype: double\ndimension: 3\nsizes: 1024 1024 " + z + "\nendian: little\nencoding: raw\n\n";
        Files.writeString(f, header);
        try (java.io.RandomAccessFile raf = new java.io.RandomAccessFile(f.toFile(), "rw")) {
            raf.setLength(header.length() + 1024L * 1024L * z * 8);
        }
        // As a mask (1 byte per voxel) it might fit; typed it cannot.
        assertRejected(f, f, "Java heap", 1);
    }

    @Test
    public void unsupportedOrUnknownValues() throws Exception {
        assertRejected(attached("u1.nrrd", U8 + "encoding: zstd\n\n", new byte[24]), "unsupported encoding 'zstd'");
        assertRejected(attached("u2.nrrd", "NRRD0004\ntype: quaternion\ndimension: 3\nsizes: 2 3 4\nencoding: raw\n\n",
                new byte[24]), "unknown type 'quaternion'");
        assertRejected(attached("u3.nrrd", "NRRD0004\ntype: block\nblock size: 4\ndimension: 3\nsizes: 2 3 4\n"
                + "encoding: raw\n\n", new byte[96]), "'block' is not supported");
        assertRejected(attached("u4.nrrd", U8 + "encoding: raw\nspace: mars-centric\n\n", new byte[24]), "unknown space");
        assertRejected(attached("u5.nrrd", U8 + "encoding: raw\nspace: LPS\nspace directions: (1,0) (0,1) (1,1)\n\n",
                new byte[24]), "has 2 components, expected 3");
        assertRejected(attached("u6.nrrd", U8 + "encoding: raw\nencoding: raw\n\n", new byte[24]), "appears twice");
        assertRejected(attached("u7.nrrd", U8 + "encoding: raw\nspace directions: (1,0,0) (0,1,0) (0,0,1)\n\n",
                new byte[24]), "needs a 'space' or 'space dimension'");
        assertRejected(attached("u8.nrrd", U8 + "encoding: raw\nbyte skip: -1\nsizes: 1 2\n\n", new byte[24]),
                "appears twice");
        assertRejected(attached("u9.nrrd", U8 + "encoding: gzip\nbyte skip: -1\n\n", new byte[24]), "only allowed with raw");
    }

    @Test
    public void notNrrdAtAll() throws Exception {
        assertRejected(attached("g1.nrrd", "", new byte[] {(byte) 0x1f, (byte) 0x8b, 8, 0, 0, 0}), "not a NRRD file");
        assertRejected(attached("g2.nrrd", "P5\n2 3\n255\n", new byte[6]), "not a NRRD file");
        assertRejected(attached("g3.nrrd", "NRRD0009\n", new byte[6]), "not a NRRD file");
        assertRejected(attached("g4.nrrd", "", new byte[0]), "empty file");
        assertRejected(file("absent.nrrd"), "does not exist");
        assertRejected(tmp.newFolder("dir.nrrd").toPath(), "is a directory");
        assertRejected(attached("g5.nrrd", U8 + "encoding: raw\n", new byte[] {0, 1, 2}), "binary data inside the header");
        assertRejected(attached("g6.nrrd", U8 + "encoding: raw\n", new byte[0]), "no data");
        assertRejected(attached("g7.nrrd", U8 + "encoding raw\n\n", new byte[24]), "not a 'field: value' line");
    }

    @Test
    public void wrongDimensions() throws Exception {
        assertRejected(attached("d2.nrrd", "NRRD0004\ntype: uchar\ndimension: 2\nsizes: 4 6\nencoding: raw\n\n",
                new byte[24]), "only 3-D volumes");
        assertRejected(attached("d5.nrrd", "NRRD0004\ntype: uchar\ndimension: 5\nsizes: 1 2 3 2 2\nencoding: raw\n\n",
                new byte[24]), "is 5-dimensional");
        assertRejected(attached("d4.nrrd", "NRRD0004\ntype: uchar\ndimension: 4\nsizes: 2 3 2 2\nencoding: raw\n\n",
                new byte[24]), "is 4-dimensional");
        assertRejected(attached("d3.nrrd", "NRRD0004\ntype: uchar\ndimension: 3\nsizes: 2 3\nencoding: raw\n\n",
                new byte[24]), "has 2 entries but dimension is 3");
        assertRejected(attached("dn.nrrd", U8 + "encoding: raw\nspace: LPS\nspace directions: (1,0,0) none (0,0,1)\n\n",
                new byte[24]), "axis 1 has no space direction");
    }

    @Test
    public void detachedDataProblems() throws Exception {
        Files.writeString(file("a.nhdr"), U8 + "encoding: raw\ndata file: missing.raw\n");
        assertRejected(file("a.nhdr"), "data file " + file("missing.raw") + " does not exist");
        Files.write(file("s0.raw"), new byte[6]);
        Files.writeString(file("b.nhdr"), U8 + "encoding: raw\ndata file: LIST\ns0.raw\ns0.raw\n");
        assertRejected(file("b.nhdr"), "2 data files of 6 samples each do not make the 24 samples");
        Files.write(file("short.raw"), new byte[10]);
        Files.writeString(file("c.nhdr"), U8 + "encoding: raw\ndata file: short.raw\n");
        assertRejected(file("c.nhdr"), file("short.raw"), "truncated data: got 10 of the 24 bytes", 2);
    }
}
