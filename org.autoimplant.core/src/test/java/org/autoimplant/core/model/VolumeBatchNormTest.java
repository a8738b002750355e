package org.autoimplant.core.model;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.Map;
import java.util.Random;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.Cnn3DLossLayer;
import org.deeplearning4j.nn.conf.layers.Convolution3D;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * {@link VolumeBatchNorm} against DL4J's own batch norm (on the reshaped view, followed by an
 * activation layer: the structure the networks had before) with identical parameters: outputs in
 * training and inference mode, every parameter gradient, and the parameters and running statistics
 * after gradient steps, for a batch of two volumes of three channels. In double (the ND4J buffers'
 * double path) to 1e-9, and in float (the float path) to float rounding.
 */
public class VolumeBatchNormTest {
    private static final int CHANNELS = 3;
    private static final long D = 5;
    private static final long H = 6;
    private static final long W = 4;

    private static ComputationGraph graph(boolean fused, DataType type, Activation activation) {
        ComputationGraphConfiguration.GraphBuilder gb = new NeuralNetConfiguration.Builder()
                .seed(7).dataType(type).updater(new Sgd(0.05))
                .convolutionMode(ConvolutionMode.Same)
                .trainingWorkspaceMode(WorkspaceMode.ENABLED).inferenceWorkspaceMode(WorkspaceMode.ENABLED)
                .graphBuilder().addInputs("in")
                .setInputTypes(InputType.convolutional3D(Convolution3D.DataFormat.NCDHW, D, H, W, 2));
        gb.addLayer("conv", new Convolution3D.Builder().kernelSize(3, 3, 3).nOut(CHANNELS)
                .dataFormat(Convolution3D.DataFormat.NCDHW).activation(Activation.IDENTITY).build(), "in");
        String last;
        if (fused) {
            gb.addLayer("conv_bn", new VolumeBatchNorm(CHANNELS, 0.9, 1e-5, activation), "conv");
            last = "conv_bn";
        } else {
            gb.addLayer("conv_bn", new BatchNormalization.Builder().decay(0.9).eps(1e-5).nOut(CHANNELS).build(),
                    new VolumeToImagePreProcessor(CHANNELS, D, H, W), "conv");
            gb.addLayer("conv_act", new ActivationLayer.Builder().activation(activation).build(),
                    new ImageToVolumePreProcessor(CHANNELS, D, H, W), "conv_bn");
            last = "conv_act";
        }
        gb.addLayer("head", new Convolution3D.Builder().kernelSize(3, 3, 3).nOut(2)
                .dataFormat(Convolution3D.DataFormat.NCDHW).activation(Activation.IDENTITY).build(), last);
        gb.addLayer("out", new Cnn3DLossLayer.Builder(Convolution3D.DataFormat.NCDHW)
                .lossFunction(LossFunctions.LossFunction.MSE).activation(Activation.IDENTITY).build(), "head");
        gb.setOutputs("out");
        ComputationGraph g = new ComputationGraph(gb.build());
        g.init();
        return g;
    }

    /** A DL4J graph and a fused one with the same parameters, random γ, β and running statistics. */
    private static ComputationGraph[] pair(DataType type, Activation activation) {
        ComputationGraph reference = graph(false, type, activation);
        ComputationGraph fused = graph(true, type, activation);
        Random r = new Random(11);
        Map<String, INDArray> bn = reference.getLayer("conv_bn").paramTable();
        for (Map.Entry<String, INDArray> p : bn.entrySet()) {
            for (long c = 0; c < CHANNELS; c++) {
                double v = switch (p.getKey()) {
                    case "gamma" -> 0.5 + r.nextDouble();
                    case "beta", "mean" -> 0.3 * r.nextGaussian();
                    default -> -0.5 + 0.3 * r.nextDouble(); // log10 of the running deviation
                };
                p.getValue().putScalar(c, v);
            }
        }
        fused.setParams(reference.params().dup());
        return new ComputationGraph[] {reference, fused};
    }

