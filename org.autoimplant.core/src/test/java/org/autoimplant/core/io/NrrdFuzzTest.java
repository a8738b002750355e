package org.autoimplant.core.io;

import static org.junit.Assert.assertTrue;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.autoimplant.core.testing.TestVolumes;
import org.autoimplant.core.volume.Geometry;
import org.autoimplant.core.volume.Shape;
import org.autoimplant.core.volume.Volume;
import org.autoimplant.core.volume.VoxelType;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Mutates valid files thousands of times (random bytes, truncations, insertions, header edits)
 * and checks that reading either succeeds or fails with {@link NrrdFormatException}: no other
 * exception, no OutOfMemoryError, no hang.
 */
public class NrrdFuzzTest {
    private static final int MUTATIONS = 6000;

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private static final String[] HEADER_EDITS = {
        "sizes: 512 512 512", "sizes: 99999999 99999999 99999999", "sizes: -1 2 3", "sizes: 0 1 1",
        "sizes: 3 3", "sizes: 1 1 1 1", "dimension: 4", "dimension: 0", "dimension: 99", "dimension: x",
        "type: float", "type: block", "type: ", "encoding: gzip", "encoding: bzip2", "encoding: hex",
        "encoding: ascii", "encoding: raw", "encoding: lz4", "endian: big", "endian: middle", "byte skip: -1",
        "byte skip: 5", "byte skip: 99999999999", "line skip: 3", "line skip: -2", "space: LPS", "space: Q",
        "space dimension: 2", "space directions: (1,0,0) (0,1,0) (0,0,1)", "space directions: none none none",
        "space directions: (0,0,0) (0,0,0) (0,0,0)", "space directions: (nan,1,1) (1,1,1) (1,1,1", "spacings: 1 2",
        "spacings: nan nan nan", "space origin: (1,2)", "kinds: domain", "labels: \"a", "data file: nothing.raw",
        "data file: LIST", "data file: LIST 9", "data file: f%d.raw 1 3 1", "data file: f%d%s 0 99999999 1",
        "data file: x%d 5 1 1", "measurement frame: (1,0,0)", "thicknesses: a b c", "key:=value", ":=empty",
        "\u0000\u0001binary", "", "#comment", "NRRD0004", "units: \"mm\" \"mm\" \"mm\"",
        // Geometry that is no 3-D frame: non-finite origins, zero, parallel and coplanar directions.
        "space origin: (nan,0,0)", "space origin: (inf,-inf,0)", "space origin: (0,0,1e400)",
        "space directions: (1,0,0) (2,0,0) (0,0,1)", "space directions: (1,0,0) (0,1,0) (1,1,0)",
        "space directions: (0,0,0) (0,1,0) (0,0,1)", "space directions: (inf,0,0) (0,1,0) (0,0,1)",
        "space directions: (1e-300,0,0) (0,1,0) (0,0,1)",
    };

    @Test
    public void onlyNrrdFormatExceptionEverEscapes() throws Exception {
        Random r = new Random(20261124);
        List<byte[]> seeds = seeds(r);
        Path f = tmp.getRoot().toPath().resolve("fuzz.nrrd");
        int rejected = 0;
        for (int i = 0; i < MUTATIONS; i++) {
            byte[] seed = seeds.get(r.nextInt(seeds.size()));
            String how = mutate(seed, r);
            Files.write(f, mutated);
            for (int mode = 0; mode < 2; mode++) {
                try {
                    if (mode == 0) {
                        NrrdReader.read(f);
                    } else {
                        NrrdReader.readMask(f);
                    }
                } catch (NrrdFormatException e) {
                    rejected++;
                    assertTrue("message names the file: " + e.getMessage(), e.getMessage().contains("fuzz")
                            || e.getMessage().contains(tmp.getRoot().toString()));
                } catch (Throwable t) {
                    throw new AssertionError("mutation " + i + " (" + how + ") escaped as " + t, t);
                }
            }
        }
        // Most mutations must be caught; if nearly none were, the mutator is not doing its job.
        assertTrue("rejected " + rejected, rejected > MUTATIONS / 2);
    }

