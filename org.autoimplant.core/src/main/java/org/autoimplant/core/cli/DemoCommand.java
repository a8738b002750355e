package org.autoimplant.core.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.autoimplant.core.demo.Demo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code autoimplant demo}: the whole system on phantoms, ending in report.html. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run the whole system on synthetic skulls: make training, test and robustness sets, train N1,"
                + " N2 and the shape-completion network within the time budget, predict implants for the unseen"
                + " skulls both ways (with STL files), score them and write report.html. Interrupted? Run the"
                + " same command again: it resumes."},
        footer = {"", "Example:", "  autoimplant demo --out autoimplant-demo --minutes 10"})
final class DemoCommand implements Callable<Integer> {
    @Option(names = "--out", defaultValue = "autoimplant-demo", description = "Folder for data, models, predictions and the report (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--minutes", defaultValue = "10", description = "Time budget in minutes, mostly for training (default: ${DEFAULT-VALUE}).")
    double minutes;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of phantoms, weights and case order (default: ${DEFAULT-VALUE}).")
    long seed;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter pw = spec.commandLine().getOut();
        Path report = new Demo(new Demo.Options(out, minutes, seed), Versions.version(), new ConsoleProgress(),
                pw::println).run();
        pw.println("report: " + report.toAbsolutePath());
        return 0;
    }
}
