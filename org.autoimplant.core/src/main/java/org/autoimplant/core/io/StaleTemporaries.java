package org.autoimplant.core.io;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Removes this project's own temporaries that a killed run (kill -9, power loss) left behind:
 * {@code .NAME.tmp-XXXXXXXX} from {@link AtomicFiles} and {@code .dl4j-*.zip} from model
 * checkpoints, when older than a day (a live run's temporaries are minutes old), once per folder
 * and run, when something is next written into that folder. Nothing else is ever touched.
 */
final class StaleTemporaries {
    static final Duration AGE = Duration.ofDays(1);
    private static final Pattern OURS = Pattern.compile("\\..+" + Pattern.quote(AtomicFiles.TEMP_INFIX)
            + "[0-9a-f]{8}|\\.dl4j-[0-9]+\\.zip");
    private static final Set<Path> DONE = ConcurrentHashMap.newKeySet();

    private StaleTemporaries() {
    }

    static void removeOnce(Path dir) {
        Path d = dir.toAbsolutePath().normalize();
        if (DONE.add(d)) {
            remove(d, Instant.now().minus(AGE));
        }
    }

    /** Deletes ours older than {@code before} in {@code dir}; returns how many. */
    static int remove(Path dir, Instant before) {
        int n = 0;
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, p -> OURS.matcher(p.getFileName().toString())
                .matches())) {
            for (Path p : s) {
                try {
                    FileTime t = Files.getLastModifiedTime(p);
                    if (Files.isRegularFile(p) && t.toInstant().isBefore(before) && Files.deleteIfExists(p)) {
                        n++;
                    }
                } catch (IOException e) {
                    // Someone else's file or gone meanwhile: leave it.
                }
            }
        } catch (IOException e) {
            // An unreadable folder fails where the real output is written.
        }
        return n;
    }
}
