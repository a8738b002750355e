package org.autoimplant.core.io.dicom;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.autoimplant.core.util.Progress;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Mutated and truncated DICOM files (native, implicit VR, RLE, JPEG lossless, JPEG 2000, enhanced
 * multi-frame): reading either succeeds or throws {@link DicomFormatException}; no other exception,
 * no OutOfMemoryError, no hang. Deterministic (fixed seeds).
 */
public class DicomFuzzTest {
    @ClassRule
    public static TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void mutatedFilesOnlyEverFailWithTheDocumentedException() throws Exception {
        Path root = tmp.getRoot().toPath();
        List<Path> seeds = new ArrayList<>();
        DicomTools.makeSeries(root.resolve("plain"), "--slices", "2");
        DicomTools.makeSeries(root.resolve("enhanced"), "--enhanced", "--slices", "3");
        seeds.add(first(root.resolve("plain")));
        seeds.add(root.resolve("enhanced/enhanced.dcm"));
        String[][] tools = {{"dcmconv", "dcmtk", "+ti"}, {"dcmcrle", "dcmtk"}, {"dcmcjpeg", "dcmtk", "+e1"},
            {"gdcmconv", "libgdcm-tools", "--j2k"}};
        for (String[] t : tools) {
            DicomTools.require(t[0], t[1]);
            Path out = root.resolve(t[0] + seeds.size());
            List<String> cmd = new ArrayList<>(List.of(t[0]));
            cmd.addAll(List.of(t).subList(2, t.length));
            DicomTools.transcode(root.resolve("plain"), out, cmd.toArray(String[]::new));
            seeds.add(first(out));
        }
        Random r = new Random(20261203);
        int ok = 0, refused = 0;
        Path victim = root.resolve("victim.dcm");
        for (Path seed : seeds) {
            byte[] original = Files.readAllBytes(seed);
            for (int round = 0; round < 160; round++) {
                byte[] b;
                if (round % 4 == 3) {
                    b = java.util.Arrays.copyOf(original, r.nextInt(original.length));
                } else {
                    b = original.clone();
                    int flips = 1 + r.nextInt(8);
                    // Mostly in the header, where lengths and tags live; sometimes anywhere.
                    int range = round % 2 == 0 ? Math.min(b.length, 1200) : b.length;
                    for (int k = 0; k < flips; k++) {
                        b[r.nextInt(range)] = (byte) r.nextInt(256);
                    }
                }
                Files.write(victim, b);
                try {
                    DicomVolumes.read(victim, null, Progress.NONE);
                    ok++;
                } catch (DicomFormatException e) {
                    refused++;
                } catch (Throwable e) {
                    Path keep = root.resolve("failing-" + seed.getFileName() + "-" + round + ".dcm");
                    Files.write(keep, b);
                    throw new AssertionError(seed + " mutation " + round + " (kept as " + keep + "): " + e, e);
                }
            }
        }
        System.out.println("fuzz: " + ok + " read, " + refused + " refused with DicomFormatException");
    }

    private static Path first(Path dir) throws Exception {
        try (var s = Files.list(dir)) {
            return s.sorted().findFirst().orElseThrow();
        }
    }
}
