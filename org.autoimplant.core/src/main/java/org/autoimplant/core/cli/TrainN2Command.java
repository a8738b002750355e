package org.autoimplant.core.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.autoimplant.core.model.Backends;
import org.autoimplant.core.model.Role;
import org.autoimplant.core.pipeline.TrainingJobs;
import org.autoimplant.core.pipeline.TrainingPairs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code train-n2}: the fine implant network on crops around N1's predictions. */
@Command(name = "train-n2", mixinStandardHelpOptions = true,
        description = {"Train N2, the fine implant network, on full-resolution crops around N1's coarse implants"
                + " (as the paper), or with --crops truth around the true implants shifted at random."},
        footer = {"", "Example:", "  autoimplant train-n2 --data train --n1 n1.zip --out n2.zip"})
final class TrainN2Command implements Callable<Integer> {
    @Mixin
    TrainingOptions options;

    @Option(names = "--n1", description = "Trained N1 model (needed for --crops n1).")
    Path n1;

    @Option(names = "--crops", defaultValue = "n1", description = "n1 or truth (default: ${DEFAULT-VALUE}).")
    String crops;

    @Option(names = "--margin", defaultValue = "20", description = "Voxels around the box in x and y (default: ${DEFAULT-VALUE}).")
    int margin;

    @Option(names = "--jitter", defaultValue = "10", description = "Random shift of true boxes, voxels (default: ${DEFAULT-VALUE}).")
    int jitter;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        TrainingPairs.CropSource source = switch (crops.toLowerCase(Locale.ROOT)) {
            case "n1" -> TrainingPairs.CropSource.N1;
            case "truth" -> TrainingPairs.CropSource.TRUTH;
            default -> throw new IllegalArgumentException("--crops must be n1 or truth, not '" + crops + "'");
        };
        if (source == TrainingPairs.CropSource.N1 && n1 == null) {
            throw new IllegalArgumentException("--crops n1 needs the N1 model: --n1 n1.zip");
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(Backends.describe());
        long steps = TrainingJobs.trainFine(options.spec(Role.N2), options.data, n1, margin, source, jitter, options.val,
                options.trainerOptions(), options.ifModelExists(), Versions.version(), new ConsoleProgress(), out::println);
        out.println("saved " + options.out + " after " + steps + " steps");
        return 0;
    }
}
