package org.autoimplant.core.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.autoimplant.core.model.Backends;
import org.autoimplant.core.model.Role;
import org.autoimplant.core.nodecore.design.ImplantDesign;
import org.autoimplant.core.pipeline.DesignJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code autoimplant design CT_OR_SKULL --out DIR}: from a scanner's series to implant and STL files. */
@Command(name = "design", mixinStandardHelpOptions = true,
        description = {"Design the implant for a defective skull from its CT (a DICOM folder or file, or NRRD, in"
                + " Hounsfield units) or its skull mask: skull (threshold, largest component; skipped for a mask) →"
                + " implant → implant.nrrd, implant.stl, skull.nrrd, skull.stl and report.html in DIR, in the CT's"
                + " own patient coordinates (left-posterior-superior mm), so they open aligned in 3D Slicer or a CAD"
                + " tool. Uses the bundled models unless given others. An interrupted run leaves no partial output."},
        footer = {"", "Examples:", "  autoimplant design dicom/study-42 --out patient-42",
            "  autoimplant design head-ct.nrrd --out out --mode completion --threshold 200",
            "  autoimplant design samples/skullfix-024/defective_skull/024.nrrd --out sample-design"})
final class DesignCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "CT_OR_SKULL", description = "DICOM folder or file, or NRRD: a CT in HU or a"
            + " binary skull mask.")
    Path in;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the outputs.")
    Path out;

    @Option(names = "--mode", defaultValue = "direct", description = "direct (N1 + N2, the paper) or completion (fills"
            + " defects anywhere) (default: ${DEFAULT-VALUE}).")
    String mode;

    @Option(names = "--threshold", defaultValue = "150", description = "Bone threshold in HU for a CT input (default:"
            + " ${DEFAULT-VALUE}, as the paper).")
    double threshold;

    @Option(names = "--largest-component", description = "Keep only the largest connected part of the implant.")
    boolean largest;

    @Mixin
    ModelOptions models;

    @Mixin
    SeriesOption series;

    @Mixin
    SmoothingOption smoothing;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter pw = spec.commandLine().getOut();
        ImplantDesign.Mode m = switch (mode.toLowerCase(Locale.ROOT)) {
            case "direct" -> ImplantDesign.Mode.DIRECT;
            case "completion" -> ImplantDesign.Mode.COMPLETION;
            default -> throw new IllegalArgumentException("--mode must be direct or completion, not '" + mode + "'");
        };
        if (!Double.isFinite(threshold)) {
            throw new IllegalArgumentException("--threshold must be a number of HU");
        }
        pw.println(Backends.describe());
        ImplantDesign.Models loaded = m == ImplantDesign.Mode.DIRECT
                ? new ImplantDesign.Models(models.load(Role.N1, pw), models.load(Role.N2, pw), null)
                : new ImplantDesign.Models(null, null, models.load(Role.COMPLETION, pw));
        DesignJob.Result r = DesignJob.run(new DesignJob.Settings(in, series.series, out,
                new ImplantDesign.Settings(m, true, threshold, largest), smoothing.iterations()), loaded,
                new ConsoleProgress(), pw::println);
        for (Path f : r.files()) {
            pw.println("wrote " + f);
        }
        return 0;
    }
}
