package org.autoimplant.core.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.autoimplant.core.data.SkullExtractor;
import org.autoimplant.core.io.NrrdWriter;
import org.autoimplant.core.io.ValueCensus;
import org.autoimplant.core.io.VolumeInputs;
import org.autoimplant.core.mesh.MaskMeshing;
import org.autoimplant.core.nodecore.design.ImplantDesign;
import org.autoimplant.core.report.DesignReport;
import org.autoimplant.core.util.Progress;
import org.autoimplant.core.volume.Mask;
import org.autoimplant.core.volume.Volume;

/**
 * From what a clinic has to what a printer takes: a CT (DICOM series or NRRD, in Hounsfield units)
 * or a skull mask → skull (threshold + largest component, skipped for a mask) → implant (direct or
 * completion) → {@code implant.nrrd}, {@code implant.stl}, {@code skull.nrrd}, {@code skull.stl}
 * and {@code report.html} in the CT's own patient coordinates, so skull and implant open aligned
 * in 3D Slicer or a CAD tool. Everything is written into a hidden folder first and moved into
 * place at the end: an interrupted or failed run leaves no partial output.
 */
public final class DesignJob {
    /** @param input CT or skull mask; @param series DICOM series (may be null); @param threshold bone HU */
    public record Settings(Path input, String series, Path out, ImplantDesign.Settings design, int smoothing) {
    }

    /** What the run made. */
    public record Result(Mask implant, List<Path> files, List<String> facts) {
    }

    public static final List<String> OUTPUTS = List.of("implant.nrrd", "implant.stl", "skull.nrrd", "skull.stl",
            "report.html");

    private DesignJob() {
    }

    public static Result run(Settings s, ImplantDesign.Models models, Progress progress, Consumer<String> log)
            throws IOException {
        Files.createDirectories(s.out());
        for (String name : OUTPUTS) {
            if (s.out().resolve(name).toAbsolutePath().normalize().equals(s.input().toAbsolutePath().normalize())) {
                throw new IOException(s.out().resolve(name) + ": is the input; choose another --out folder");
            }
        }
        Path staging = Files.createTempDirectory(s.out(), ".autoimplant-design-");
        Thread cleanup = new Thread(() -> delete(staging), "autoimplant-design-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        List<String> facts = new ArrayList<>();
        try {
            long t0 = System.nanoTime();
            VolumeInputs.Loaded in = VolumeInputs.read(s.input(), s.series(), progress);
            say(facts, log, "input: " + s.input() + " (" + in.format() + ")");
            in.notes().forEach(n -> say(facts, log, "note: " + n));
            Volume v = in.volume();
            ValueCensus census = ValueCensus.of(v);
            Mask skull;
            if (census.isBinary() && census.min() >= 0) {
                skull = v.toMask();
                say(facts, log, "input is a skull mask: no threshold step");
            } else {
                skull = SkullExtractor.extract(v, s.design().threshold());
                say(facts, log, String.format(Locale.ROOT, "skull: ≥ %.0f HU, largest component, %,d voxels",
                        s.design().threshold(), skull.count()));
            }
            PredictionInputs.checkGrid(s.input().toString(), skull.shape(), skull.geometry());
            PredictionInputs.checkBone(s.input().toString(), skull);
            say(facts, log, String.format(Locale.ROOT, "read and segmented in %.1f s", seconds(t0)));
            ImplantDesign.Designer designer;
            try {
                designer = new ImplantDesign.Designer(new ImplantDesign.Settings(s.design().mode(), false,
                        s.design().threshold(), s.design().largestComponent()), models);
            } catch (org.autoimplant.core.nodecore.NodeSettingsException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
            String spacing = designer.spacingWarning(s.input().toString(), skull);
            if (spacing != null) {
                say(facts, log, "warning: " + spacing);
            }
            long t1 = System.nanoTime();
            Mask implant = designer.design(skull, progress).implant();
            say(facts, log, String.format(Locale.ROOT, "implant (%s): %,d voxels in %.1f s",
                    s.design().mode().name().toLowerCase(Locale.ROOT), implant.count(), seconds(t1)));
            String w = PredictionInputs.implantWarning("implant", implant, skull);
            if (w != null) {
                say(facts, log, w);
            }
            NrrdWriter.write(implant, staging.resolve("implant.nrrd"));
            NrrdWriter.write(skull, staging.resolve("skull.nrrd"));
            progress.checkCancelled();
            if (implant.count() > 0) {
                say(facts, log, "implant.stl: " + MaskMeshing.writeStl(implant, s.smoothing(),
                        staging.resolve("implant.stl"), Progress.NONE));
            }
            say(facts, log, "skull.stl: " + MaskMeshing.writeStl(skull, s.smoothing(), staging.resolve("skull.stl"),
                    Progress.NONE));
            facts.add("coordinates: the input's patient space (" + (skull.geometry().space() == null ? "unknown"
                    : skull.geometry().space()) + ", mm); NRRD and STL files open aligned");
            DesignReport.write(staging.resolve("report.html"), "AutoImplant design: " + s.input().getFileName(), skull,
                    implant, facts);
            progress.checkCancelled();
            List<Path> files = new ArrayList<>();
            for (String name : OUTPUTS) {
                Path f = staging.resolve(name);
                if (Files.exists(f)) {
                    Path target = s.out().resolve(name);
                    Files.move(f, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                    files.add(target);
                } else {
                    Files.deleteIfExists(s.out().resolve(name)); // an older run's implant.stl must not stay
                }
            }
            return new Result(implant, files, facts);
        } finally {
            delete(staging);
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException e) {
                // shutting down: the hook runs
            }
        }
    }

    private static void say(List<String> facts, Consumer<String> log, String line) {
        facts.add(line);
        log.accept(line);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: a hidden staging folder is all that can remain
        }
    }
}
