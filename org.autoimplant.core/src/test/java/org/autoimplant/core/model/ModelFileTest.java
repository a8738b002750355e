package org.autoimplant.core.model;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.autoimplant.core.volume.Shape;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;

public class ModelFileTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private static final Shape SMALL = new Shape(16, 16, 16);

    private static ComputationGraph trainedALittle(NetworkSpec spec, INDArray in) {
        ComputationGraph g = ImplantNetworks.build(spec);
        INDArray labels = Nd4j.zeros(DataType.FLOAT, 1, 2, 16, 16, 16);
        labels.get(org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.point(0)).assign(1);
        for (int i = 0; i < 3; i++) {
            g.fit(new MultiDataSet(new INDArray[] {in}, new INDArray[] {labels}));
        }
        return g;
    }

    @Test
    public void saveLoadGivesIdenticalPredictionsAndKeepsMetadata() throws IOException {
        NetworkSpec spec = NetworkSpec.paper(Role.N1, 4).withInput(SMALL).withWidth(1.0 / 16);
        INDArray in = Nd4j.rand(DataType.FLOAT, 1, 1, 16, 16, 16);
        ComputationGraph g = trainedALittle(spec, in);
        ModelMetadata meta = ModelMetadata.of(spec, 0, "abc", "test");
        meta.setSteps(3);
        meta.getLosses().addAll(Arrays.asList(0.5, 0.4, 0.3));
        Path f = tmp.getRoot().toPath().resolve("n1.zip");
        ModelFile.save(g, meta, f);
        ModelFile.Loaded back = ModelFile.load(f, Role.N1);
        assertEquals(g.outputSingle(false, in), back.network().outputSingle(false, in));
        // The configuration names our layer classes, so a resumed training runs the same code.
        assertTrue(back.network().getLayer("enc1") instanceof VolumeConvolutionLayer);
        assertTrue(back.network().getLayer("enc1_bn") instanceof VolumeBatchNormLayer);
        // ... with the same layouts: the phase convolutions still hand on channels-last outputs.
        assertTrue(((VolumeConvolution) back.network().getLayer("dec1_up").conf().getLayer()).isChannelsLastOutput());
        assertEquals(1, back.network().feedForward(in, false).get("dec1_up").stride(1));
        assertEquals(3, back.metadata().getSteps());
        assertEquals(SMALL, back.metadata().inputShape());
        assertEquals(Arrays.asList(0.5, 0.4, 0.3), back.metadata().getLosses());
        assertEquals("abc", back.metadata().getDataFingerprint());
        // The Adam state travels too: one more step from the loaded model equals one more step here.
        assertEquals(g.getUpdater().getStateViewArray(), back.network().getUpdater().getStateViewArray());
    }

    @Test
    public void wrongRoleTruncatedOrMissingFilesAreClearErrors() throws IOException {
        NetworkSpec spec = NetworkSpec.paper(Role.N1, 4).withInput(SMALL).withWidth(1.0 / 16);
        Path f = tmp.getRoot().toPath().resolve("n1.zip");
        ModelFile.save(ImplantNetworks.build(spec), ModelMetadata.of(spec, 0, "x", "t"), f);
        IOException role = assertThrows(IOException.class, () -> ModelFile.load(f, Role.N2));
        assertEquals(f + ": is an N1 model, but an N2 model is needed here", role.getMessage());
        byte[] all = Files.readAllBytes(f);
        Path cut = tmp.getRoot().toPath().resolve("cut.zip");
        Files.write(cut, Arrays.copyOf(all, all.length / 2));
        IOException truncated = assertThrows(IOException.class, () -> ModelFile.load(cut, Role.N1));
        assertTrue(truncated.getMessage(), truncated.getMessage().startsWith(cut + ": not a readable model file"));
        IOException missing = assertThrows(IOException.class, () -> ModelFile.load(tmp.getRoot().toPath().resolve("no.zip"),
                Role.N1));
        assertTrue(missing.getMessage(), missing.getMessage().endsWith("no.zip: model file does not exist"));
        Path notOurs = tmp.getRoot().toPath().resolve("plain.zip");
        org.deeplearning4j.util.ModelSerializer.writeModel(ImplantNetworks.build(spec), notOurs.toFile(), false);
        IOException plain = assertThrows(IOException.class, () -> ModelFile.load(notOurs, Role.N1));
        assertTrue(plain.getMessage(), plain.getMessage().contains("not an AutoImplant model"));
    }

    @Test
    public void batchNormUsesRunningStatisticsAtPredictionTime() {
        NetworkSpec spec = NetworkSpec.paper(Role.N1, 4).withInput(SMALL).withWidth(1.0 / 16);
        INDArray a = Nd4j.rand(DataType.FLOAT, 1, 1, 16, 16, 16);
        ComputationGraph g = trainedALittle(spec, a);
        INDArray b = Nd4j.rand(DataType.FLOAT, 1, 1, 16, 16, 16).muli(5);
        INDArray c = Nd4j.rand(DataType.FLOAT, 1, 1, 16, 16, 16).muli(-3);
        INDArray ab = g.outputSingle(false, Nd4j.concat(0, a, b));
        INDArray ac = g.outputSingle(false, Nd4j.concat(0, a, c));
        // Inference: a's output does not depend on its batch companions.
        assertEquals(ab.get(org.nd4j.linalg.indexing.NDArrayIndex.point(0)), ac.get(org.nd4j.linalg.indexing.NDArrayIndex.point(0)));
        INDArray abTrain = g.outputSingle(true, Nd4j.concat(0, a, b));
        INDArray acTrain = g.outputSingle(true, Nd4j.concat(0, a, c));
        // Training mode normalises with batch statistics, so it does.
        assertTrue(!abTrain.get(org.nd4j.linalg.indexing.NDArrayIndex.point(0))
                .equalsWithEps(acTrain.get(org.nd4j.linalg.indexing.NDArrayIndex.point(0)), 1e-4));
    }
}
