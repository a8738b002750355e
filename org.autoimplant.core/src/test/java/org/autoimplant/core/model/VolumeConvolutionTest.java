package org.autoimplant.core.model;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Cnn3DLossLayer;
import org.deeplearning4j.nn.conf.layers.Convolution3D;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.nd4j.linalg.profiler.OpProfiler;
import org.nd4j.linalg.profiler.ProfilerConfig;

/**
 * {@link VolumeConvolution} against DL4J's {@link Convolution3D} with the same parameters: the same
 * outputs, the same score and bit-identical gradients (every parameter, both data formats, linear
 * and ReLU layers), and one forward convolution per layer instead of two in a training step.
 */
public class VolumeConvolutionTest {
    private static final long D = 6;
    private static final long H = 5;
    private static final long W = 4;

    private static Layer conv(boolean ours, int kernel, int stride, int out, Activation activation,
            Convolution3D.DataFormat format) {
        Convolution3D.Builder b = new Convolution3D.Builder().kernelSize(kernel, kernel, kernel)
                .stride(stride, stride, stride).nOut(out).dataFormat(format).activation(activation);
        return ours ? new VolumeConvolution(b) : b.build();
    }

    private static ComputationGraph graph(boolean ours, Activation activation, Convolution3D.DataFormat format) {
        return graph(ours, activation, format, false, DataType.DOUBLE);
    }

    /** {@code channelsLast}: layers a and b hand on their outputs stored channels-last. */
    private static ComputationGraph graph(boolean ours, Activation activation, Convolution3D.DataFormat format,
            boolean channelsLast, DataType type) {
        ComputationGraphConfiguration.GraphBuilder gb = new NeuralNetConfiguration.Builder()
                .seed(11).dataType(type).updater(new Sgd(0.1))
                .convolutionMode(ConvolutionMode.Same)
                .trainingWorkspaceMode(WorkspaceMode.ENABLED).inferenceWorkspaceMode(WorkspaceMode.ENABLED)
                .graphBuilder().addInputs("in")
                .setInputTypes(InputType.convolutional3D(format, D, H, W, 2));
        Layer a = conv(ours, 3, 1, 3, activation, format);
        Layer b = conv(ours, 2, 2, 4, activation, format);
        if (channelsLast) {
            ((VolumeConvolution) a).setChannelsLastOutput(true);
            ((VolumeConvolution) b).setChannelsLastOutput(true);
        }
        gb.addLayer("a", a, "in");
        gb.addLayer("b", b, "a");
        gb.addLayer("c", conv(ours, 3, 1, 2, Activation.IDENTITY, format), "b");
        gb.addLayer("out", new Cnn3DLossLayer.Builder(format).lossFunction(LossFunctions.LossFunction.MSE)
                .activation(Activation.IDENTITY).build(), "c");
        gb.setOutputs("out");
        ComputationGraph g = new ComputationGraph(gb.build());
        g.init();
        return g;
    }

    private static void check(Activation activation, Convolution3D.DataFormat format) {
        ComputationGraph reference = graph(false, activation, format);
        ComputationGraph ours = graph(true, activation, format);
        assertTrue(ours.getLayer("a") instanceof VolumeConvolutionLayer);
        ours.setParams(reference.params());
        boolean first = format == Convolution3D.DataFormat.NCDHW;
        long[] inShape = first ? new long[] {2, 2, D, H, W} : new long[] {2, D, H, W, 2};
        long[] outShape = first ? new long[] {2, 2, D / 2, H / 2 + 1, W / 2} : new long[] {2, D / 2, H / 2 + 1, W / 2, 2};
        Nd4j.getRandom().setSeed(5);
        INDArray in = Nd4j.randn(DataType.DOUBLE, inShape);
        INDArray labels = Nd4j.randn(DataType.DOUBLE, outShape);
        assertEquals(reference.outputSingle(false, in), ours.outputSingle(false, in));

        long referenceForwards = forwardConvolutions(reference, in, labels);
        long ourForwards = forwardConvolutions(ours, in, labels);
        assertEquals(reference.score(), ours.score(), 0);
        // Bit for bit: the same ops on the same arrays, one of them not recomputed.
        assertEquals(reference.gradient().gradient(), ours.gradient().gradient());
        assertTrue("gradients not all zero", ours.gradient().gradient().amaxNumber().doubleValue() > 0);
        assertEquals("DL4J's layers convolve twice", 6, referenceForwards);
        assertEquals(activation == Activation.IDENTITY ? 3 : 5, ourForwards);
    }

    /** Forward convolutions run by one gradient computation. */
    private static long forwardConvolutions(ComputationGraph g, INDArray in, INDArray labels) {
        g.setInputs(in);
        g.setLabels(labels);
        OpProfiler.getInstance().reset();
        Nd4j.getExecutioner().setProfilingConfig(ProfilerConfig.builder().checkElapsedTime(true).build());
        try {
            g.computeGradientAndScore();
        } finally {
            Nd4j.getExecutioner().setProfilingConfig(ProfilerConfig.builder().build());
        }
        return OpProfiler.getInstance().getOpCounter().getCount("conv3dnew");
    }

    @Test
    public void linearLayersChannelsFirst() {
        check(Activation.IDENTITY, Convolution3D.DataFormat.NCDHW);
    }

    @Test
    public void linearLayersChannelsLast() {
        check(Activation.IDENTITY, Convolution3D.DataFormat.NDHWC);
    }

    /**
     * Channels-first layers whose forward outputs are stored channels-last: the same values (the
     * readers here are DL4J's, which take any strides), bit-identical gradients.
     */
    @Test
    public void channelsLastOutputIsTheSameOutputStoredChannelsLast() {
        // DOUBLE runs libnd4j's own convolution, FLOAT oneDNN's (which misreads permuted views).
        for (DataType type : new DataType[] {DataType.DOUBLE, DataType.FLOAT}) {
            for (Activation activation : new Activation[] {Activation.IDENTITY, Activation.RELU}) {
                ComputationGraph reference = graph(false, activation, Convolution3D.DataFormat.NCDHW, false, type);
                ComputationGraph ours = graph(true, activation, Convolution3D.DataFormat.NCDHW, true, type);
                ours.setParams(reference.params());
                Nd4j.getRandom().setSeed(7);
                INDArray in = Nd4j.randn(type, 2, 2, D, H, W);
                INDArray labels = Nd4j.randn(type, 2, 2, D / 2, H / 2 + 1, W / 2);
                for (boolean training : new boolean[] {false, true}) {
                    java.util.Map<String, INDArray> expected = reference.feedForward(in, training);
                    java.util.Map<String, INDArray> actual = ours.feedForward(in, training);
                    for (String layer : new String[] {"a", "b", "c"}) {
                        assertEquals(type + " " + layer, expected.get(layer), actual.get(layer));
                    }
                    assertEquals("stored channels-last", 1, actual.get("b").stride(1));
                    assertEquals("DL4J's layout", 1, actual.get("c").stride(4));
                }
                reference.setInputs(in);
                reference.setLabels(labels);
                reference.computeGradientAndScore();
                ours.setInputs(in);
                ours.setLabels(labels);
                ours.computeGradientAndScore();
                assertEquals(reference.score(), ours.score(), 0);
                assertEquals(reference.gradient().gradient(), ours.gradient().gradient());
            }
        }
    }

    @Test
    public void reluLayersKeepDl4jsBackwardPass() {
        check(Activation.RELU, Convolution3D.DataFormat.NCDHW);
    }
}
