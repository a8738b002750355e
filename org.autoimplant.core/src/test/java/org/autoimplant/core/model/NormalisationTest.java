package org.autoimplant.core.model;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import org.autoimplant.core.volume.Shape;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Batch norm at prediction: CASE computes what the trained graph computes in training mode (each
 * case's own statistics) and leaves the model untouched; RUNNING is the folded form; the choice
 * travels in the model file's metadata.
 */
public class NormalisationTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void caseStatisticsAreTrainingModeOutputsAndRunningOnesTheFoldedForm() {
        NetworkSpec spec = new NetworkSpec(Role.N1, new Shape(32, 32, 16), 0.125, 5, 1e-3, 0.3, 0);
        ComputationGraph g = ImplantNetworks.build(spec);
        Shape s = spec.input();
        Nd4j.getRandom().setSeed(11);
        byte[] mask = new byte[(int) s.voxelCount()];
        for (int i = 0; i < mask.length; i++) {
            mask[i] = (byte) ((i * 2654435761L >>> 7) % 5 == 0 ? 1 : 0);
        }
        INDArray in = Tensors.input(mask, s);
        INDArray labels = Tensors.labels(mask, s);
        for (int i = 0; i < 5; i++) {
            g.fit(new MultiDataSet(new INDArray[] {in}, new INDArray[] {labels}));
        }
        INDArray params = g.params().dup();
        INDArray trainingMode = g.outputSingle(true, in).dup();
        g.setParams(params.dup()); // a training-mode pass may move the running statistics: undo it
        INDArray inferenceMode = g.outputSingle(false, in).dup();

        InferenceNetwork caseNet = InferenceNetwork.of(g, spec, Normalisation.CASE);
        assertEquals(Normalisation.CASE, caseNet.normalisation());
        INDArray p = caseNet.probabilities(mask); // channels-last [1, z, y, x, 2]
        assertArrayEquals(new long[] {1, s.nz(), s.ny(), s.nx(), 2}, p.shape());
        assertEquals(0, p.permute(0, 4, 1, 2, 3).sub(trainingMode).amaxNumber().doubleValue(), 1e-5);
        assertArrayEquals(Tensors.argmax(trainingMode), caseNet.segment(mask));
        caseNet.segment(mask);
        assertEquals("the loaded model is not changed by case-statistics predictions", params, g.params());

        InferenceNetwork running = InferenceNetwork.of(g, spec, Normalisation.RUNNING);
        assertEquals(0, running.probabilities(mask).permute(0, 4, 1, 2, 3).sub(inferenceMode).amaxNumber().doubleValue(),
                1e-4);
        // After five steps the two statistics differ, so the two forms must give different outputs.
        assertTrue(trainingMode.sub(inferenceMode).amaxNumber().doubleValue() > 1e-3);
    }

    @Test
    public void theChoiceTravelsInTheModelFile() throws Exception {
        NetworkSpec spec = new NetworkSpec(Role.COMPLETION, new Shape(32, 32, 16), 0.125, 5, 1e-3, 0.3, 0);
        ComputationGraph g = ImplantNetworks.build(spec);
        ModelMetadata meta = ModelMetadata.of(spec, 0, "f", "test");
        Path f = tmp.getRoot().toPath().resolve("m.zip");
        ModelFile.save(g, meta, f);
        assertEquals("files that say nothing: running", Normalisation.RUNNING, ModelFile.load(f, Role.COMPLETION)
                .metadata().normalisation());
        meta.setNormalisation("case");
        ModelFile.save(g, meta, f, false);
        ModelFile.Loaded back = ModelFile.load(f, Role.COMPLETION);
        assertEquals(Normalisation.CASE, back.metadata().normalisation());
        assertEquals(Normalisation.CASE, back.inferenceNetwork().normalisation());
        assertEquals(Normalisation.CASE, Normalisation.parse(" CASE "));
        IllegalArgumentException e = org.junit.Assert.assertThrows(IllegalArgumentException.class,
                () -> Normalisation.parse("batch"));
        assertFalse(e.getMessage(), e.getMessage().isBlank());
        assertTrue(e.getMessage(), e.getMessage().contains("running or case"));
    }
}
