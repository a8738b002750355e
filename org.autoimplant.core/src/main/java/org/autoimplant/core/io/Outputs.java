package org.autoimplant.core.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The outputs of one command or node, checked before any work starts: no output may be one of the
 * inputs (compared as real paths, through symbolic links and {@code ..}, so {@code predict a --out
 * ./a} cannot replace its own input), no file may be written twice, and every output folder must
 * exist (or be creatable) and be writable. A NRRD file with a detached header counts with its data
 * files, on both sides.
 */
public final class Outputs {
    private Outputs() {
    }

    /** Refuses, naming the files, outputs that are inputs or repeat; checks the output folders. */
    public static void check(Collection<Path> inputs, Collection<Path> outputs) throws IOException {
        Map<Path, Path> realInputs = new HashMap<>();
        for (Path in : inputs) {
            for (Path p : withDataFiles(in)) {
                realInputs.put(real(p), in);
            }
        }
        Map<Path, Path> seen = new HashMap<>();
        Set<Path> folders = new LinkedHashSet<>();
        for (Path out : outputs) {
            for (Path p : withDataFiles(out)) {
                Path r = real(p);
                Path input = realInputs.get(r);
                if (input != null) {
                    throw new IOException(out + ": is " + (p.equals(out) ? "" : "written beside ") + "the input "
                            + input + "; choose another output, inputs are never overwritten");
                }
                Path lower = Path.of(r.toString().toLowerCase(Locale.ROOT));
                Path first = seen.putIfAbsent(lower, out);
                if (first != null) {
                    throw new IOException(out + ": would be written twice by this command (also as " + first
                            + "); give each output its own name");
                }
                if (Files.isDirectory(p)) {
                    throw new IOException(out + ": is a folder; name a file to write");
                }
            }
            folders.add(r(out).getParent());
        }
        for (Path f : folders) {
            requireWritableFolder(f);
        }
    }

    /** Refuses a folder that exists but cannot be written, or whose nearest existing parent cannot. */
    public static void requireWritableFolder(Path folder) throws IOException {
        Path f = folder.toAbsolutePath().normalize();
        Path existing = f;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return;
        }
        if (!Files.isDirectory(existing)) {
            throw new IOException(f + ": " + existing + " is a file, not a folder");
        }
        if (!Files.isWritable(existing)) {
            throw new IOException(f + ": " + (existing.equals(f) ? "the folder is not writable"
                    : "cannot be created: " + existing + " is not writable"));
        }
    }

    /** The file and, for a detached NRRD header, the data files it names or will name. */
    static List<Path> withDataFiles(Path file) {
        List<Path> out = new ArrayList<>(List.of(file));
        if (!file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".nhdr")) {
            return out;
        }
        if (Files.isRegularFile(file)) {
            try {
                for (String d : NrrdReader.readHeader(file).dataFiles()) {
                    out.add(file.resolveSibling(d));
                }
            } catch (IOException | RuntimeException e) {
                // An unreadable header is reported where the file is read.
            }
        } else {
            String name = file.getFileName().toString();
            for (NrrdEncoding e : NrrdEncoding.values()) {
                out.add(file.resolveSibling(name.substring(0, name.length() - 5) + e.dataFileSuffix()));
            }
        }
        return out;
    }

    /** The real path of a file that may not exist yet: its nearest existing ancestor resolved, links followed. */
    static Path real(Path p) {
        Path abs = r(p);
        Path existing = abs;
        List<Path> rest = new ArrayList<>();
        while (existing != null && !Files.exists(existing)) {
            rest.add(0, existing.getFileName());
            existing = existing.getParent();
        }
        if (existing == null) {
            return abs;
        }
        try {
            Path realPart = existing.toRealPath();
            for (Path name : rest) {
                realPart = realPart.resolve(name);
            }
            return realPart;
        } catch (IOException e) {
            return abs;
        }
    }

    private static Path r(Path p) {
        return p.toAbsolutePath().normalize();
    }
}
