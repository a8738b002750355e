package org.autoimplant.core.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Output that appears under its final name only once complete: content goes to a hidden temporary
 * file beside the target and is renamed over it at the end, so a crash, an error or Ctrl-C never
 * leaves a half-written file behind. Temporaries still open when the JVM shuts down (Ctrl-C) are
 * deleted by a shutdown hook.
 */
public final class AtomicFiles {
    private static final Set<Path> IN_FLIGHT = ConcurrentHashMap.newKeySet();

    static {
        try {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                for (Path p : IN_FLIGHT) {
                    try {
                        Files.deleteIfExists(p);
                    } catch (IOException e) {
                        // Nothing more to do while the JVM exits.
                    }
                }
            }, "autoimplant-temp-cleanup"));
        } catch (IllegalStateException e) {
            // First used while the JVM is already shutting down (the checkpoint a Ctrl-C asks for
            // before any other file was written): no hook then, but the write must still happen;
            // a failed write deletes its own temporary.
        }
    }

    /** Writes content to a stream. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    /** Writes {@code target} atomically. */
    public static void write(Path target, Content content) throws IOException {
        Path tmp = writeTemp(target, content);
        commit(tmp, target);
    }

    /**
     * Writes a temporary file beside {@code target}, to be {@link #commit committed} later. A
     * failure to write (read-only folder, full disk) names {@code target}, not the temporary.
     */
    public static Path writeTemp(Path target, Content content) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir != null && !Files.isDirectory(dir)) {
            throw new IOException(target + ": the folder " + dir + " does not exist");
        }
        if (dir != null) {
            StaleTemporaries.removeOnce(dir);
        }
        Path tmp = abs.resolveSibling("." + abs.getFileName() + TEMP_INFIX
                + String.format("%08x", ThreadLocalRandom.current().nextInt()));
        boolean ok = false;
        IN_FLIGHT.add(tmp);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
            content.writeTo(out);
            ok = true;
        } catch (IOException e) {
            throw new IOException(target + ": cannot write (" + reason(e, tmp) + ")", e);
        } finally {
            if (!ok) {
                Files.deleteIfExists(tmp);
                IN_FLIGHT.remove(tmp);
            }
        }
        return tmp;
    }

    /** What a temporary file's name holds between the target's name and the random suffix. */
    static final String TEMP_INFIX = ".tmp-";

    /** The cause without the temporary's name ("No space left on device", "Read-only file system"). */
    private static String reason(IOException e, Path tmp) {
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.replace(tmp.toString(), "").replace(tmp.getFileName().toString(), "").replaceFirst("^[: ]+", "");
    }

    /** Renames a finished temporary file to its target, replacing what was there. */
    public static void commit(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw new IOException(target + ": cannot write (" + reason(e, tmp) + ")", e);
        } finally {
            IN_FLIGHT.remove(tmp);
        }
    }

    /** Deletes a temporary that will not be committed. */
    public static void discard(Path tmp) throws IOException {
        Files.deleteIfExists(tmp);
        IN_FLIGHT.remove(tmp);
    }
}
