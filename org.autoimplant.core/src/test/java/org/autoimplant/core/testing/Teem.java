package org.autoimplant.core.testing;

import java.io.IOException;

/** Teem's {@code unu} (Debian package teem-apps installs it as {@code teem-unu}). */
public final class Teem {
    private static final ExternalTool UNU = new ExternalTool("apt-get install teem-apps", "teem-unu", "unu");

    private Teem() {
    }

    /** Skips the calling test (or fails it on CI) when unu is not installed. */
    public static void require() {
        UNU.require();
    }

    /** Runs {@code unu args...}; returns its output, failing the test on a non-zero exit. */
    public static String unu(String... args) throws IOException, InterruptedException {
        return UNU.run(args);
    }
}
