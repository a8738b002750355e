package org.autoimplant.core.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.autoimplant.core.io.Outputs;
import org.autoimplant.core.model.ModelFile;
import org.autoimplant.core.model.ModelMetadata;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code autoimplant export-model IN OUT}: a model for prediction only, without its training state. */
@Command(name = "export-model", mixinStandardHelpOptions = true,
        description = {"Copy a model without its training state (Adam's moments): a third of the size, the same"
                + " predictions, but training cannot resume from the copy. How the bundled models are shipped."},
        footer = {"", "Example:", "  autoimplant export-model work/n1.zip models/n1.zip"})
final class ExportModelCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "IN", description = "Trained model file.")
    Path in;

    @Parameters(index = "1", paramLabel = "OUT", description = "Model file to write.")
    Path out;

    @picocli.CommandLine.Option(names = "--normalisation", paramLabel = "running|case", description = "Record how the"
            + " copy's batch norm normalises at prediction (default: as IN says).")
    String normalisation;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Outputs.check(List.of(in), List.of(out));
        ModelMetadata meta = ModelFile.verify(in);
        ModelFile.Loaded m = ModelFile.load(in, meta.role());
        if (normalisation != null) {
            meta.setNormalisation(org.autoimplant.core.model.Normalisation.parse(normalisation).id());
        }
        ModelFile.save(m.network(), meta, out, false);
        spec.commandLine().getOut().printf(Locale.ROOT, "%s → %s: %s model, %,d steps, batch norm: %s statistics, %.1f MB → %.1f MB%n",
                in, out, meta.role().id(), meta.getSteps(), meta.normalisation().id(), Files.size(in) / 1e6, Files.size(out) / 1e6);
        return 0;
    }
}
