package org.autoimplant.core.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.autoimplant.core.model.ModelFile;
import org.autoimplant.core.report.EvaluationReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code autoimplant report}: an HTML report for any predictions against true implants. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Score predicted implants against the true ones and write a self-contained HTML report:"
                + " summary and per-case metrics, box plots of DSC, HD and RE per method, training loss curves"
                + " of the given models, slices through each defect and a 3-D view."},
        footer = {"", "Example:", "  autoimplant report --truth test/implant --defective test/defective_skull"
                + " --pred direct=pred-direct --pred completion=pred-completion --model N1=n1.zip --model N2=n2.zip"
                + " --out report.html"})
final class ReportCommand implements Callable<Integer> {
    @Option(names = "--truth", required = true, description = "Folder of true implants.")
    Path truth;

    @Option(names = "--defective", required = true, description = "Folder of the defective skulls (same file names).")
    Path defective;

    @Option(names = "--pred", required = true, paramLabel = "NAME=DIR",
            description = "A method's predictions (same file names as the truth); repeat for several methods.")
    Map<String, Path> predictions = new LinkedHashMap<>();

    @Option(names = "--model", paramLabel = "NAME=MODEL.zip", description = "Models whose training loss to plot; repeatable.")
    Map<String, Path> models = new LinkedHashMap<>();

    @Option(names = "--pictures", defaultValue = "10", description = "How many cases get pictures (default: ${DEFAULT-VALUE}).")
    int pictures;

    @Option(names = "--title", defaultValue = "AutoImplant evaluation", description = "Page title (default: ${DEFAULT-VALUE}).")
    String title;

    @Option(names = "--out", defaultValue = "report.html", description = "HTML file to write (default: ${DEFAULT-VALUE}).")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        org.autoimplant.core.io.Outputs.check(List.of(), List.of(out));
        List<EvaluationReport.Method> methods = new ArrayList<>();
        predictions.forEach((k, v) -> methods.add(new EvaluationReport.Method(k, v)));
        Map<String, List<Double>> losses = new LinkedHashMap<>();
        for (Map.Entry<String, Path> m : models.entrySet()) {
            losses.put(m.getKey(), ModelFile.metadata(m.getValue()).getLosses());
        }
        EvaluationReport.Section section = new EvaluationReport.Section(truth.toString(), truth, defective, methods);
        EvaluationReport.write(new EvaluationReport.Inputs(title, List.of(section), losses, List.of(), pictures), out,
                new ConsoleProgress());
        spec.commandLine().getOut().println("wrote " + out);
        return 0;
    }
}
