package org.autoimplant.core.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.autoimplant.core.data.SkullExtractor;
import org.autoimplant.core.io.NrrdWriter;
import org.autoimplant.core.io.Outputs;
import org.autoimplant.core.ops.MaskOps;
import org.autoimplant.core.volume.Mask;
import org.autoimplant.core.volume.Volume;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code autoimplant skull CT SKULL}: binary skull from a CT in Hounsfield units. */
@Command(name = "skull", mixinStandardHelpOptions = true,
        description = {"Extract the binary skull from a CT in Hounsfield units: voxels at or above the threshold,"
                + " then only the largest 26-connected component (drops the CT table and head holder)."},
        footer = {"", "Examples:", "  autoimplant skull head-ct.nrrd skull.nrrd --threshold 150",
            "  autoimplant skull dicom/study-42 skull.nrrd"})
final class SkullCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "CT", description = "CT in HU: NRRD file, or DICOM folder or file.")
    Path ct;

    @Mixin
    SeriesOption series;

    @Parameters(index = "1", paramLabel = "SKULL", description = "Output mask (NRRD, unsigned char 0/1).")
    Path out;

    @Option(names = "--threshold", defaultValue = "150",
            description = "Bone threshold in HU (default: ${DEFAULT-VALUE}, as the paper).")
    double threshold;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Outputs.check(java.util.List.of(ct), java.util.List.of(out));
        Volume v = series.read(ct, spec.commandLine().getOut()).volume();
        long bone = MaskOps.threshold(v, threshold).count();
        Mask skull = SkullExtractor.extract(v, threshold);
        NrrdWriter.write(skull, out);
        spec.commandLine().getOut().printf(Locale.ROOT, "%,d voxels ≥ %s HU; kept the largest component, %,d voxels"
                + " (%,d dropped)%n", bone, InfoCommand.num(threshold), skull.count(), bone - skull.count());
        return 0;
    }
}
