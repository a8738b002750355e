package org.autoimplant.core.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.autoimplant.core.io.NrrdWriter;
import org.autoimplant.core.util.Progress;
import org.autoimplant.core.volume.Mask;

/**
 * Writes a set of phantom cases in the AutoImplant folder layout: {@code complete_skull/},
 * {@code defective_skull/} and {@code implant/}, files {@code 000.nrrd}, {@code 001.nrrd}, … Every
 * case has its own skull and defect, derived from one seed.
 */
public final class PhantomDataset {
    private PhantomDataset() {
    }

    /** What to make. {@code defectSize} is in in-plane voxels. */
    public record Spec(int count, long seed, DefectShape defects, int defectSize, SkullPhantom.Options phantom) {
        public Spec {
            if (count < 1) {
                throw new IllegalArgumentException("count must be ≥ 1");
            }
        }

        /** The challenge-like default: cube defects of a quarter of the volume's width. */
        public static Spec of(int count, long seed, DefectShape defects, int voxels) {
            return new Spec(count, seed, defects, Math.max(4, voxels / 4), new SkullPhantom.Options(voxels));
        }
    }

    /** Writes the cases and returns one description line per case. */
    public static List<String> write(Path dir, Spec spec, Progress progress) throws IOException {
        for (String sub : new String[] {Dataset.COMPLETE, Dataset.DEFECTIVE, Dataset.IMPLANT}) {
            Files.createDirectories(dir.resolve(sub));
        }
        Random seeds = new Random(spec.seed());
        List<String> lines = new ArrayList<>();
        progress.start("Phantoms", spec.count());
        try {
            for (int i = 0; i < spec.count(); i++) {
                progress.checkCancelled();
                long skullSeed = seeds.nextLong();
                long defectSeed = seeds.nextLong();
                Mask skull = SkullPhantom.generate(skullSeed, spec.phantom());
                DefectInjector.Defect d = DefectInjector.inject(skull, spec.defects(), spec.defectSize(), defectSeed);
                String name = String.format(Locale.ROOT, "%03d.nrrd", i);
                NrrdWriter.write(skull, dir.resolve(Dataset.COMPLETE).resolve(name));
                NrrdWriter.write(d.defective(), dir.resolve(Dataset.DEFECTIVE).resolve(name));
                NrrdWriter.write(d.implant(), dir.resolve(Dataset.IMPLANT).resolve(name));
                lines.add(name + ": " + skull.shape() + ", " + d.description()
                        + (d.warning() == null ? "" : "; WARNING: " + d.warning()));
                progress.update(i + 1, name);
            }
        } finally {
            progress.finish();
        }
        return lines;
    }
}
