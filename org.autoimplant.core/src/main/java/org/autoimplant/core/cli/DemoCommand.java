package org.autoimplant.core.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.autoimplant.core.demo.Demo;
import org.autoimplant.core.demo.SampleDemo;
import org.autoimplant.core.model.ModelSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code autoimplant demo}: the bundled models on the bundled real sample case (seconds), or with
 * {@code --train} the whole system on phantoms within a time budget, ending in report.html.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Design the implant of the bundled sample case (a real SkullFix skull held out from training)"
                + " with the bundled models, by the two-step method and by shape completion: writes implant.nrrd,"
                + " implant.stl and report.html (slices, 3-D views, metrics against the true implant).",
            "With --train: the whole system on synthetic skulls instead: make training, test and robustness sets,"
                + " train N1, N2 and the shape-completion network for the whole time budget, predict implants for the"
                + " unseen skulls both ways (with STL files), score them and write report.html. Interrupted? Run the"
                + " same command again: it resumes."},
        footer = {"", "Examples:", "  autoimplant demo", "  autoimplant demo --train --minutes 10 --out phantom-demo"})
final class DemoCommand implements Callable<Integer> {
    @Option(names = "--out", defaultValue = "autoimplant-demo", description = "Folder for the outputs (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--train", description = "Train on phantoms within --minutes instead of using the bundled models.")
    boolean train;

    @Option(names = "--minutes", defaultValue = "10", description = "With --train: the time budget in minutes, mostly for training (default: ${DEFAULT-VALUE}).")
    double minutes;

    @Option(names = "--seed", defaultValue = "0", description = "With --train: seed of phantoms, weights and case order (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--sample", paramLabel = "DIR", description = "A case folder (defective_skull/, implant/) instead of the bundled sample.")
    Path sample;

    @Option(names = "--models", paramLabel = "DIR", description = "Models (n1.zip, n2.zip, completion.zip) instead of the bundled ones.")
    Path models;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter pw = spec.commandLine().getOut();
        Path report;
        if (train) {
            if (sample != null || models != null) {
                throw new IllegalArgumentException("--sample and --models are for the bundled-model demo, not --train");
            }
            report = new Demo(new Demo.Options(out, minutes, seed), Versions.version(), new ConsoleProgress(),
                    pw::println).run();
        } else {
            Files.createDirectories(out);
            report = new SampleDemo(new SampleDemo.Options(out, sample != null ? sample : SampleDemo.bundledSample(),
                    models != null ? ModelSet.in(models) : ModelSet.bundled()), new ConsoleProgress(), pw::println).run();
            pw.println("implant: " + out.resolve("implant.nrrd").toAbsolutePath()
                    + (Files.exists(out.resolve("implant.stl")) ? " and implant.stl" : ""));
        }
        if (report != null) {
            pw.println("report: " + report.toAbsolutePath());
        }
        return 0;
    }
}