    private static MultiDataSet data(DataType type) {
        Nd4j.getRandom().setSeed(3);
        INDArray in = Nd4j.rand(type, 2, 2, D, H, W).subi(0.3);
        INDArray labels = Nd4j.rand(type, 2, 2, D, H, W);
        return new MultiDataSet(new INDArray[] {in}, new INDArray[] {labels});
    }

    private static double maxRelative(INDArray expected, INDArray actual) {
        INDArray e = expected.castTo(DataType.DOUBLE);
        INDArray a = actual.castTo(DataType.DOUBLE);
        double scale = Math.max(1e-12, e.amaxNumber().doubleValue());
        return e.sub(a).amaxNumber().doubleValue() / scale;
    }

    private static void compare(DataType type, Activation activation, double tolerance) {
        ComputationGraph[] g = pair(type, activation);
        MultiDataSet data = data(type);
        INDArray in = data.getFeatures(0);
        for (boolean training : new boolean[] {true, false}) {
            INDArray expected = g[0].feedForward(in, training).get("head");
            INDArray actual = g[1].feedForward(in, training).get("head");
            assertTrue((training ? "training" : "inference") + " output",
                    maxRelative(expected, actual) < tolerance);
        }
        g[0].setInputs(in);
        g[0].setLabels(data.getLabels(0));
        g[0].computeGradientAndScore();
        g[1].setInputs(in);
        g[1].setLabels(data.getLabels(0));
        g[1].computeGradientAndScore();
        assertEquals(g[0].score(), g[1].score(), tolerance * Math.abs(g[0].score()));
        Gradient expected = g[0].gradient();
        Gradient actual = g[1].gradient();
        for (String key : new String[] {"conv_bn_gamma", "conv_bn_beta", "conv_W", "head_W", "head_b"}) {
            assertTrue(key, maxRelative(expected.getGradientFor(key), actual.getGradientFor(key)) < tolerance);
        }
        // Batch statistics cancel any shift before the norm: the convolution bias gets no gradient.
        double weightScale = expected.getGradientFor("conv_W").amaxNumber().doubleValue();
        assertEquals(0, expected.getGradientFor("conv_b").amaxNumber().doubleValue() / weightScale, tolerance);
        assertEquals(0, actual.getGradientFor("conv_b").amaxNumber().doubleValue() / weightScale, tolerance);
        // Three plain gradient steps (Adam would blow the bias's rounding-noise gradient up to full
        // steps): parameters, running mean and running deviation move alike.
        for (int i = 0; i < 3; i++) {
            g[0].fit(data);
            g[1].fit(data);
        }
        for (String p : new String[] {"gamma", "beta", "mean", "log10stdev"}) {
            INDArray e = g[0].getLayer("conv_bn").getParam(p);
            INDArray a = g[1].getLayer("conv_bn").getParam(p);
            assertTrue(p + " after training", maxRelative(e, a) < 10 * tolerance);
        }
        assertTrue("all parameters after training", maxRelative(g[0].params(), g[1].params()) < 10 * tolerance);
    }

    @Test
    public void matchesDl4jBatchNormAndReluInDouble() {
        compare(DataType.DOUBLE, Activation.RELU, 1e-9);
    }

    @Test
    public void matchesDl4jBatchNormWithoutActivationInDouble() {
        compare(DataType.DOUBLE, Activation.IDENTITY, 1e-9);
    }

    @Test
    public void matchesDl4jBatchNormAndReluInFloat() {
        compare(DataType.FLOAT, Activation.RELU, 1e-4);
    }

    @Test
    public void configurationSurvivesJson() {
        ComputationGraph g = graph(true, DataType.FLOAT, Activation.RELU);
        ComputationGraphConfiguration back = ComputationGraphConfiguration.fromJson(g.getConfiguration().toJson());
        assertEquals(g.getConfiguration(), back);
        ComputationGraph restored = new ComputationGraph(back);
        restored.init(g.params().dup(), false);
        INDArray in = data(DataType.FLOAT).getFeatures(0);
        assertTrue(restored.getLayer("conv_bn") instanceof VolumeBatchNormLayer);
        assertEquals(g.outputSingle(false, in), restored.outputSingle(false, in));
    }
}
