package org.autoimplant.core.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import org.autoimplant.core.model.ModelFile;
import org.autoimplant.core.model.ModelSet;
import org.autoimplant.core.model.Normalisation;
import org.autoimplant.core.model.Role;
import picocli.CommandLine.Option;

/**
 * The models a predicting command uses: files given one by one, else the set in {@code --models},
 * else the bundled models (models/ of the installation), for {@code predict} and {@code design}.
 */
final class ModelOptions {
    @Option(names = "--n1", description = "N1 model (direct mode; default: the model set's n1.zip).")
    Path n1;

    @Option(names = "--n2", description = "N2 model (direct mode; default: the model set's n2.zip).")
    Path n2;

    @Option(names = "--model", description = "Completion model (completion mode; default: the model set's completion.zip).")
    Path completion;

    @Option(names = "--models", paramLabel = "DIR", description = "Folder with n1.zip, n2.zip, completion.zip for the"
            + " models not given by file (default: the bundled models).")
    Path models;

    @Option(names = "--normalisation", paramLabel = "running|case", description = "Batch norm at prediction: running"
            + " (the statistics learnt in training; fastest) or case (each case's own, as in training and the"
            + " reference code). Default: what each model file says (running for files that say nothing).")
    String normalisation;

    /** The model of {@code role}: its file if given, else the set's; a model taken from a set is named on {@code out}. */
    ModelFile.Loaded load(Role role, PrintWriter out) throws IOException {
        Normalisation override = normalisation == null ? null : Normalisation.parse(normalisation);
        Path file = role == Role.N1 ? n1 : role == Role.N2 ? n2 : completion;
        ModelFile.Loaded m;
        if (file != null) {
            m = ModelFile.load(file, role);
        } else {
            ModelSet set = models != null ? ModelSet.in(models) : ModelSet.bundled();
            m = set.load(role);
            file = set.file(role);
        }
        if (override != null) {
            m.metadata().setNormalisation(override.id());
        }
        out.printf(Locale.ROOT, "%s model: %s (%d steps; batch norm: %s statistics)%n", role.id(), file,
                m.metadata().getSteps(), m.metadata().normalisation().id());
        return m;
    }
}
