package org.autoimplant.core.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.autoimplant.core.metrics.Evaluation;
import org.autoimplant.core.metrics.MetricValues;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code autoimplant evaluate --pred DIR --truth DIR --out results.csv}: score a whole test set. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Score every prediction in a folder against the truth file of the same name, write one CSV"
                + " row per case and print mean, std, median, min and max per metric (the paper's Table 1)."},
        footer = {"", "Example:", "  autoimplant evaluate --pred predictions --truth test/implant"
                + " --defective test/defective_skull --out results.csv"})
final class EvaluateCommand implements Callable<Integer> {
    @Option(names = "--pred", required = true, description = "Folder of predicted masks.")
    Path pred;

    @Option(names = "--truth", required = true, description = "Folder of true implants (same file names).")
    Path truth;

    @Option(names = "--defective", description = "Folder of defective skulls, for the border DSC.")
    Path defective;

    @Option(names = "--out", required = true, description = "CSV file to write.")
    Path csv;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        org.autoimplant.core.io.Outputs.check(List.of(), List.of(csv));
        Evaluation.Outcome o = Evaluation.evaluate(pred, truth, defective, new ConsoleProgress());
        List<Evaluation.CaseResult> results = o.results();
        Evaluation.writeCsv(results, csv);
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "%d cases → %s%n", results.size(), csv);
        out.printf(Locale.ROOT, "%-10s %10s %10s %10s %10s %10s%n", "metric", "mean", "std", "median", "min", "max");
        List<String> notes = new ArrayList<>();
        for (Evaluation.Summary s : Evaluation.summarise(results)) {
            out.printf(Locale.ROOT, "%-10s %10s %10s %10s %10s %10s%n", s.metric(), Evaluation.fmt(s.mean()),
                    Evaluation.fmt(s.std()), Evaluation.fmt(s.median()), Evaluation.fmt(s.min()), Evaluation.fmt(s.max()));
            int inf = Evaluation.infinite(results, java.util.Arrays.asList(MetricValues.NAMES).indexOf(s.metric()));
            if (inf > 0) {
                notes.add(s.metric() + " is infinite in " + inf + " of " + results.size() + " cases (an empty prediction"
                        + " or truth has no surface to measure to), so its mean is too");
            }
        }
        notes.forEach(out::println);
        if (!o.failures().isEmpty()) {
            spec.commandLine().getErr().println("autoimplant evaluate: " + o.describe());
            return 1;
        }
        return 0;
    }
}
