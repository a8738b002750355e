package org.autoimplant.core.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.autoimplant.core.io.NrrdReader;
import org.autoimplant.core.io.NrrdWriter;
import org.autoimplant.core.io.Outputs;
import org.autoimplant.core.io.VolumeFiles;
import org.autoimplant.core.mesh.MaskMeshing;
import org.autoimplant.core.model.Backends;
import org.autoimplant.core.model.Role;
import org.autoimplant.core.pipeline.CompletionPredictor;
import org.autoimplant.core.pipeline.PredictionInputs;
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
        footer = {"", "Without --n1/--n2/--model the models bundled with AutoImplant (trained on SkullFix, see"
            + " models/README.md) are used; --models DIR takes them from another folder.", "", "Examples:",
            "  autoimplant predict samples/skullfix-024/defective_skull/024.nrrd --out implant.nrrd --stl",
            "  autoimplant predict test/defective_skull --mode completion --out predictions",
            "  autoimplant predict defective_skull/000.nrrd --n1 n1.zip --n2 n2.zip --out implant.nrrd",
            "  autoimplant predict test/defective_skull --models my-models --out predictions"})
final class PredictCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DEFECTIVE", description = "A defective skull (NRRD) or a folder of them.")
    Path in;

    @Option(names = "--out", required = true, description = "Output file, or folder when the input is a folder.")
    Path out;

    @Option(names = "--mode", defaultValue = "direct", description = "direct or completion (default: ${DEFAULT-VALUE}).")
    String mode;

    @Mixin
    ModelOptions models;

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

    /** The chosen method: prediction, and the spacing warning against its first network's training data. */
    private record Predictor(java.util.function.Function<Mask, TwoStepPredictor.Result> predict,
            java.util.function.BiFunction<String, Mask, String> spacingWarning) {
    }

    /** The files one input turns into, planned before anything runs. */
    private record Job(Path input, Path implant, Path coarse, Path stl) {
        List<Path> outputs() {
            List<Path> l = new ArrayList<>(List.of(implant));
            if (coarse != null) {
                l.add(coarse);
            }
            if (stl != null) {
                l.add(stl);
            }
            return l;
        }
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter pw = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int smooth = smoothing.iterations();
        boolean folder = Files.isDirectory(in);
        List<Job> jobs = plan(folder);
        List<String> failed = new ArrayList<>();
        // Headers first (cheap): a wrong input fails before the models load.
        List<Job> ready = new ArrayList<>();
        for (Job j : jobs) {
            try {
                NrrdReader.VolumeInfo info = NrrdReader.describe(j.input());
                PredictionInputs.checkGrid(j.input().toString(), info.shape(), info.geometry());
                ready.add(j);
            } catch (IOException | IllegalArgumentException e) {
                fail(folder, j, e, failed, err);
            }
        }
        if (!ready.isEmpty()) {
            pw.println(Backends.describe());
            Predictor p = predictor();
            if (folder) {
                Files.createDirectories(out);
            }
            for (Job j : ready) {
                try {
                    predictOne(j, p, smooth, pw, err);
                } catch (IOException | IllegalArgumentException e) {
                    fail(folder, j, e, failed, err);
                }
            }
        }
        if (!failed.isEmpty()) {
            err.printf(Locale.ROOT, "autoimplant predict: %d of %d cases failed: %s%n", failed.size(), jobs.size(),
                    String.join(", ", failed));
            return ErrorReporter.EXIT_FAILURE;
        }
        return 0;
    }

    /** A single input's failure ends the command; in a folder it is reported and the others go on. */
    private static <E extends Exception> void fail(boolean folder, Job j, E e, List<String> failed, PrintWriter err)
            throws E {
        if (!folder) {
            throw e;
        }
        failed.add(j.input().getFileName().toString());
        err.println("autoimplant predict: " + j.input().getFileName() + ": failed: " + ErrorReporter.message(e));
    }

    private void predictOne(Job j, Predictor p, int smooth, PrintWriter pw, PrintWriter err) throws IOException {
        long t0 = System.nanoTime();
        List<String> warnings = new ArrayList<>();
        Mask d = PredictionInputs.readSkullMask(j.input(), warnings);
        String spacing = p.spacingWarning().apply(j.input().toString(), d);
        if (spacing != null) {
            warnings.add(spacing);
        }
        warnings.forEach(w -> err.println("autoimplant predict: warning: " + w));
        double read = (System.nanoTime() - t0) / 1e9;
        TwoStepPredictor.Result r = p.predict().apply(d);
        long t1 = System.nanoTime();
        NrrdWriter.write(r.implant(), j.implant());
        if (j.coarse() != null) {
            NrrdWriter.write(r.coarse(), j.coarse());
        }
        String warning = PredictionInputs.implantWarning(j.input().getFileName().toString(), r.implant(), d);
        if (warning != null) {
            err.println("autoimplant predict: " + warning);
        }
        String mesh = "";
        if (j.stl() != null) {
            mesh = r.implant().count() > 0
                    ? "; " + j.stl().getFileName() + ": " + MaskMeshing.writeStl(r.implant(), smooth, j.stl(), Progress.NONE)
                    : "; no STL written: the implant is empty";
        }
        double write = (System.nanoTime() - t1) / 1e9;
        StringBuilder times = new StringBuilder(String.format(Locale.ROOT, "read %.1f s", read));
        r.seconds().forEach((k, v) -> times.append(String.format(Locale.ROOT, ", %s %.1f s", k, v)));
        times.append(String.format(Locale.ROOT, ", write %.1f s", write));
        pw.printf(Locale.ROOT, "%s → %s: %,d implant voxels (%s)%s%n", j.input().getFileName(), j.implant(),
                r.implant().count(), times, mesh);
    }

    /** Every output of every input, refused up front when one would replace an input or another output. */
    private List<Job> plan(boolean folder) throws IOException {
        List<Job> jobs = new ArrayList<>();
        for (Path f : inputs(folder)) {
            Path target = folder ? out.resolve(f.getFileName()) : out;
            String stem = target.getFileName().toString().replaceFirst("(?i)\\.(nrrd|nhdr)$", "");
            jobs.add(new Job(f, target, keepCoarse ? target.resolveSibling(stem + "-coarse.nrrd") : null,
                    stl ? target.resolveSibling(stem + ".stl") : null));
        }
        List<Path> outputs = new ArrayList<>();
        for (Job j : jobs) {
            outputs.addAll(j.outputs());
        }
        Outputs.check(jobs.stream().map(Job::input).toList(), outputs);
        return jobs;
    }

    private Predictor predictor() throws IOException {
        switch (mode.toLowerCase(Locale.ROOT)) {
            case "direct" -> {
                PrintWriter out = spec.commandLine().getOut();
                TwoStepPredictor tp = new TwoStepPredictor(models.load(Role.N1, out), models.load(Role.N2, out));
                return new Predictor(d -> tp.predict(d, largest, new ConsoleProgress()), tp::spacingWarning);
            }
            case "completion" -> {
                CompletionPredictor cp = new CompletionPredictor(models.load(Role.COMPLETION,
                        spec.commandLine().getOut()));
                return new Predictor(d -> cp.predict(d, largest, new ConsoleProgress()), cp::spacingWarning);
            }
            default -> throw new IllegalArgumentException("--mode must be direct or completion, not '" + mode + "'");
        }
    }

    private List<Path> inputs(boolean folder) throws IOException {
        if (!folder) {
            if (!Files.exists(in)) {
                throw new IOException(in + ": no such file or folder");
            }
            return List.of(in);
        }
        List<Path> l = VolumeFiles.list(in, null, false);
        if (l.isEmpty()) {
            throw new IOException(in + ": no .nrrd or .nhdr files");
        }
        return l;
    }
}
