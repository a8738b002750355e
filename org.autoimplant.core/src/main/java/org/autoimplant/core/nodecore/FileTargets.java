package org.autoimplant.core.nodecore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The files a writer node will write, one per row, planned before the first one is written: a
 * folder that cannot be used, two rows with the same file (letter case ignored, as on macOS and
 * Windows), or with {@link IfExists#FAIL} a file that exists, stop the node with nothing written.
 * Shared by the NRRD and STL writers.
 */
public final class FileTargets {
    /** Characters that no file name on Windows, macOS or Linux may hold. */
    private static final String FORBIDDEN = "/\\:*?\"<>|";

    /** Where one row goes. */
    public record Target(String rowId, Path file) {
    }

    private FileTargets() {
    }

    /**
     * A safe file name for {@code name}: forbidden characters become '_', and {@code extension}
     * (".nrrd") is added unless the name ends in one of {@code keep} (".nrrd", ".nhdr").
     */
    public static String fileName(String name, String extension, String... keep) throws NodeSettingsException {
        String n = name == null ? "" : name.strip();
        StringBuilder b = new StringBuilder(n.length() + extension.length());
        for (char c : n.toCharArray()) {
            b.append(c < 32 || FORBIDDEN.indexOf(c) >= 0 ? '_' : c);
        }
        String f = b.toString();
        if (f.isEmpty() || f.equals(".") || f.equals("..")) {
            throw new NodeSettingsException("'" + name + "' cannot be used as a file name");
        }
        String lower = f.toLowerCase(Locale.ROOT);
        for (String k : keep.length == 0 ? new String[] {extension} : keep) {
            if (lower.endsWith(k.toLowerCase(Locale.ROOT))) {
                return f;
            }
        }
        return f + extension;
    }

    /** The output folder (created when asked) and one target per row (file names already made safe). */
    public static List<Target> plan(String folder, boolean createFolder, IfExists ifExists, PathResolver resolver,
            List<String> rowIds, List<String> fileNames) throws IOException, NodeSettingsException {
        Path dir = resolver.resolve(folder);
        if (!Files.isDirectory(dir)) {
            if (Files.exists(dir)) {
                throw new IOException(dir + ": is a file, not a folder");
            }
            if (!createFolder) {
                throw new IOException(dir + ": the output folder does not exist (tick \"create folder\" to make it)");
            }
            Files.createDirectories(dir);
        }
        if (!Files.isWritable(dir)) {
            throw new IOException(dir + ": the output folder is not writable");
        }
        Map<String, String> byLowerName = new HashMap<>();
        List<Target> targets = new ArrayList<>(fileNames.size());
        for (int i = 0; i < fileNames.size(); i++) {
            String file = fileNames.get(i);
            String other = byLowerName.putIfAbsent(file.toLowerCase(Locale.ROOT), rowIds.get(i));
            if (other != null) {
                throw new IOException("Rows '" + other + "' and '" + rowIds.get(i) + "' would both write "
                        + dir.resolve(file) + ": give every row its own name");
            }
            Path p = dir.resolve(file);
            if (Files.isDirectory(p)) {
                throw new IOException(p + ": a folder of that name is in the way of row '" + rowIds.get(i) + "'");
            }
            if (ifExists == IfExists.FAIL && Files.exists(p)) {
                throw new IOException(p + ": already exists (row '" + rowIds.get(i)
                        + "'); choose \"overwrite\" or \"skip\" to write anyway");
            }
            targets.add(new Target(rowIds.get(i), p));
        }
        return List.copyOf(targets);
    }

    /** What happened to one row. */
    public enum Outcome {
        WRITTEN, OVERWRITTEN, SKIPPED,
        /** Nothing to write (an empty implant has no surface); no file. */
        EMPTY
    }

    /** Writes one target; returns false when the row had nothing to write. */
    @FunctionalInterface
    public interface Writer {
        boolean write(int row, Target target) throws IOException;
    }

    /** Receives each row's outcome. */
    @FunctionalInterface
    public interface OutcomeSink {
        void accept(Target target, Outcome outcome) throws IOException;
    }

    /**
     * The loop every per-row file writer shares: skip or replace existing files as the policy says
     * (re-checked, since a file may appear while the node runs), write, report, honour cancel.
     * Returns how many files were written.
     */
    public static int write(List<Target> targets, IfExists ifExists, Writer writer, OutcomeSink sink,
            org.autoimplant.core.util.Progress progress) throws IOException {
        progress.start("Writing", targets.size());
        int written = 0;
        try {
            for (int i = 0; i < targets.size(); i++) {
                progress.checkCancelled();
                Target t = targets.get(i);
                boolean existed = Files.exists(t.file());
                Outcome o;
                if (existed && ifExists == IfExists.SKIP) {
                    o = Outcome.SKIPPED;
                } else if (existed && ifExists == IfExists.FAIL) {
                    throw new IOException(t.file() + ": appeared while the node ran (row '" + t.rowId() + "')");
                } else {
                    boolean wrote;
                    try {
                        wrote = writer.write(i, t);
                    } catch (IOException e) {
                        throw new IOException("Row '" + t.rowId() + "': " + e.getMessage(), e);
                    }
                    o = !wrote ? Outcome.EMPTY : existed ? Outcome.OVERWRITTEN : Outcome.WRITTEN;
                    written += wrote ? 1 : 0;
                }
                sink.accept(t, o);
                progress.update(i + 1, t.rowId());
            }
        } finally {
            progress.finish();
        }
        return written;
    }
}
