package org.autoimplant.core.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.autoimplant.core.io.NrrdWriter;
import org.autoimplant.core.volume.Geometry;
import org.autoimplant.core.volume.Mask;
import org.autoimplant.core.volume.Shape;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The {@code ./autoimplant} launcher as cron or a container runs it: under the POSIX locale, with
 * output to a pipe, a path with non-ASCII letters still works (Java would decode it as ASCII and
 * fail inside the usage text). Runs after packaging (the launcher needs the jar), as a failsafe IT.
 */
public class LauncherIT {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    /**
     * Ctrl-C (SIGTERM) before the first checkpoint still saves the model: the checkpoint a stop
     * asks for is the first file the run writes, and its writer must work while the JVM shuts down.
     */
    @Test
    public void stoppingBeforeTheFirstCheckpointSavesTheModel() throws Exception {
        Path data = tmp.getRoot().toPath().resolve("phantoms");
        assertEquals(0, AutoImplantCli.execute(new String[] {"phantom", data.toString(), "--count", "2", "--voxels", "64"},
                new java.io.PrintWriter(new java.io.StringWriter()), new java.io.PrintWriter(new java.io.StringWriter())));
        Path model = tmp.getRoot().toPath().resolve("stopped.zip");
        ProcessBuilder pb = new ProcessBuilder(launcher().toString(), "train-n1", "--data", data.toString(), "--out",
                model.toString(), "--input", "16,16,16", "--width", "0.0625", "--steps", "1000000",
                "--checkpoint-every", "1000000").redirectErrorStream(true);
        pb.environment().put("JAVA_OPTS", "-Xmx512m");
        Process p = pb.start();
        java.io.BufferedReader r = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(),
                StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        for (int c; System.nanoTime() < until && (c = r.read()) >= 0;) {
            seen.append((char) c);
            if (seen.indexOf("loss") >= 0) {
                break; // training steps are running
            }
        }
        assertTrue(seen.toString(), seen.indexOf("loss") >= 0);
        p.destroy(); // SIGTERM, as Ctrl-C or a scheduler's stop
        new Thread(() -> {
            try {
                r.transferTo(java.io.Writer.nullWriter());
            } catch (java.io.IOException e) {
                // stream closed
            }
        }).start();
        assertTrue("training did not stop", p.waitFor(120, TimeUnit.SECONDS));
        assertTrue("no model saved on stop", Files.exists(model));
        assertTrue(org.autoimplant.core.model.ModelFile.metadata(model).getSteps() >= 1);
    }

    private static Path launcher() {
        return Path.of(System.getProperty("autoimplant.launcher", "../autoimplant")).toAbsolutePath();
    }

    @Test
    public void nonAsciiPathsWorkUnderThePosixLocale() throws Exception {
        Path dir = Files.createDirectory(tmp.getRoot().toPath().resolve("Müller-Ø"));
        Path f = dir.resolve("schädel.nrrd");
        Mask m = Mask.empty(new Shape(3, 3, 3), Geometry.ofSpacings(1, 1, 1));
        m.set(1, 1, 1, true);
        NrrdWriter.write(m, f);
        ProcessBuilder pb = new ProcessBuilder(launcher().toString(), "info", f.toString()).redirectErrorStream(true);
        pb.environment().put("LC_ALL", "POSIX");
        pb.environment().remove("LANG");
        pb.environment().put("JAVA_OPTS", "-Xmx256m");
        Process p = pb.start();
        assertTrue("launcher did not finish", p.waitFor(120, TimeUnit.SECONDS));
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(out, 0, p.exitValue());
        assertTrue(out, out.startsWith(f.toString()));
        assertTrue(out, out.contains("non-zero:   1 voxels"));
        assertFalse(out, out.contains("InvalidPathException"));
    }
}
