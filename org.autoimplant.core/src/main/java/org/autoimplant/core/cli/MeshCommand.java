package org.autoimplant.core.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.autoimplant.core.io.NrrdReader;
import org.autoimplant.core.io.Outputs;
import org.autoimplant.core.mesh.MaskMeshing;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code autoimplant mesh IMPLANT.nrrd OUT.stl}: a printable surface of a mask. */
@Command(name = "mesh", mixinStandardHelpOptions = true,
        description = {"Write the surface of a mask (an implant) as binary STL in millimetres (the file's spacing,"
                + " directions and origin applied): marching tetrahedra, closed and outward-oriented, then"
                + " volume-preserving Taubin smoothing."},
        footer = {"", "Example:", "  autoimplant mesh predictions/000.nrrd implant-000.stl --smooth 20"})
final class MeshCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "MASK", description = "Mask (NRRD; any value > 0 is inside).")
    Path in;

    @Parameters(index = "1", paramLabel = "OUT.stl", description = "STL file to write.")
    Path out;

    @Mixin
    SmoothingOption smoothing;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        int smooth = smoothing.iterations();
        Outputs.check(java.util.List.of(in), java.util.List.of(out));
        String summary = MaskMeshing.writeStl(NrrdReader.readMask(in), smooth, out, new ConsoleProgress());
        spec.commandLine().getOut().println(out + ": " + summary);
        return 0;
    }
}
