package org.autoimplant.core.testing;

import static org.junit.Assert.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.Assume;

/**
 * A reference program from Debian that tests compare against (teem's unu, admesh, chromium). CI
 * installs them and must run these tests: there a missing tool fails; on a developer machine
 * without it the tests are skipped with a note.
 */
public final class ExternalTool {
    private final String path;
    private final String install;

    /** The first of {@code names} on the PATH; {@code install} tells how to get it. */
    public ExternalTool(String install, String... names) {
        this.install = install;
        this.path = find(names);
    }

    private static String find(String... names) {
        for (String name : names) {
            for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
                if (new File(dir, name).canExecute()) {
                    return new File(dir, name).getPath();
                }
            }
        }
        return null;
    }

    /** Skips the calling test (or fails it on CI) when the tool is not installed. */
    public void require() {
        if (path == null && System.getenv("CI") != null) {
            fail("not installed (" + install + "); CI must run the tests that use it");
        }
        Assume.assumeTrue("not installed (" + install + ")", path != null);
    }

    /** Runs the tool; returns stdout and stderr, failing the test on a non-zero exit or a timeout. */
    public String run(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(path);
        cmd.addAll(Arrays.asList(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("timed out: " + cmd);
        }
        String text = new String(out, StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            fail("failed (" + p.exitValue() + "): " + String.join(" ", cmd) + "\n" + text);
        }
        return text;
    }
}
