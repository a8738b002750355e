package org.autoimplant.core.cli;

import java.nio.file.Path;
import org.autoimplant.core.model.NetworkSpec;
import org.autoimplant.core.model.Role;
import org.autoimplant.core.model.Trainer;
import org.autoimplant.core.pipeline.TrainingJobs;
import org.autoimplant.core.volume.Shape;
import picocli.CommandLine.Option;

/** Options every training command shares (a picocli mixin). */
final class TrainingOptions {
    @Option(names = "--data", required = true, description = "Training set in the AutoImplant layout.")
    Path data;

    @Option(names = "--out", required = true, description = "Model file to write (zip), saved every --checkpoint-every steps;"
            + " an existing one needs --resume or --overwrite.")
    Path out;

    @Option(names = "--val", description = "Validation set (same layout); its DSC is logged every --validate-every steps.")
    Path val;

    @Option(names = "--steps", defaultValue = "10000", description = "Training steps, one random case each (default: ${DEFAULT-VALUE}).")
    long steps;

    @Option(names = "--width", defaultValue = "1.0",
            description = "Channel width factor; 1 = the paper, 0.125 for fast small copies (default: ${DEFAULT-VALUE}).")
    double width;

    @Option(names = "--input", converter = ShapeConverter.class, paramLabel = "X,Y,Z",
            description = "Network input size (default: the paper's, 128,128,64 for N1 and 256,256,128 for N2).")
    Shape input;

    @Option(names = "--lr", defaultValue = "1e-4", description = "Adam learning rate (default: ${DEFAULT-VALUE}).")
    double lr;

    @Option(names = "--beta1", defaultValue = "0.3", description = "Adam beta1 (default: ${DEFAULT-VALUE}).")
    double beta1;

    @Option(names = "--l2", defaultValue = "0",
            description = "L2 weight on convolutions, ten times on deconvolutions (default: ${DEFAULT-VALUE}, off as in the reference).")
    double l2;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of weights and case order (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--checkpoint-every", defaultValue = "100", description = "Save every N steps (default: ${DEFAULT-VALUE}).")
    int checkpointEvery;

    @Option(names = "--validate-every", defaultValue = "100", description = "Validate every N steps (default: ${DEFAULT-VALUE}).")
    int validateEvery;

    @Option(names = "--resume", description = "Continue training the model in --out (same settings and data) if there is one.")
    boolean resume;

    @Option(names = "--overwrite", description = "Start a new model even if --out exists (it is replaced at the first checkpoint).")
    boolean overwrite;

    /** Without --resume or --overwrite an existing --out is refused: a trained model is never replaced by accident. */
    TrainingJobs.IfModelExists ifModelExists() {
        if (resume && overwrite) {
            throw new IllegalArgumentException("--resume and --overwrite contradict each other: choose one");
        }
        return resume ? TrainingJobs.IfModelExists.RESUME : overwrite ? TrainingJobs.IfModelExists.OVERWRITE
                : TrainingJobs.IfModelExists.REFUSE;
    }

    NetworkSpec spec(Role role) {
        Shape in = input != null ? input : role.usesN1Architecture() ? NetworkSpec.N1_INPUT : NetworkSpec.N2_INPUT;
        return new NetworkSpec(role, in, width, seed, lr, beta1, l2);
    }

    Trainer.Options trainerOptions() {
        return new Trainer.Options(steps, checkpointEvery, validateEvery, out);
    }
}
