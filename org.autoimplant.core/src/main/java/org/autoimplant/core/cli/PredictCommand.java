package org.autoimplant.core.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.autoimplant.core.io.NrrdReader;
import org.autoimplant.core.io.NrrdWriter;
import org.autoimplant.core.mesh.MaskMeshing;
import org.autoimplant.core.model.Backends;
import org.autoimplant.core.model.ModelFile;
import org.autoimplant.core.model.Role;
import org.autoimplant.core.pipeline.CompletionPredictor;
import org.autoimplant.core.pipeline.TwoStepPredictor;
import org.autoimplant.core.util.Progress;
import org.autoimplant.core.volume.Mask;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code autoimplant predict}: implants for defective skulls. */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = {"Predict implants for defective skulls, written in each input's own grid (same size, spacing,"
                + " origin). direct: N1 coarse implant → crop → N2 fine implant (the paper); completion: the"
                + " completion network's skull minus the defective skull."},
        footer = {"", "Examples:", "  autoimplant predict defective_skull/000.nrrd --n1 n1.zip --n2 n2.zip --out implant.nrrd",
            "  autoimplant predict test/defective_skull --n1 n1.zip --n2 n2.zip --out predictions",
            "  autoimplant predict test/defective_skull --mode completion --model completion.zip --out predictions"})
final class PredictCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DEFECTIVE", description = "A defective skull (NRRD) or a folder of them.")
    Path in;

    @Option(names = "--out", required = true, description = "Output file, or folder when the input is a folder.")
    Path out;

    @Option(names = "--mode", defaultValue = "direct", description = "direct or completion (default: ${DEFAULT-VALUE}).")
    String mode;

    @Option(names = "--n1", description = "N1 model (direct mode).")
    Path n1;

    @Option(names = "--n2", description = "N2 model (direct mode).")
    Path n2;

    @Option(names = "--model", description = "Completion model (completion mode).")
    Path model;

    @Option(names = "--keep-coarse", description = "Also write N1's upsampled coarse implant (or the completed skull) as NAME-coarse.nrrd.")
    boolean keepCoarse;

    @Option(names = "--largest-component", description = "Keep only the largest connected part of each implant.")
    boolean largest;

    @Option(names = "--stl", description = "Also write each implant's surface as NAME.stl beside the NRRD (mm, closed, for printing).")
    boolean stl;

    @Mixin
    SmoothingOption smoothing;

    @Spec
    CommandSpec spec;

    private interface Predictor {
        TwoStepPredictor.Result predict(Mask defective);
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter pw = spec.commandLine().getOut();
        int smooth = smoothing.iterations();
        pw.println(Backends.describe());
        Predictor p = predictor();
        List<Path> inputs = inputs();
        boolean folder = Files.isDirectory(in);
        if (folder) {
            Files.createDirectories(out);
        }
        for (Path f : inputs) {
            Path target = folder ? out.resolve(f.getFileName()) : out;
            long t0 = System.nanoTime();
            Mask d = NrrdReader.readMask(f);
            double read = (System.nanoTime() - t0) / 1e9;
            TwoStepPredictor.Result r = p.predict(d);
            long t1 = System.nanoTime();
            NrrdWriter.write(r.implant(), target);
            if (keepCoarse) {
                String name = target.getFileName().toString().replaceFirst("\\.(nrrd|nhdr)$", "");
                NrrdWriter.write(r.coarse(), target.resolveSibling(name + "-coarse.nrrd"));
            }
            String mesh = "";
            if (stl && r.implant().count() > 0) {
                Path file = target.resolveSibling(target.getFileName().toString().replaceFirst("\\.(nrrd|nhdr)$", "") + ".stl");
                mesh = "; " + file.getFileName() + ": " + MaskMeshing.writeStl(r.implant(), smooth, file, Progress.NONE);
            }
            double write = (System.nanoTime() - t1) / 1e9;
            StringBuilder times = new StringBuilder(String.format(Locale.ROOT, "read %.1f s", read));
            r.seconds().forEach((k, v) -> times.append(String.format(Locale.ROOT, ", %s %.1f s", k, v)));
            times.append(String.format(Locale.ROOT, ", write %.1f s", write));
            pw.printf(Locale.ROOT, "%s → %s: %,d implant voxels (%s)%s%n", f.getFileName(), target, r.implant().count(), times,
                    mesh);
        }
        return 0;
    }

    private Predictor predictor() throws IOException {
        switch (mode.toLowerCase(Locale.ROOT)) {
            case "direct" -> {
                if (n1 == null || n2 == null) {
                    throw new IllegalArgumentException("direct mode needs --n1 and --n2 model files");
                }
                TwoStepPredictor tp = new TwoStepPredictor(ModelFile.load(n1, Role.N1), ModelFile.load(n2, Role.N2));
                return d -> tp.predict(d, largest, new ConsoleProgress());
            }
            case "completion" -> {
                if (model == null) {
                    throw new IllegalArgumentException("completion mode needs --model completion.zip");
                }
                CompletionPredictor cp = new CompletionPredictor(ModelFile.load(model, Role.COMPLETION));
                return d -> cp.predict(d, largest, new ConsoleProgress());
            }
            default -> throw new IllegalArgumentException("--mode must be direct or completion, not '" + mode + "'");
        }
    }

    private List<Path> inputs() throws IOException {
        if (!Files.isDirectory(in)) {
            return List.of(in);
        }
        try (Stream<Path> s = Files.list(in)) {
            List<Path> l = new ArrayList<>(s.filter(p -> p.toString().endsWith(".nrrd") || p.toString().endsWith(".nhdr"))
                    .sorted().toList());
            if (l.isEmpty()) {
                throw new IOException(in + ": no .nrrd or .nhdr files");
            }
            return l;
        }
    }
}
