package org.autoimplant.core.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.autoimplant.core.data.DefectShape;
import org.autoimplant.core.data.PhantomDataset;
import org.autoimplant.core.data.SkullPhantom;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code autoimplant phantom OUT_DIR --count N --seed S}: synthetic skull datasets. */
@Command(name = "phantom", mixinStandardHelpOptions = true,
        description = {"Make synthetic skulls with defects in the AutoImplant layout (complete_skull/,"
                + " defective_skull/, implant/). Each phantom differs: vault shape, bone thickness (4-8 mm),"
                + " spacing; skull base with foramen magnum and orbits."},
        footer = {"", "Examples:", "  autoimplant phantom train --count 20 --seed 1",
            "  autoimplant phantom robust --count 10 --seed 2 --defects varied",
            "  autoimplant phantom small --count 8 --voxels 128 --bone-scale 2.5"})
final class PhantomCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "OUT_DIR", description = "Folder to write into (created if needed).")
    Path dir;

    @Option(names = "--count", defaultValue = "10", description = "Number of cases (default: ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--seed", defaultValue = "0", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--defects", defaultValue = "cube",
            description = "cube (like the challenge generator), fixed (a cube at one place, like the 2020"
                    + " training defects), sphere or varied (default: ${DEFAULT-VALUE}).")
    String defects;

    @Option(names = "--defect-size",
            description = "Defect size in in-plane voxels (default: a quarter of --voxels, 128 at 512).")
    Integer defectSize;

    @Option(names = "--voxels", defaultValue = "512",
            description = "Volume width and height in voxels; smaller volumes get coarser spacing (default: ${DEFAULT-VALUE}).")
    int voxels;

    @Option(names = "--bone-scale", defaultValue = "1",
            description = "Bone thickness factor, 0.25-4; 1 is anatomical. Small volumes for quick training need"
                    + " thicker bone (e.g. 2.5 at 128 or 256 voxels) to stay visible after downsampling"
                    + " (default: ${DEFAULT-VALUE}).")
    double boneScale;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        DefectShape shape = DefectShape.parse(defects);
        org.autoimplant.core.io.Outputs.requireWritableFolder(dir);
        PhantomDataset.Spec s = new PhantomDataset.Spec(count, seed, shape,
                defectSize != null ? defectSize : Math.max(4, voxels / 4),
                new SkullPhantom.Options(voxels).withBoneScale(boneScale));
        List<String> lines = PhantomDataset.write(dir, s, new ConsoleProgress());
        lines.forEach(spec.commandLine().getOut()::println);
        return 0;
    }
}
