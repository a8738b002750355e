package org.autoimplant.core.nodecore.learner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.autoimplant.core.model.NetworkSpec;
import org.autoimplant.core.model.Role;
import org.autoimplant.core.model.Trainer;
import org.autoimplant.core.nodecore.NodeSettingsException;
import org.autoimplant.core.nodecore.PathResolver;
import org.autoimplant.core.pipeline.TrainingJobs;
import org.autoimplant.core.pipeline.TrainingPairs;
import org.autoimplant.core.util.Progress;
import org.autoimplant.core.volume.Mask;
import org.autoimplant.core.volume.Shape;

/**
 * The learner nodes (N1, N2, shape completion): pairs from table rows, then the project's training
 * loop (soft Dice, Adam, one random pair per step). N1 and completion pairs are full-resolution
 * rows downsampled to the network input; N2 pairs are the BBox Cropper's crops, already at its
 * input size. With a checkpoint file a cancelled or crashed run resumes where it stopped; without
 * one the model is written to the node's temporary folder.
 */
public final class Learning {

    /**
     * @param input network input size, null for the paper's (128×128×64 N1/completion, 256×256×128 N2)
     * @param margin N2 only: the crop margin the BBox Cropper used, recorded for prediction
     * @param checkpoint model file to save every {@code checkpointEvery} steps and resume from; empty for none
     */
    public record Settings(Role role, long steps, double learningRate, double beta1, double width, Shape input,
            long seed, int margin, String checkpoint, int checkpointEvery, int validateEvery) {

        public Settings {
            checkpoint = checkpoint == null ? "" : checkpoint.strip();
        }

        /** The bundled models' settings (width ¼ for the N1-shaped networks, the paper's N2). */
        public static Settings defaults(Role role) {
            return new Settings(role, 2000, 1e-4, 0.3, role == Role.N2 ? 1.0 : 0.25, null, 0, 20, "", 100, 100);
        }

        public Shape inputOrPaper() {
            return input != null ? input : role.usesN1Architecture() ? NetworkSpec.N1_INPUT : NetworkSpec.N2_INPUT;
        }

        public NetworkSpec spec() throws NodeSettingsException {
            try {
                return new NetworkSpec(role, inputOrPaper(), width, seed, learningRate, beta1, 0);
            } catch (IllegalArgumentException e) {
                throw new NodeSettingsException(e.getMessage());
            }
        }

        public void validate() throws NodeSettingsException {
            NodeSettingsException.require(role != null, "No network role");
            NodeSettingsException.require(steps >= 1, "Train for at least one step");
            NodeSettingsException.require(checkpointEvery >= 1 && validateEvery >= 1,
                    "Checkpoint and validation intervals must be at least one step");
            NodeSettingsException.require(margin >= 0 && margin <= 256, "The crop margin must be 0 … 256 voxels");
            spec();
        }
    }

    private Learning() {
    }

    /** Empty pairs at the network's input size, to be filled row by row with {@link #add}. */
    public static TrainingPairs pairs(Settings s) throws NodeSettingsException {
        return TrainingPairs.of(s.spec().input());
    }

    /** Adds one row: downsampled for N1 and completion, as it is for N2 (crops at the input size). */
    public static void add(Settings s, TrainingPairs pairs, String rowId, Mask input, Mask target) {
        if (s.role() == Role.N2) {
            pairs.addAtSize(rowId, input, target);
        } else {
            pairs.addDownsampled(rowId, input, target);
        }
    }

    /**
     * Trains and returns the model file: the checkpoint when one is set (resumed when it exists and
     * was trained with these settings and data), else {@code workDir/model.zip}.
     */
    public static Path train(Settings s, TrainingPairs train, TrainingPairs val, PathResolver resolver, Path workDir,
            String version, Progress progress, Consumer<String> log) throws IOException, NodeSettingsException {
        s.validate();
        if (train.size() == 0) {
            throw new IOException("The training table has no rows to learn from");
        }
        Path out;
        TrainingJobs.IfModelExists existing;
        if (s.checkpoint().isEmpty()) {
            Files.createDirectories(workDir);
            out = workDir.resolve("model.zip");
            existing = TrainingJobs.IfModelExists.OVERWRITE;
        } else {
            out = resolver.resolve(s.checkpoint());
            existing = TrainingJobs.IfModelExists.RESUME;
        }
        TrainingJobs.trainOnPairs(s.spec(), s.role() == Role.N2 ? s.margin() : 0, train, val,
                new Trainer.Options(s.steps(), s.checkpointEvery(), s.validateEvery(), out), existing, version,
                s.role() == Role.N2 ? "n1" : null, progress, log);
        return out;
    }
}
