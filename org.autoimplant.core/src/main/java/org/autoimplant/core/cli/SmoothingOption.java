package org.autoimplant.core.cli;

import org.autoimplant.core.mesh.MaskMeshing;
import org.autoimplant.core.mesh.TaubinSmoothing;
import picocli.CommandLine.Option;

/** {@code --smooth N}, shared by every command that writes STL (a picocli mixin). */
final class SmoothingOption {
    @Option(names = "--smooth", defaultValue = "" + MaskMeshing.DEFAULT_SMOOTHING,
            description = "Taubin smoothing iterations of the STL, 0 = the raw voxel surface, at most "
                    + TaubinSmoothing.MAX_ITERATIONS + "; the enclosed volume is kept (default: ${DEFAULT-VALUE}).")
    int smooth;

    /** The iterations, checked. */
    int iterations() {
        if (smooth < 0 || smooth > TaubinSmoothing.MAX_ITERATIONS) {
            throw new IllegalArgumentException("--smooth must be 0 … " + TaubinSmoothing.MAX_ITERATIONS + ", got " + smooth
                    + " (10–50 remove the voxel staircase; more only round the implant away)");
        }
        return smooth;
    }
}
