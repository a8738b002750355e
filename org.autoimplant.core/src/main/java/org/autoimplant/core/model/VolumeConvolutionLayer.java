package org.autoimplant.core.model;

import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.Convolution3D;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.convolution.Convolution3DLayer;
import org.deeplearning4j.nn.params.Convolution3DParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.util.Convolution3DUtils;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * DL4J's 3-D convolution layer without its second forward pass in training.
 *
 * <p>Why: DL4J's backward pass recomputes the layer's pre-activation output to apply the
 * activation's derivative — a whole second forward convolution, plus oneDNN's layout reorders
 * around it, per layer per step (measured on the paper N1: 36 forward convolutions per training
 * step for 18 layers). Our training graphs' convolutions are all linear (batch norm and ReLU are
 * {@link VolumeBatchNorm}), and the identity's derivative needs only the incoming gradient, so
 * for a linear layer the backward pass is handed that gradient in place of the recomputed output.
 * The gradients are bit for bit DL4J's (tested).
 *
 * <p>With {@link VolumeConvolution#isChannelsLastOutput()}, a channels-first layer's forward pass
 * runs channels-last (on an NDHWC copy of its input) and returns its output as the NCDHW view of a
 * channels-last array; the backward pass is DL4J's channels-first one. With
 * {@link VolumeConvolution#isSpaceToDepth()}, both passes run as {@link SpaceToDepthConvolution}
 * where the input fits it.
 */
final class VolumeConvolutionLayer extends Convolution3DLayer {
    private static final long serialVersionUID = 1L;

    /** The gradient of the backward pass in progress, when the layer is linear; else null. */
    private transient INDArray linearEpsilon;

    VolumeConvolutionLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        SpaceToDepthConvolution s2d = SpaceToDepthConvolution.of((Convolution3D) layerConf(), input);
        if (s2d != null) {
            return spaceToDepthBackward(s2d, epsilon, workspaceMgr);
        }
        linearEpsilon = layerConf().getActivationFn() instanceof ActivationIdentity ? epsilon : null;
        try {
            return super.backpropGradient(epsilon, workspaceMgr);
        } finally {
            linearEpsilon = null;
        }
    }

    @Override
    protected Pair<INDArray, INDArray> preOutput(boolean training, boolean forBackprop, LayerWorkspaceMgr workspaceMgr) {
        if (forBackprop && linearEpsilon != null) {
            // Only the identity's derivative reads it, and that returns ε whatever the output was.
            return new Pair<>(linearEpsilon, null);
        }
        if (!forBackprop) {
            SpaceToDepthConvolution s2d = SpaceToDepthConvolution.of((Convolution3D) layerConf(), input);
            if (s2d != null) {
                return new Pair<>(s2d.forward(input, weights(training, workspaceMgr), bias(training, workspaceMgr),
                        workspaceMgr), null);
            }
        }
        if (!forBackprop && channelsLastOutput()) {
            return new Pair<>(channelsLastForward(training, workspaceMgr), null);
        }
        return super.preOutput(training, forBackprop, workspaceMgr);
    }

    private INDArray weights(boolean training, LayerWorkspaceMgr mgr) {
        return getParamWithNoise(Convolution3DParamInitializer.WEIGHT_KEY, training, mgr);
    }

    private INDArray bias(boolean training, LayerWorkspaceMgr mgr) {
        return layerConf().hasBias() ? getParamWithNoise(Convolution3DParamInitializer.BIAS_KEY, training, mgr) : null;
    }

    /** As DL4J's backward pass: gradients into the gradient views, bias first, then weights. */
    private Pair<Gradient, INDArray> spaceToDepthBackward(SpaceToDepthConvolution s2d, INDArray epsilon,
            LayerWorkspaceMgr mgr) {
        INDArray weightGradient = gradientViews.get(Convolution3DParamInitializer.WEIGHT_KEY);
        INDArray biasGradient = layerConf().hasBias() ? gradientViews.get(Convolution3DParamInitializer.BIAS_KEY) : null;
        INDArray inputGradient = s2d.backward(input, weights(true, mgr), bias(true, mgr), epsilon, weightGradient,
                biasGradient, mgr);
        Gradient g = new DefaultGradient();
        if (biasGradient != null) {
            g.setGradientFor(Convolution3DParamInitializer.BIAS_KEY, biasGradient);
        }
        g.setGradientFor(Convolution3DParamInitializer.WEIGHT_KEY, weightGradient, 'c');
        weightNoiseParams.clear();
        return new Pair<>(g, inputGradient);
    }

    private boolean channelsLastOutput() {
        Convolution3D c = (Convolution3D) layerConf();
        return c instanceof VolumeConvolution v && v.isChannelsLastOutput()
                && c.getDataFormat() == Convolution3D.DataFormat.NCDHW && c.getConvolutionMode() == ConvolutionMode.Same
                && input != null && input.rank() == 5 && input.size(1) == c.getNIn();
    }

    /**
     * DL4J's channels-last forward convolution ('same' mode, as {@code Convolution3DLayer}) on an
     * NDHWC copy of the channels-first input (ND4J's permuted assign: 15 ms for N2's 134 MB);
     * oneDNN writes the C-ordered NDHWC output directly.
     */
    private INDArray channelsLastForward(boolean training, LayerWorkspaceMgr mgr) {
        Convolution3D c = (Convolution3D) layerConf();
        // C-ordered: libnd4j's oneDNN path misreads permuted views (float results wrong, measured).
        INDArray x = mgr.createUninitialized(ArrayType.FF_WORKING_MEM, dataType,
                new long[] {input.size(0), input.size(2), input.size(3), input.size(4), input.size(1)}, 'c');
        x.assign(input.castTo(dataType).permute(0, 2, 3, 4, 1));
        int[] kernel = c.getKernelSize();
        int[] strides = c.getStride();
        int[] dilation = c.getDilation();
        int[] outSize = Convolution3DUtils.get3DOutputSize(x, kernel, strides, null, ConvolutionMode.Same, dilation, false);
        int[] inSize = {(int) x.size(1), (int) x.size(2), (int) x.size(3)};
        int[] pad = Convolution3DUtils.get3DSameModeTopLeftPadding(outSize, inSize, kernel, strides, dilation);
        // DL4J's weights [out, in, kd, kh, kw]; libnd4j's [kd, kh, kw, in, out].
        INDArray weights = getParamWithNoise(Convolution3DParamInitializer.WEIGHT_KEY, training, mgr).permute(2, 3, 4, 1, 0);
        INDArray out = mgr.createUninitialized(ArrayType.ACTIVATIONS, weights.dataType(),
                new long[] {x.size(0), outSize[0], outSize[1], outSize[2], c.getNOut()}, 'c');
        INDArray[] inputs = c.hasBias()
                ? new INDArray[] {x, weights, getParamWithNoise(Convolution3DParamInitializer.BIAS_KEY, training, mgr)}
                : new INDArray[] {x, weights};
        int same = 1;
        int channelsLast = 1;
        Nd4j.exec(DynamicCustomOp.builder("conv3dnew").addInputs(inputs).addOutputs(out).callInplace(false)
                .addIntegerArguments(kernel[0], kernel[1], kernel[2], strides[0], strides[1], strides[2],
                        pad[0], pad[1], pad[2], dilation[0], dilation[1], dilation[2], same, channelsLast)
                .build());
        return out.permute(0, 4, 1, 2, 3);
    }
}
