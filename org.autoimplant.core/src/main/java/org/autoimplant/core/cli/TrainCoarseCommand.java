package org.autoimplant.core.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.autoimplant.core.model.Backends;
import org.autoimplant.core.model.Role;
import org.autoimplant.core.pipeline.TrainingJobs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code train-n1} and {@code train-completion}: the N1-shaped networks. */
abstract class TrainCoarseCommand implements Callable<Integer> {
    @Mixin
    TrainingOptions options;

    @Spec
    CommandSpec spec;

    abstract Role role();

    /** Extra varied defects per complete skull (completion only). */
    int variedDefects() {
        return 0;
    }

    int defectSize() {
        return 0;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        out.println(Backends.describe());
        long steps = TrainingJobs.trainCoarse(options.spec(role()), options.data, options.val, variedDefects(),
                defectSize(), options.trainerOptions(), options.ifModelExists(), Versions.version(), new ConsoleProgress(),
                out::println);
        out.println("saved " + options.out + " after " + steps + " steps");
        return 0;
    }

    @Command(name = "train-n1", mixinStandardHelpOptions = true,
            description = {"Train N1, the coarse implant network: downsampled defective skulls in, implants out."},
            footer = {"", "Examples:", "  autoimplant train-n1 --data train --out n1.zip",
                "  autoimplant train-n1 --data train --out n1.zip --input 32,32,16 --width 0.125 --steps 500 --lr 3e-4"})
    static final class N1 extends TrainCoarseCommand {
        @Override
        Role role() {
            return Role.N1;
        }
    }

    @Command(name = "train-completion", mixinStandardHelpOptions = true,
            description = {"Train the skull-shape-completion network (N1 architecture): defective skulls in,"
                    + " complete skulls out."},
            footer = {"", "Examples:", "  autoimplant train-completion --data train --out completion.zip",
                "  autoimplant train-completion --data train --out completion.zip --varied-defects 8"})
    static final class Completion extends TrainCoarseCommand {
        @picocli.CommandLine.Option(names = "--varied-defects", defaultValue = "0",
                description = "Also train on this many copies of each complete skull with a varied defect (ellipsoid,"
                        + " blob or ball cluster anywhere on the vault), so defects of any shape and place are filled"
                        + " (default: ${DEFAULT-VALUE}).")
        int varied;

        @picocli.CommandLine.Option(names = "--defect-size", defaultValue = "128",
                description = "Typical size of those defects in in-plane voxels, ±25 % (default: ${DEFAULT-VALUE},"
                        + " a quarter of a 512-voxel skull).")
        int size;

        @Override
        Role role() {
            return Role.COMPLETION;
        }

        @Override
        int variedDefects() {
            return varied;
        }

        @Override
        int defectSize() {
            return size;
        }
    }
}
