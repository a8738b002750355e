package org.autoimplant.core.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.autoimplant.core.io.NrrdReader;
import org.autoimplant.core.io.NrrdWriter;
import org.autoimplant.core.io.Outputs;
import org.autoimplant.core.ops.Resampler;
import org.autoimplant.core.volume.Shape;
import org.autoimplant.core.volume.Volume;
import org.autoimplant.core.volume.VoxelType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code autoimplant resample IN OUT --size X,Y,Z}: spline resampling as scipy.ndimage.zoom. */
@Command(name = "resample", mixinStandardHelpOptions = true,
        description = {"Resample a volume to another size by B-spline interpolation, as scipy.ndimage.zoom"
                + " (mode 'constant', corner-aligned grid). The spacing in the output header is scaled to match."},
        footer = {"", "Example (the paper's downsampling):",
            "  autoimplant resample defective_skull/000.nrrd small.nrrd --size 128,128,64 --order 2"})
final class ResampleCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "IN", description = "Input NRRD file.")
    Path in;

    @Parameters(index = "1", paramLabel = "OUT", description = "Output NRRD file.")
    Path out;

    @Option(names = "--size", required = true, converter = ShapeConverter.class, paramLabel = "X,Y,Z",
            description = "Output size in voxels.")
    Shape size;

    @Option(names = "--order", defaultValue = "2", description = "Spline order 0-3 (default: ${DEFAULT-VALUE}).")
    int order;

    @Option(names = "--type", converter = ConvertCommand.TypeConverter.class,
            description = "Output voxel type (default: the input's, rounded as scipy rounds).")
    VoxelType type;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (order < 0 || order > 3) {
            throw new IllegalArgumentException("--order must be 0, 1, 2 or 3, not " + order);
        }
        Outputs.check(java.util.List.of(in), java.util.List.of(out));
        Volume v = NrrdReader.read(in);
        long t0 = System.nanoTime();
        Volume r = Resampler.resample(v, size, order, type != null ? type : v.type());
        double seconds = (System.nanoTime() - t0) / 1e9;
        NrrdWriter.write(r, out);
        spec.commandLine().getOut().printf(java.util.Locale.ROOT, "%s → %s, order %d, %.2f s%n", v.shape(), r.shape(),
                order, seconds);
        return 0;
    }
}
