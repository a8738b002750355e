package org.autoimplant.core.io;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Which files in a folder are volumes: regular files (not folders, even when named {@code x.nrrd})
 * ending in {@code .nrrd} or {@code .nhdr} in any letter case, and not hidden ({@code .x.nrrd},
 * macOS's {@code ._x.nrrd} resource forks, our own {@code .x.nrrd.tmp-*} temporaries). One rule for
 * every command and node that takes a folder.
 */
public final class VolumeFiles {
    /** The glob {@link #list} uses when none is given. */
    public static final String DEFAULT_PATTERN = "*.{nrrd,nhdr}";

    private VolumeFiles() {
    }

    /** True for a file name this project reads as a volume. */
    public static boolean isVolumeName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return !n.startsWith(".") && (n.endsWith(".nrrd") || n.endsWith(".nhdr"));
    }

    /** The file name without its last extension. */
    public static String stem(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    /**
     * Volume files in {@code dir} (and its sub-folders when {@code recursive}) whose names match the
     * glob {@code pattern} ignoring letter case, sorted by path. Hidden files and folders are skipped.
     */
    public static List<Path> list(Path dir, String pattern, boolean recursive) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException(dir + ": not a folder");
        }
        PathMatcher m = matcher(pattern);
        try (Stream<Path> s = recursive ? Files.walk(dir) : Files.list(dir)) {
            return s.filter(p -> !hiddenBelow(dir, p))
                    .filter(Files::isRegularFile)
                    .filter(p -> isVolumeName(p.getFileName().toString()))
                    .filter(p -> m.matches(Path.of(p.getFileName().toString().toLowerCase(Locale.ROOT))))
                    .sorted()
                    .toList();
        }
    }

    /** A case-insensitive glob on file names; throws IllegalArgumentException naming a malformed pattern. */
    public static PathMatcher matcher(String pattern) {
        String p = pattern == null || pattern.isBlank() ? DEFAULT_PATTERN : pattern.strip();
        try {
            return FileSystems.getDefault().getPathMatcher("glob:" + p.toLowerCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("file pattern '" + pattern + "' is not a valid glob: " + e.getMessage(), e);
        }
    }

    private static boolean hiddenBelow(Path root, Path p) {
        for (Path part : root.relativize(p)) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }
}
