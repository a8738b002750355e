package org.autoimplant.core.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.autoimplant.core.io.NrrdReader;
import org.autoimplant.core.io.VolumeFiles;

/**
 * A dataset in the AutoImplant 2020 layout: {@code defective_skull/}, {@code implant/} and
 * {@code complete_skull/} under one folder, files paired by name. A test set has only defective
 * skulls. Pairs are checked for matching sizes and spacing from their headers.
 */
public final class Dataset {
    public static final String DEFECTIVE = "defective_skull";
    public static final String IMPLANT = "implant";
    public static final String COMPLETE = "complete_skull";

    /** One case: its name and files; implant and complete are null when the dataset has none. */
    public record Case(String name, Path defective, Path implant, Path complete) {
    }

    private final Path root;
    private final List<Case> cases;

    private Dataset(Path root, List<Case> cases) {
        this.root = root;
        this.cases = cases;
    }

    public Path root() {
        return root;
    }

    public List<Case> cases() {
        return cases;
    }

    /** Opens a dataset folder, pairing files by name; any unpaired file is an error. */
    public static Dataset open(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new IOException(root + ": not a folder");
        }
        Path def = root.resolve(DEFECTIVE);
        if (!Files.isDirectory(def)) {
            throw new IOException(root + ": no " + DEFECTIVE + "/ folder (expected the AutoImplant layout "
                    + DEFECTIVE + "/, " + IMPLANT + "/, " + COMPLETE + "/)");
        }
        TreeSet<String> names = volumeFiles(def);
        if (names.isEmpty()) {
            throw new IOException(def + ": no .nrrd or .nhdr files");
        }
        Path imp = root.resolve(IMPLANT);
        Path com = root.resolve(COMPLETE);
        TreeSet<String> implants = Files.isDirectory(imp) ? volumeFiles(imp) : null;
        TreeSet<String> completes = Files.isDirectory(com) ? volumeFiles(com) : null;
        List<String> problems = new ArrayList<>();
        unpaired(names, implants, IMPLANT, problems);
        unpaired(names, completes, COMPLETE, problems);
        if (!problems.isEmpty()) {
            throw new IOException(root + ": unpaired files: " + String.join("; ", problems));
        }
        List<Case> cases = new ArrayList<>();
        for (String n : names) {
            cases.add(new Case(VolumeFiles.stem(n), def.resolve(n), implants == null ? null : imp.resolve(n),
                    completes == null ? null : com.resolve(n)));
        }
        return new Dataset(root, List.copyOf(cases));
    }

    /** Checks that the files of a case agree in sizes and spacing (headers only). */
    public static void checkConsistent(Case c) throws IOException {
        NrrdReader.VolumeInfo d = NrrdReader.describe(c.defective());
        for (Path other : new Path[] {c.implant(), c.complete()}) {
            if (other == null) {
                continue;
            }
            NrrdReader.VolumeInfo o = NrrdReader.describe(other);
            if (!d.shape().equals(o.shape())) {
                throw new IOException(other + ": sizes " + o.shape() + " differ from " + d.shape() + " of "
                        + c.defective());
            }
            for (int a = 0; a < 3; a++) {
                double sd = d.geometry().spacing(a), so = o.geometry().spacing(a);
                if (Math.abs(sd - so) > 1e-4 * sd) {
                    throw new IOException(String.format(Locale.ROOT, "%s: spacing %.5f mm on axis %d differs from"
                            + " %.5f mm of %s", other, so, a, sd, c.defective()));
                }
            }
        }
    }

    private static void unpaired(TreeSet<String> names, TreeSet<String> other, String folder, List<String> problems) {
        if (other == null) {
            return;
        }
        for (String n : names) {
            if (!other.contains(n)) {
                problems.add(n + " has no " + folder + "/" + n);
            }
        }
        for (String n : other) {
            if (!names.contains(n)) {
                problems.add(folder + "/" + n + " has no " + DEFECTIVE + "/" + n);
            }
        }
    }

    private static TreeSet<String> volumeFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            TreeSet<String> out = new TreeSet<>();
            s.map(p -> p.getFileName().toString())
                    .filter(n -> VolumeFiles.isVolumeName(n) && Files.isRegularFile(dir.resolve(n)))
                    .forEach(out::add);
            return out;
        }
    }

}
