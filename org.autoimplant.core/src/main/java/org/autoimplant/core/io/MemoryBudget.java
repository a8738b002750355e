package org.autoimplant.core.io;

import java.nio.file.Path;

/**
 * Refuses an allocation the Java heap cannot hold before it is attempted, so a huge or corrupt
 * header yields a message instead of an {@link OutOfMemoryError} deep inside a decoder.
 */
public final class MemoryBudget {
    private MemoryBudget() {
    }

    static void require(Path file, long bytes, String what) throws NrrdFormatException {
        check(bytes, what, m -> new NrrdFormatException(file, m));
    }

    /**
     * As {@link #require}, for any reader: {@code error} turns the message (what needs how much of
     * which heap) into the reader's own exception.
     */
    public static <E extends Exception> void check(long bytes, String what, java.util.function.Function<String, E> error)
            throws E {
        Runtime rt = Runtime.getRuntime();
        long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        if (bytes > free) {
            System.gc();
            free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        }
        if (bytes > free) {
            throw error.apply(what + " needs " + mib(bytes) + " MiB but only " + mib(free) + " MiB of the "
                    + mib(rt.maxMemory()) + " MiB Java heap are free (raise -Xmx, e.g. JAVA_OPTS=-Xmx8g)");
        }
    }

    private static long mib(long bytes) {
        return (bytes + (1 << 20) - 1) >> 20;
    }
}
