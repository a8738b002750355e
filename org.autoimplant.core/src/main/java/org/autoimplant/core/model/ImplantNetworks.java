package org.autoimplant.core.model;

import org.autoimplant.core.volume.Shape;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.distribution.NormalDistribution;
import org.deeplearning4j.nn.conf.distribution.TruncatedNormalDistribution;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Cnn3DLossLayer;
import org.deeplearning4j.nn.conf.layers.Convolution3D;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInitDistribution;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * The paper's encoder-decoders N1 (kernel 5, input 128×128×64) and N2 (kernel 3, input
 * 256×256×128) as DL4J ComputationGraphs (D = z, H = y, W = x; NCDHW for training, NDHWC for
 * inference, see {@link #format}), layer for layer as the
 * reference implementation: convolutions with bias and 'same' padding, stride-2 downsampling,
 * transposed convolutions of kernel 4 and stride 2 without bias (computed in their eight-phase
 * form, see {@link SubPixelDeconvolution}), batch normalisation (decay 0.9,
 * ε 1e-5) and ReLU after each, then conv 2 + BN + ReLU, three linear convs of 2 channels and a
 * softmax trained with {@link SoftDiceLoss}. Weights start from N(0, 0.01) (truncated for
 * convolutions), as in the reference.
 *
 * <p>Batch normalisation and the ReLU after it are one layer, {@link VolumeBatchNorm} (DL4J's own
 * layer does not take rank-5 input and is slow on it). Model files written before it (DL4J batch
 * norm on a {@link VolumeToImagePreProcessor} view, then an activation layer) still load, fold and
 * train: their configuration names the classes they use. So do files whose transposed convolutions
 * are zero insertion + kernel-4 convolution ({@link ZeroInsertionPreProcessor}, the training form
 * before the phase form; {@link BatchNormFolding} converts their weights).
 */
public final class ImplantNetworks {
    /** Encoder of N1: (channels, stride). */
    private static final int[][] N1_ENCODER = {{64, 2}, {128, 2}, {256, 2}, {512, 2}, {512, 1}, {256, 1}};
    /** Decoder of N1: (deconvolution channels, convolution channels). */
    private static final int[][] N1_DECODER = {{256, 128}, {128, 64}, {64, 64}, {32, 32}};
    /** Encoder of N2 as used (the reference also computes an unused 16-channel 'conv5a'). */
    private static final int[][] N2_ENCODER = {{16, 2}, {16, 2}, {16, 2}, {16, 2}, {16, 2}, {64, 1}, {64, 1}};
    private static final int[][] N2_DECODER = {{32, 32}, {32, 32}, {32, 32}, {32, 32}, {16, 16}};
    private static final int CLASSES = 2;
    /**
     * oneDNN's backward kernels pad channels to blocks of 16: training convolutions with at most
     * 16/8 channels on both sides run {@link VolumeConvolution#isSpaceToDepth() space-to-depth}
     * (8× the channels at half the size), which fills the block instead of padding it.
     */
    private static final int ONEDNN_CHANNEL_BLOCK = 16;

    private ImplantNetworks() {
    }

    /** A new, initialised network for {@code spec}. */
    public static ComputationGraph build(NetworkSpec spec) {
        ComputationGraph g = new ComputationGraph(configuration(spec));
        g.init();
        return g;
    }

    public static ComputationGraphConfiguration configuration(NetworkSpec spec) {
        return configuration(spec, DataType.FLOAT, new Adam(spec.learningRate(), spec.beta1(), 0.999, 1e-8));
    }

    /** As {@link #configuration(NetworkSpec)} with another precision and updater (gradient checks). */
    static ComputationGraphConfiguration configuration(NetworkSpec spec, DataType type, IUpdater updater) {
        return configuration(spec, type, updater, false);
    }

    /**
     * The inference form of {@code spec}: every convolution followed by batch norm becomes one
     * convolution with bias and ReLU ({@link BatchNormFolding} supplies the folded weights).
     */
    static ComputationGraphConfiguration foldedConfiguration(NetworkSpec spec) {
        return configuration(spec, DataType.FLOAT, new Adam(spec.learningRate()), true);
    }

    private static ComputationGraphConfiguration configuration(NetworkSpec spec, DataType type, IUpdater updater,
            boolean folded) {
        boolean n1 = spec.role().usesN1Architecture();
        int[][] encoder = n1 ? N1_ENCODER : N2_ENCODER;
        int[][] decoder = n1 ? N1_DECODER : N2_DECODER;
        return configuration(spec.input(), spec.width(), spec.seed(), spec.l2(), spec.kernel(), encoder, decoder, type,
                updater, 0.01, folded);
    }

    /**
     * The encoder-decoder with explicit stages: {@code encoder} rows (channels at width 1, stride),
     * {@code decoder} rows (deconvolution channels, convolution channels); tests use short plans to
     * check the very layers the paper networks are made of.
     */
    static ComputationGraphConfiguration configuration(Shape input, double width, long seed, double l2, int kernel,
            int[][] encoder, int[][] decoder, DataType type, IUpdater updater, double initStd) {
        return configuration(input, width, seed, l2, kernel, encoder, decoder, type, updater, initStd, false);
    }

    private static ComputationGraphConfiguration configuration(Shape input, double width, long seed, double l2,
            int kernel, int[][] encoder, int[][] decoder, DataType type, IUpdater updater, double initStd,
            boolean folded) {
        ComputationGraphConfiguration.GraphBuilder gb = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(type)
                .updater(updater)
                .convolutionMode(ConvolutionMode.Same)
                .trainingWorkspaceMode(WorkspaceMode.ENABLED)
                .inferenceWorkspaceMode(WorkspaceMode.ENABLED)
                .graphBuilder()
                .addInputs("input")
                .setInputTypes(InputType.convolutional3D(format(folded), input.nz(), input.ny(),
                        input.nx(), 1));
        Builder b = new Builder(gb, input, l2, kernel, initStd, folded);
        for (int i = 0; i < encoder.length; i++) {
            b.conv("enc" + (i + 1), scaled(encoder[i][0], width), encoder[i][1], true);
        }
        for (int i = 0; i < decoder.length; i++) {
            b.deconv("dec" + (i + 1) + "_up", scaled(decoder[i][0], width));
            b.conv("dec" + (i + 1), scaled(decoder[i][1], width), 1, true);
        }
        b.conv("head1", CLASSES, 1, true);
        b.conv("head2", CLASSES, 1, false);
        b.conv("head3", CLASSES, 1, false);
        b.conv("head4", CLASSES, 1, false);
        gb.addLayer("output", new Cnn3DLossLayer.Builder(format(folded))
                .lossFunction(new SoftDiceLoss()).activation(Activation.SOFTMAX).build(), b.last);
        gb.setOutputs("output");
        return gb.build();
    }

    /**
     * Training graphs are NCDHW (what {@link VolumeBatchNorm} and the labels use); folded inference graphs are NDHWC,
     * the layout oneDNN's convolutions work in: with NCDHW every convolution reorders its input and
     * output (measured on the paper N2: 3.2 s of reorders against 1.4 s of convolutions).
     */
    static Convolution3D.DataFormat format(boolean folded) {
        return folded ? Convolution3D.DataFormat.NDHWC : Convolution3D.DataFormat.NCDHW;
    }

    /** A channel count of the paper scaled by the width factor (at least 1). */
    static int scaled(int paper, double width) {
        return Math.max(1, (int) Math.round(paper * width));
    }

    /** Adds layers while tracking the activation size (channels, d, h, w). */
    private static final class Builder {
        private final ComputationGraphConfiguration.GraphBuilder gb;
        private final double l2;
        private final int kernel;
        private final double initStd;
        private final boolean folded;
        /** Set after a folded deconvolution: the shuffle its phases need before the next layer. */
        private DepthToSpacePreProcessor pendingShuffle;
        private String last = "input";
        private long c = 1;
        private long d;
        private long h;
        private long w;

        Builder(ComputationGraphConfiguration.GraphBuilder gb, Shape input, double l2, int kernel, double initStd,
                boolean folded) {
            this.gb = gb;
            this.folded = folded;
            this.l2 = l2;
            this.kernel = kernel;
            this.initStd = initStd;
            d = input.nz();
            h = input.ny();
            w = input.nx();
        }

        /** Convolution, then batch norm + ReLU when {@code normalise}, else linear. */
        void conv(String name, int channels, int stride, boolean normalise) {
            Convolution3D.Builder cb = new Convolution3D.Builder()
                    .kernelSize(kernel, kernel, kernel).stride(stride, stride, stride)
                    .dataFormat(format(folded)).convolutionMode(ConvolutionMode.Same)
                    .nOut(channels).hasBias(true).activation(folded && normalise ? Activation.RELU : Activation.IDENTITY)
                    .weightInit(new WeightInitDistribution(new TruncatedNormalDistribution(0, initStd)));
            if (l2 > 0) {
                cb.l2(l2);
            }
            VolumeConvolution layer = new VolumeConvolution(cb);
            if (!folded && stride == 1 && 8 * c <= ONEDNN_CHANNEL_BLOCK && 8 * channels <= ONEDNN_CHANNEL_BLOCK) {
                layer.spaceToDepth();
            }
            if (pendingShuffle != null) {
                gb.addLayer(name, layer, pendingShuffle, last);
                pendingShuffle = null;
            } else {
                gb.addLayer(name, layer, last);
            }
            d /= stride;
            h /= stride;
            w /= stride;
            c = channels;
            last = name;
            if (normalise && !folded) {
                normaliseAndActivate(name);
            }
        }

        /**
         * Transposed convolution kernel 4, stride 2, in its eight-phase form ({@link SubPixelDeconvolution}:
         * a kernel-2 convolution with 8× the channels on the undilated input, then depth-to-space,
         * the same function as the reference's transposed convolution with 1/8 of the work of zero
         * insertion + kernel-4 convolution); no bias in training, as the reference, then batch norm
         * + ReLU on the shuffled volume. Folded, with bias and ReLU, the next convolution shuffles.
         */
        void deconv(String name, int channels) {
            Convolution3D.Builder cb = new Convolution3D.Builder()
                    .kernelSize(2, 2, 2).stride(1, 1, 1).dataFormat(format(folded))
                    .convolutionMode(ConvolutionMode.Same).nOut(8L * channels).hasBias(folded)
                    .activation(folded ? Activation.RELU : Activation.IDENTITY)
                    .weightInit(new WeightInitDistribution(new NormalDistribution(0, initStd)));
            if (l2 > 0) {
                cb.l2(l2 * 10);
            }
            VolumeConvolution phases = new VolumeConvolution(cb);
            // The shuffle is the phases' only reader and takes them channels-last (see VolumeConvolution).
            gb.addLayer(name, folded ? phases : phases.channelsLastOutput(), last);
            pendingShuffle = new DepthToSpacePreProcessor(format(folded), channels, d, h, w);
            d *= 2;
            h *= 2;
            w *= 2;
            c = channels;
            last = name;
            if (!folded) {
                normaliseAndActivate(name);
            }
        }

        private void normaliseAndActivate(String name) {
            VolumeBatchNorm bn = new VolumeBatchNorm(c, 0.9, 1e-5, Activation.RELU);
            if (pendingShuffle != null) {
                gb.addLayer(name + "_bn", bn, pendingShuffle, last);
                pendingShuffle = null;
            } else {
                gb.addLayer(name + "_bn", bn, last);
            }
            last = name + "_bn";
        }
    }
}
