package org.autoimplant.core.nodecore.nrrdreader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.autoimplant.core.data.Dataset;
import org.autoimplant.core.io.NrrdReader;
import org.autoimplant.core.io.VolumeFiles;
import org.autoimplant.core.nodecore.NodeSettingsException;
import org.autoimplant.core.nodecore.PathResolver;
import org.autoimplant.core.nodecore.nrrdreader.NrrdReaderSettings.ReadAs;
import org.autoimplant.core.nodecore.nrrdreader.NrrdReaderSettings.Source;
import org.autoimplant.core.util.Progress;
import org.autoimplant.core.volume.Volume;

/**
 * What the NRRD Reader node does, without KNIME: list the rows (one per file, or one per case of a
 * dataset), then read them one at a time and hand each row's volumes to a sink, so a table of a
 * hundred skulls never sits in memory at once.
 */
public final class NrrdReaderCore {
    /** Column names of the single-volume sources. */
    public static final String VOLUME = "Volume";
    /** Column names of the paired layout, in the order of {@link #PAIRED_FOLDERS}. */
    public static final List<String> PAIRED_COLUMNS = List.of("Defective skull", "Implant", "Complete skull");
    /** Sub-folders of the paired layout. */
    public static final List<String> PAIRED_FOLDERS = List.of(Dataset.DEFECTIVE, Dataset.IMPLANT, Dataset.COMPLETE);

    /** One output row: a unique id and its files, one per volume column. */
    public record Row(String id, List<Path> files) {
    }

    /** The rows to read and their volume columns. */
    public record Plan(List<String> columns, List<Row> rows) {
    }

    /** Receives each row's volumes, in column order, as soon as they are read. */
    @FunctionalInterface
    public interface RowSink {
        void accept(Row row, List<Volume> volumes) throws IOException;
    }

    private NrrdReaderCore() {
    }

    /**
     * The volume columns the output will have. For a dataset these are the sub-folders present
     * (a test set has defective skulls only), so the folder is looked at; an unusable folder is a
     * settings problem.
     */
    public static List<String> columns(NrrdReaderSettings s, PathResolver resolver) throws NodeSettingsException {
        s.validate();
        if (s.source() != Source.PAIRED) {
            return List.of(VOLUME);
        }
        Path root = resolver.resolve(s.folder());
        if (!Files.isDirectory(root)) {
            throw new NodeSettingsException("The dataset folder " + root + " does not exist");
        }
        List<String> cols = new ArrayList<>();
        for (int i = 0; i < PAIRED_FOLDERS.size(); i++) {
            if (Files.isDirectory(root.resolve(PAIRED_FOLDERS.get(i)))) {
                cols.add(PAIRED_COLUMNS.get(i));
            }
        }
        if (!cols.contains(PAIRED_COLUMNS.get(0))) {
            throw new NodeSettingsException(root + " has no " + Dataset.DEFECTIVE + "/ folder: an AutoImplant dataset"
                    + " holds " + String.join("/, ", PAIRED_FOLDERS) + "/ (choose the folder above them)");
        }
        return List.copyOf(cols);
    }

    /** Lists the rows: which files exist is decided here, once, before anything is read. */
    public static Plan plan(NrrdReaderSettings s, PathResolver resolver) throws IOException, NodeSettingsException {
        List<String> columns = columns(s, resolver);
        List<Row> rows = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        switch (s.source()) {
            case FILES -> {
                for (String f : s.files()) {
                    Path p = resolver.resolve(f);
                    if (!Files.isRegularFile(p)) {
                        throw new IOException(p + ": " + (Files.isDirectory(p) ? "is a folder, not a NRRD file"
                                : "file does not exist"));
                    }
                    rows.add(new Row(unique(VolumeFiles.stem(p.getFileName().toString()), seen), List.of(p)));
                }
            }
            case FOLDER -> {
                Path dir = resolver.resolve(s.folder());
                for (Path p : VolumeFiles.list(dir, s.pattern(), s.recursive())) {
                    String rel = dir.relativize(p).toString().replace('\\', '/');
                    rows.add(new Row(unique(VolumeFiles.stem(rel), seen), List.of(p)));
                }
                if (rows.isEmpty()) {
                    throw new IOException(dir + ": no NRRD files matching '" + s.pattern() + "'"
                            + (s.recursive() ? " in it or its sub-folders" : " (sub-folders are not searched)"));
                }
            }
            case PAIRED -> {
                Dataset ds = Dataset.open(resolver.resolve(s.folder()));
                for (Dataset.Case c : ds.cases()) {
                    List<Path> files = new ArrayList<>();
                    for (Path p : new Path[] {c.defective(), c.implant(), c.complete()}) {
                        if (p != null) {
                            files.add(p);
                        }
                    }
                    rows.add(new Row(unique(c.name(), seen), List.copyOf(files)));
                }
            }
        }
        return new Plan(columns, List.copyOf(rows));
    }

    /** Reads every row of {@code plan} in order, one row in memory at a time; returns the rows read. */
    public static int execute(NrrdReaderSettings s, Plan plan, RowSink sink, Progress progress) throws IOException {
        progress.start("Reading", plan.rows().size());
        try {
            int done = 0;
            for (Row r : plan.rows()) {
                progress.checkCancelled();
                if (s.source() == Source.PAIRED) {
                    Dataset.checkConsistent(caseOf(r));
                }
                List<Volume> volumes = new ArrayList<>(r.files().size());
                for (Path p : r.files()) {
                    volumes.add(read(p, s.readAs()));
                }
                sink.accept(r, volumes);
                progress.update(++done, r.id());
            }
            return done;
        } finally {
            progress.finish();
        }
    }

    /** One file as the settings ask: a mask as unsigned 8-bit 0/1, or the file's own type. */
    public static Volume read(Path file, ReadAs readAs) throws IOException {
        return readAs == ReadAs.MASK ? NrrdReader.readMask(file).asVolume() : NrrdReader.read(file);
    }

    // The consistency check compares every file with the first (the defective skull); which of the
    // other slots a file takes does not matter to it.
    private static Dataset.Case caseOf(Row r) {
        List<Path> f = r.files();
        return new Dataset.Case(r.id(), f.get(0), f.size() > 1 ? f.get(1) : null, f.size() > 2 ? f.get(2) : null);
    }

    /** Row ids must be unique in a KNIME table: a repeated name gets " (2)", " (3)", … */
    private static String unique(String id, Set<String> used) {
        String candidate = id;
        for (int n = 2; !used.add(candidate); n++) {
            candidate = id + " (" + n + ")";
        }
        return candidate;
    }
}
