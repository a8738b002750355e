package org.autoimplant.core.model;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.util.Random;
import org.autoimplant.core.pipeline.TrainingPairs;
import org.autoimplant.core.util.Progress;
import org.autoimplant.core.volume.Geometry;
import org.autoimplant.core.volume.Mask;
import org.autoimplant.core.volume.Metadata;
import org.autoimplant.core.volume.Shape;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * A cancel (KNIME's: the progress says cancelled and the thread is interrupted) stops training
 * after the current step and still leaves a complete, resumable checkpoint.
 */
public class TrainerCancelTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void cancelOnAnInterruptedThreadStillSavesTheCheckpoint() throws Exception {
        Shape s = new Shape(32, 32, 16);
        NetworkSpec spec = new NetworkSpec(Role.N1, s, 1.0 / 16, 1, 1e-4, 0.3, 0);
        TrainingPairs pairs = TrainingPairs.of(s);
        Random r = new Random(3);
        byte[] in = new byte[(int) s.voxelCount()], target = new byte[in.length];
        for (int i = 0; i < in.length; i++) {
            in[i] = (byte) (r.nextInt(4) == 0 ? 1 : 0);
            target[i] = (byte) (in[i] == 0 && r.nextInt(8) == 0 ? 1 : 0);
        }
        pairs.addAtSize("a", new Mask(s, in, Geometry.ofSpacings(1, 1, 1), Metadata.empty()),
                new Mask(s, target, Geometry.ofSpacings(1, 1, 1), Metadata.empty()));
        Path out = tmp.getRoot().toPath().resolve("checkpoint.zip");
        Progress cancelAfterThree = new Progress() {
            private long done;

            @Override
            public void start(String task, long total) {
            }

            @Override
            public void update(long d, String message) {
                done = d;
            }

            @Override
            public void checkCancelled() {
                if (done >= 3) {
                    Thread.currentThread().interrupt();
                    throw new CancelledException();
                }
            }
        };
        try {
            assertThrows(Progress.CancelledException.class, () -> Trainer.train(ImplantNetworks.build(spec),
                    ModelMetadata.of(spec, 0, "test", "test"), pairs, null, new Trainer.Options(1000, 1000, 1000, out),
                    cancelAfterThree, line -> { }));
            assertTrue("the caller's interrupt must survive the save", Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
        ModelMetadata saved = ModelFile.verify(out);
        assertEquals(3, saved.getSteps());
        assertEquals(3, saved.getLosses().size());
        assertTrue(ModelFile.hasTrainingState(out));
    }
}
