package org.autoimplant.core.model;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.util.Map;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Cnn3DLossLayer;
import org.deeplearning4j.nn.conf.layers.Convolution3D;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * {@link SpaceToDepthConvolution} against the same layers computed directly (DL4J's path, same
 * parameters): outputs, score and every gradient, kernels 3 and 5, 1 and 2 channels, in double
 * (libnd4j's own convolution) and float (oneDNN's); odd sizes fall back to the direct path.
 */
public class SpaceToDepthConvolutionTest {
    private static ComputationGraph graph(boolean spaceToDepth, int kernel, DataType type, long d, long h, long w) {
        ComputationGraphConfiguration.GraphBuilder gb = new NeuralNetConfiguration.Builder()
                .seed(3).dataType(type).updater(new Sgd(0.1)).convolutionMode(ConvolutionMode.Same)
                .trainingWorkspaceMode(WorkspaceMode.ENABLED).inferenceWorkspaceMode(WorkspaceMode.ENABLED)
                .graphBuilder().addInputs("in")
                .setInputTypes(InputType.convolutional3D(Convolution3D.DataFormat.NCDHW, d, h, w, 2));
        // z computes directly in both graphs: its gradients check the input gradient of a.
        gb.addLayer("z", new VolumeConvolution(new Convolution3D.Builder().kernelSize(3, 3, 3).nOut(2)
                .dataFormat(Convolution3D.DataFormat.NCDHW).convolutionMode(ConvolutionMode.Same)
                .activation(Activation.IDENTITY)), "in");
        String last = "z";
        for (String[] layer : new String[][] {{"a", "2"}, {"b", "1"}, {"c", "2"}}) {
            VolumeConvolution c = new VolumeConvolution(new Convolution3D.Builder().kernelSize(kernel, kernel, kernel)
                    .nOut(Integer.parseInt(layer[1])).dataFormat(Convolution3D.DataFormat.NCDHW)
                    .convolutionMode(ConvolutionMode.Same).activation(Activation.IDENTITY));
            c.setSpaceToDepth(spaceToDepth);
            gb.addLayer(layer[0], c, last);
            last = layer[0];
        }
        gb.addLayer("out", new Cnn3DLossLayer.Builder(Convolution3D.DataFormat.NCDHW)
                .lossFunction(LossFunctions.LossFunction.MSE).activation(Activation.IDENTITY).build(), last);
        gb.setOutputs("out");
        ComputationGraph g = new ComputationGraph(gb.build());
        g.init();
        return g;
    }

    /** Largest |a − b| relative to the largest |a|. */
    private static double relativeError(INDArray expected, INDArray actual) {
        INDArray e = expected.castTo(DataType.DOUBLE);
        return e.sub(actual.castTo(DataType.DOUBLE)).amaxNumber().doubleValue() / e.amaxNumber().doubleValue();
    }

    private static void check(int kernel, DataType type, double tolerance) {
        long d = 6, h = 8, w = 4;
        ComputationGraph direct = graph(false, kernel, type, d, h, w);
        ComputationGraph ours = graph(true, kernel, type, d, h, w);
        ours.setParams(direct.params());
        Nd4j.getRandom().setSeed(kernel);
        INDArray in = Nd4j.randn(type, 2, 2, d, h, w);
        INDArray labels = Nd4j.randn(type, 2, 2, d, h, w);
        for (String layer : new String[] {"a", "b", "c"}) {
            Map<String, INDArray> acts = ours.feedForward(in, false);
            INDArray layerInput = acts.get(layer.equals("a") ? "z" : layer.equals("b") ? "a" : "b");
            assertNotNull(layer + " runs space-to-depth",
                    SpaceToDepthConvolution.of((Convolution3D) ours.getLayer(layer).conf().getLayer(), layerInput));
        }
        for (boolean training : new boolean[] {false, true}) {
            Map<String, INDArray> expected = direct.feedForward(in, training);
            Map<String, INDArray> actual = ours.feedForward(in, training);
            for (String layer : new String[] {"z", "a", "b", "c"}) {
                assertEquals(type + " k" + kernel + " " + layer, 0, relativeError(expected.get(layer), actual.get(layer)),
                        tolerance);
            }
        }
        direct.setInputs(in);
        direct.setLabels(labels);
        direct.computeGradientAndScore();
        ours.setInputs(in);
        ours.setLabels(labels);
        ours.computeGradientAndScore();
        assertEquals(direct.score(), ours.score(), tolerance * direct.score());
        for (String key : direct.gradient().gradientForVariable().keySet()) {
            INDArray expected = direct.gradient().getGradientFor(key);
            assertTrue(key + " not zero", expected.amaxNumber().doubleValue() > 0);
            assertEquals(type + " k" + kernel + " gradient " + key, 0,
                    relativeError(expected, ours.gradient().getGradientFor(key)), tolerance);
        }
    }

    @Test
    public void oddSizesComputeDirectly() {
        ComputationGraph direct = graph(false, 3, DataType.DOUBLE, 5, 8, 4);
        ComputationGraph ours = graph(true, 3, DataType.DOUBLE, 5, 8, 4);
        ours.setParams(direct.params());
        INDArray in = Nd4j.randn(DataType.DOUBLE, 1, 2, 5, 8, 4);
        assertNull(SpaceToDepthConvolution.of((Convolution3D) ours.getLayer("a").conf().getLayer(), in));
        assertEquals(direct.outputSingle(in), ours.outputSingle(in));
    }

    @Test
    public void configurationKeepsTheFormInJson() {
        ComputationGraphConfiguration conf = graph(true, 3, DataType.FLOAT, 6, 8, 4).getConfiguration();
        ComputationGraphConfiguration back = ComputationGraphConfiguration.fromJson(conf.toJson());
        assertEquals(conf, back);
        assertTrue(((VolumeConvolution) ((org.deeplearning4j.nn.conf.graph.LayerVertex) back.getVertices().get("a"))
                .getLayerConf().getLayer()).isSpaceToDepth());
    }

    @Test
    public void sameAsTheDirectConvolutionInDouble() {
        check(3, DataType.DOUBLE, 1e-12);
        check(5, DataType.DOUBLE, 1e-12);
    }

    @Test
    public void sameAsTheDirectConvolutionInFloat() {
        check(3, DataType.FLOAT, 1e-5);
        check(5, DataType.FLOAT, 1e-5);
    }
}
