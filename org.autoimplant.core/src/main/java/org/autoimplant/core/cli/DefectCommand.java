package org.autoimplant.core.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.autoimplant.core.data.DefectInjector;
import org.autoimplant.core.data.DefectShape;
import org.autoimplant.core.io.NrrdReader;
import org.autoimplant.core.io.NrrdWriter;
import org.autoimplant.core.io.Outputs;
import org.autoimplant.core.volume.Mask;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code autoimplant defect SKULL --defective D --implant I}: cut an artificial defect. */
@Command(name = "defect", mixinStandardHelpOptions = true,
        description = {"Cut an artificial defect out of a complete skull: defective = skull minus region,"
                + " implant = skull inside region. cube/sphere come from the top quarter of the skull like the"
                + " AutoImplant generator; varied gives ellipsoids, irregular blobs and ball clusters anywhere on"
                + " the vault."},
        footer = {"", "Example:",
            "  autoimplant defect complete.nrrd --defective d.nrrd --implant i.nrrd --shape cube --size 128 --seed 7"})
final class DefectCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SKULL", description = "Complete skull mask (NRRD).")
    Path skull;

    @Option(names = "--defective", required = true, description = "Output: the skull with the defect.")
    Path defective;

    @Option(names = "--implant", required = true, description = "Output: the removed bone.")
    Path implant;

    @Option(names = "--shape", defaultValue = "cube",
            description = "cube, fixed, sphere or varied (default: ${DEFAULT-VALUE}).")
    String shape;

    @Option(names = "--size", defaultValue = "128",
            description = "Cube side / ball diameter / typical size in in-plane voxels (default: ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--seed", defaultValue = "0", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        DefectShape s = DefectShape.parse(shape);
        Outputs.check(java.util.List.of(skull), java.util.List.of(defective, implant));
        Mask m = NrrdReader.readMask(skull);
        DefectInjector.Defect d = DefectInjector.inject(m, s, size, seed);
        NrrdWriter.write(d.defective(), defective);
        NrrdWriter.write(d.implant(), implant);
        spec.commandLine().getOut().println(d.description());
        if (d.warning() != null) {
            spec.commandLine().getErr().println("autoimplant defect: warning: " + d.warning());
        }
        return 0;
    }
}
