package org.autoimplant.core.io.dicom;

import static org.junit.Assume.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The independent DICOM tools the reader is checked against: pydicom (writes the synthetic series
 * and reads its own test files), dcmtk and gdcm (transcode into every transfer syntax). CI installs
 * them (.ci/run); where one is missing the tests that need it are skipped with the reason printed.
 */
final class DicomTools {
    private static String python;

    private DicomTools() {
    }

    /** A Python 3 that has pydicom and numpy (Debian's /usr/bin/python3 when PATH's has not). */
    static String python() {
        if (python == null) {
            for (String p : new String[] {"python3", "/usr/bin/python3"}) {
                try {
                    if (run(null, p, "-c", "import pydicom, numpy").exit == 0) {
                        python = p;
                        break;
                    }
                } catch (IOException e) {
                    // not this one
                }
            }
            if (python == null) {
                python = "";
            }
        }
        if (python.isEmpty() && System.getenv("CI") != null) {
            org.junit.Assert.fail("no python3 with pydicom and numpy; CI must install python3-pydicom");
        }
        assumeTrue("no python3 with pydicom and numpy (apt-get install python3-pydicom)", !python.isEmpty());
        return python;
    }

    /** Requires {@code tool} on the PATH: skips without it, fails on CI (which must install it). */
    static void require(String tool, String pkg) {
        new org.autoimplant.core.testing.ExternalTool("apt-get install " + pkg, tool).require();
    }

    record Result(int exit, String out) {
    }

    static Result run(Path dir, String... cmd) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        if (dir != null) {
            pb.directory(dir.toFile());
        }
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            return new Result(p.waitFor(), out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /** Runs {@code cmd}, failing with its output unless it exits 0; returns its output. */
    static String ok(String... cmd) throws IOException {
        Result r = run(null, cmd);
        if (r.exit != 0) {
            throw new AssertionError(String.join(" ", cmd) + " failed (" + r.exit + "):\n" + r.out);
        }
        return r.out;
    }

    /** The synthetic series (see make_series.py) in {@code out}; returns the script's JSON line. */
    static String makeSeries(Path out, String... options) throws IOException {
        Path script = Path.of("src/test/resources/dicom/make_series.py").toAbsolutePath();
        List<String> cmd = new ArrayList<>(List.of(python(), script.toString(), out.toString()));
        cmd.addAll(List.of(options));
        String json = ok(cmd.toArray(String[]::new));
        return json.lines().filter(l -> l.startsWith("{")).findFirst().orElseThrow();
    }

    /** Every file of {@code in} transcoded by {@code tool ARGS IN OUT} into {@code out}. */
    static void transcode(Path in, Path out, String... toolAndArgs) throws IOException {
        Files.createDirectories(out);
        try (var files = Files.list(in)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                List<String> cmd = new ArrayList<>(List.of(toolAndArgs));
                cmd.add(f.toString());
                cmd.add(out.resolve(f.getFileName()).toString());
                ok(cmd.toArray(String[]::new));
            }
        }
    }
}
