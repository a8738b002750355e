package org.autoimplant.core.model;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.autoimplant.core.volume.Shape;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;

/**
 * A model file written before the networks used {@link VolumeBatchNorm} and phase-form transposed
 * convolutions (a small N2 trained 12 steps by the code of commit b5efee6, generator beside the
 * fixture): it still loads, its inference form (weights converted by {@link BatchNormFolding}) gives
 * its own network's probabilities, and it still trains (resume).
 */
public class LegacyModelFileTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private static final Shape INPUT = new Shape(64, 64, 32);

    /** The shell the fixture was trained on: its left part is the input, its right part the target. */
    private static byte[] shell(boolean left) {
        byte[] m = new byte[INPUT.voxelCount()];
        for (int z = 0; z < 32; z++) {
            for (int y = 0; y < 64; y++) {
                for (int x = 0; x < 64; x++) {
                    double r = Math.sqrt((x - 31.5) * (x - 31.5) + (y - 31.5) * (y - 31.5) + 4 * (z - 15.5) * (z - 15.5));
                    m[(z * 64 + y) * 64 + x] = (byte) (r > 20 && r < 26 && (x > 20) == left ? 1 : 0);
                }
            }
        }
        return m;
    }

    private Path fixture() throws Exception {
        Path f = tmp.getRoot().toPath().resolve("n2-b5efee6.zip");
        try (InputStream in = getClass().getResourceAsStream("n2-b5efee6.zip")) {
            Files.copy(in, f);
        }
        return f;
    }

    @Test
    public void oldModelFilePredictsAsItsOwnNetworkAndResumes() throws Exception {
        ModelFile.Loaded m = ModelFile.load(fixture(), Role.N2);
        ComputationGraph old = m.network();
        // It is the old structure: zero insertion + kernel-4 convolutions, DL4J batch norm.
        assertEquals(4, old.getLayer("dec1_up").getParam("W").size(2));
        assertTrue(old.getVertex("dec1_up_relu") != null);
        byte[] input = shell(true);
        INDArray expected = old.outputSingle(false, Tensors.input(input, INPUT)).permute(0, 2, 3, 4, 1);
        InferenceNetwork net = m.inferenceNetwork();
        INDArray actual = net.probabilities(input);
        double diff = expected.sub(actual).amaxNumber().doubleValue();
        assertTrue("probabilities differ by " + diff, diff < 1e-4);
        // The fixture's training moved the output off the uniform 0.5, so the comparison says something.
        double spread = expected.maxNumber().doubleValue() - expected.minNumber().doubleValue();
        assertTrue("probability spread " + spread, spread > 0.05);
        // Resume: the old graph trains on.
        MultiDataSet pair = new MultiDataSet(new INDArray[] {Tensors.input(input, INPUT)},
                new INDArray[] {Tensors.labels(shell(false), INPUT)});
        old.fit(pair);
        assertTrue(Double.isFinite(old.score()));
    }
}