    private byte[] mutated;

    private String mutate(byte[] seed, Random r) {
        int headerEnd = headerEnd(seed);
        switch (r.nextInt(6)) {
            case 0 -> {
                mutated = seed.clone();
                int n = 1 + r.nextInt(8);
                for (int k = 0; k < n; k++) {
                    mutated[r.nextInt(mutated.length)] = (byte) r.nextInt(256);
                }
                return n + " random bytes";
            }
            case 1 -> {
                mutated = seed.clone();
                int at = r.nextInt(Math.max(1, headerEnd));
                mutated[at] = (byte) r.nextInt(256);
                return "header byte " + at;
            }
            case 2 -> {
                int len = r.nextInt(seed.length);
                mutated = Arrays.copyOf(seed, len);
                return "truncated to " + len;
            }
            case 3 -> {
                int at = r.nextInt(seed.length);
                byte[] junk = new byte[1 + r.nextInt(16)];
                r.nextBytes(junk);
                mutated = new byte[seed.length + junk.length];
                System.arraycopy(seed, 0, mutated, 0, at);
                System.arraycopy(junk, 0, mutated, at, junk.length);
                System.arraycopy(seed, at, mutated, at + junk.length, seed.length - at);
                return junk.length + " bytes inserted at " + at;
            }
            default -> {
                String header = new String(seed, 0, headerEnd, StandardCharsets.ISO_8859_1);
                List<String> lines = new ArrayList<>(Arrays.asList(header.split("\n", -1)));
                int line = 1 + r.nextInt(Math.max(1, lines.size() - 3));
                String edit = HEADER_EDITS[r.nextInt(HEADER_EDITS.length)];
                String how;
                if (r.nextBoolean()) {
                    how = "line " + line + " replaced by '" + edit + "'";
                    lines.set(line, edit);
                } else if (r.nextBoolean()) {
                    how = "line " + line + " deleted";
                    lines.remove(line);
                } else {
                    how = "'" + edit + "' inserted at line " + line;
                    lines.add(line, edit);
                }
                byte[] h = String.join("\n", lines).getBytes(StandardCharsets.ISO_8859_1);
                mutated = new byte[h.length + seed.length - headerEnd];
                System.arraycopy(h, 0, mutated, 0, h.length);
                System.arraycopy(seed, headerEnd, mutated, h.length, seed.length - headerEnd);
                return how;
            }
        }
    }

    private static int headerEnd(byte[] b) {
        for (int i = 0; i + 1 < b.length; i++) {
            if (b[i] == '\n' && b[i + 1] == '\n') {
                return i + 2;
            }
        }
        return b.length;
    }

    private List<byte[]> seeds(Random r) throws Exception {
        List<byte[]> seeds = new ArrayList<>();
        Object[][] kinds = {
            {VoxelType.INT32, NrrdEncoding.GZIP}, {VoxelType.UINT8, NrrdEncoding.RAW},
            {VoxelType.INT16, NrrdEncoding.BZIP2}, {VoxelType.FLOAT, NrrdEncoding.ASCII},
            {VoxelType.UINT16, NrrdEncoding.HEX}, {VoxelType.DOUBLE, NrrdEncoding.RAW},
            {VoxelType.UINT64, NrrdEncoding.GZIP}, {VoxelType.INT8, NrrdEncoding.ASCII},
        };
        for (Object[] k : kinds) {
            Geometry g = r.nextBoolean() ? TestVolumes.tiltedLps(r) : Geometry.ofSpacings(0.5, 0.5, 1);
            Volume v = TestVolumes.random((VoxelType) k[0], new Shape(6, 5, 4), g, r);
            Path p = tmp.getRoot().toPath().resolve("seed.nrrd");
            NrrdWriter.write(v, p, new NrrdWriteOptions((NrrdEncoding) k[1],
                    r.nextBoolean() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN, 6));
            seeds.add(Files.readAllBytes(p));
        }
        return seeds;
    }
}
