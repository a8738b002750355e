package org.autoimplant.core.cli;

import org.autoimplant.core.mesh.MaskMeshing;
import picocli.CommandLine.Option;

/** {@code --smooth N}, shared by every command that writes STL (a picocli mixin). */
final class SmoothingOption {
    @Option(names = "--smooth", defaultValue = "" + MaskMeshing.DEFAULT_SMOOTHING,
            description = "Taubin smoothing iterations of the STL, 0 = the raw voxel surface (default: ${DEFAULT-VALUE}).")
    int smooth;

    /** The iterations, checked. */
    int iterations() {
        if (smooth < 0) {
            throw new IllegalArgumentException("--smooth must be ≥ 0, got " + smooth);
        }
        return smooth;
    }
}
