package org.autoimplant.core.model;

import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.layers.Convolution3D;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.shape.Shape;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A linear stride-1 'same' convolution of few channels (c_in → c_out, odd kernel k = 2p + 1)
 * computed on the space-to-depth form of its volumes: [n, c, D, H, W] becomes [n, 8c, D/2, H/2,
 * W/2] ({@link PhaseShuffle}), the convolution becomes one of 8·c_in → 8·c_out channels with
 * kernel 2·⌊(p + 1)/2⌋ + 1 (3 for k = 3 and 5) whose weights are the layer's own, placed per
 * output and input phase, and the output goes back to full size. Output phase r of input phase
 * s at block offset e reads the original tap d = 2e + s − r (per axis) when |d| ≤ p, else zero.
 * Gradients come back through the same map: each original tap is the sum of its 8 placements.
 *
 * <p>Why: oneDNN's backward kernels block channels by 16, so a 2 → 2 convolution at full size
 * runs as 16 → 16 on zero padding; N2's three 2 → 2 head convolutions at 256×256×128 took 0.66 s
 * of backward pass each (measured, 2 cores), the same convolution in this form 0.14 s plus two
 * shuffles. The layer's parameters, model files and inference graphs are unchanged.
 */
final class SpaceToDepthConvolution {
    private final int inChannels;
    private final int outChannels;
    /** Half-width of the original kernel. */
    private final int p;
    /** Half-width of the kernel on the space-to-depth volume. */
    private final int h;

    private SpaceToDepthConvolution(Convolution3D conf) {
        inChannels = (int) conf.getNIn();
        outChannels = (int) conf.getNOut();
        p = conf.getKernelSize()[0] / 2;
        h = (p + 1) / 2;
    }

    /**
     * This form for a layer configured with it and an input it fits (channels-first, even sizes),
     * else null: the layer then computes as DL4J's.
     */
    static SpaceToDepthConvolution of(Convolution3D conf, INDArray input) {
        int[] k = conf.getKernelSize();
        boolean fits = conf instanceof VolumeConvolution v && v.isSpaceToDepth()
                && conf.getDataFormat() == Convolution3D.DataFormat.NCDHW
                && conf.getConvolutionMode() == ConvolutionMode.Same
                && conf.getActivationFn() instanceof ActivationIdentity
                && k[0] == k[1] && k[1] == k[2] && k[0] % 2 == 1
                && ones(conf.getStride()) && ones(conf.getDilation())
                && input != null && input.rank() == 5 && input.size(1) == conf.getNIn()
                && input.size(2) % 2 == 0 && input.size(3) % 2 == 0 && input.size(4) % 2 == 0;
        return fits ? new SpaceToDepthConvolution(conf) : null;
    }

    private static boolean ones(int[] a) {
        return a[0] == 1 && a[1] == 1 && a[2] == 1;
    }

    /** The convolution of {@code input} (full size, channels-first), in the ACTIVATIONS workspace. */
    INDArray forward(INDArray input, INDArray weights, INDArray bias, LayerWorkspaceMgr mgr) {
        DataType type = weights.dataType();
        INDArray packedIn = mgr.createUninitialized(ArrayType.FF_WORKING_MEM, type, packedShape(input, inChannels), 'c');
        PhaseShuffle.toPhases(dense(input.castTo(type), mgr, ArrayType.FF_WORKING_MEM), packedIn);
        INDArray packedOut = mgr.createUninitialized(ArrayType.FF_WORKING_MEM, type, packedShape(input, outChannels),
                'c');
        INDArray[] in = bias == null ? new INDArray[] {packedIn, expandWeights(weights)}
                : new INDArray[] {packedIn, expandWeights(weights), expandBias(bias)};
        Nd4j.exec(DynamicCustomOp.builder("conv3dnew").addInputs(in).addOutputs(packedOut).callInplace(false)
                .addIntegerArguments(arguments()).build());
        INDArray out = mgr.createUninitialized(ArrayType.ACTIVATIONS, type,
                new long[] {input.size(0), outChannels, input.size(2), input.size(3), input.size(4)}, 'c');
        PhaseShuffle.toVolume(packedOut, out);
        return out;
    }

    /**
     * The backward pass for ∂L/∂output {@code epsilon}: writes ∂L/∂W and ∂L/∂b into the layer's
     * gradient views ({@code biasGradient} null without bias) and returns ∂L/∂input in the
     * ACTIVATION_GRAD workspace.
     */
    INDArray backward(INDArray input, INDArray weights, INDArray bias, INDArray epsilon, INDArray weightGradient,
            INDArray biasGradient, LayerWorkspaceMgr mgr) {
        DataType type = weights.dataType();
        INDArray packedIn = mgr.createUninitialized(ArrayType.BP_WORKING_MEM, type, packedShape(input, inChannels), 'c');
        PhaseShuffle.toPhases(dense(input.castTo(type), mgr, ArrayType.BP_WORKING_MEM), packedIn);
        INDArray packedEpsilon = mgr.createUninitialized(ArrayType.BP_WORKING_MEM, type,
                packedShape(input, outChannels), 'c');
        PhaseShuffle.toPhases(dense(epsilon.castTo(type), mgr, ArrayType.BP_WORKING_MEM), packedEpsilon);
        INDArray packedGradient = mgr.createUninitialized(ArrayType.BP_WORKING_MEM, type,
                packedShape(input, inChannels), 'c');
        int k = 2 * h + 1;
        INDArray expandedWeightGradient = detached(type, k, k, k, 8 * inChannels, 8 * outChannels);
        INDArray expandedBiasGradient = bias == null ? null : detached(type, 8 * outChannels);
        INDArray[] in = bias == null ? new INDArray[] {packedIn, expandWeights(weights), packedEpsilon}
                : new INDArray[] {packedIn, expandWeights(weights), expandBias(bias), packedEpsilon};
        INDArray[] out = bias == null ? new INDArray[] {packedGradient, expandedWeightGradient}
                : new INDArray[] {packedGradient, expandedWeightGradient, expandedBiasGradient};
        Nd4j.exec(DynamicCustomOp.builder("conv3dnew_bp").addInputs(in).addOutputs(out).callInplace(false)
                .addIntegerArguments(arguments()).build());
        weightGradient.assign(Nd4j.create(foldWeights(values(expandedWeightGradient)), weightGradient.shape(), 'c')
                .castTo(weightGradient.dataType()));
        if (biasGradient != null) {
            biasGradient.assign(Nd4j.create(foldBias(values(expandedBiasGradient)), biasGradient.shape(), 'c')
                    .castTo(biasGradient.dataType()));
        }
        INDArray inputGradient = mgr.createUninitialized(ArrayType.ACTIVATION_GRAD, type, input.shape(), 'c');
        PhaseShuffle.toVolume(packedGradient, inputGradient);
        return inputGradient;
    }

    /** libnd4j's conv3dnew arguments: kernel, stride 1, padding h, dilation 1, 'same', NCDHW. */
    private int[] arguments() {
        int k = 2 * h + 1;
        return new int[] {k, k, k, 1, 1, 1, h, h, h, 1, 1, 1, 1, 0};
    }

    private static long[] packedShape(INDArray volume, int channels) {
        return new long[] {volume.size(0), 8L * channels, volume.size(2) / 2, volume.size(3) / 2, volume.size(4) / 2};
    }

    private static INDArray dense(INDArray a, LayerWorkspaceMgr mgr, ArrayType type) {
        return a.ordering() == 'c' && Shape.hasDefaultStridesForShape(a) ? a : mgr.dup(type, a, 'c');
    }

    private static INDArray detached(DataType type, long... shape) {
        try (MemoryWorkspace ws = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
            return Nd4j.create(type, shape);
        }
    }

    private static double[] values(INDArray a) {
        return a.castTo(DataType.DOUBLE).dup('c').data().asDouble();
    }

    /** One placement of an original tap: index into DL4J's [out, in, k, k, k] and libnd4j's [k', k', k', 8·in, 8·out]. */
    private interface Placement {
        void at(int original, int expanded);
    }

    /** Visits every (original tap, expanded tap) pair of the map in the class comment. */
    private void eachPlacement(Placement action) {
        int k = 2 * p + 1;
        int kk = 2 * h + 1;
        for (int r = 0; r < 8; r++) {
            for (int s = 0; s < 8; s++) {
                for (int ez = -h; ez <= h; ez++) {
                    int dz = 2 * ez + (s >> 2) - (r >> 2);
                    for (int ey = -h; ey <= h; ey++) {
                        int dy = 2 * ey + ((s >> 1) & 1) - ((r >> 1) & 1);
                        for (int ex = -h; ex <= h; ex++) {
                            int dx = 2 * ex + (s & 1) - (r & 1);
                            if (Math.abs(dz) > p || Math.abs(dy) > p || Math.abs(dx) > p) {
                                continue;
                            }
                            int tap = ((dz + p) * k + dy + p) * k + dx + p;
                            int expandedTap = ((ez + h) * kk + ey + h) * kk + ex + h;
                            for (int o = 0; o < outChannels; o++) {
                                for (int i = 0; i < inChannels; i++) {
                                    int original = (o * inChannels + i) * k * k * k + tap;
                                    int expanded = (expandedTap * 8 * inChannels + s * inChannels + i) * 8 * outChannels
                                            + r * outChannels + o;
                                    action.at(original, expanded);
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /** DL4J's weights [out, in, k, k, k] placed into libnd4j's [k', k', k', 8·in, 8·out]. */
    private INDArray expandWeights(INDArray weights) {
        double[] w = values(weights);
        int kk = 2 * h + 1;
        double[] expanded = new double[kk * kk * kk * 64 * inChannels * outChannels];
        eachPlacement((original, at) -> expanded[at] = w[original]);
        return withType(Nd4j.create(expanded, new long[] {kk, kk, kk, 8L * inChannels, 8L * outChannels}, 'c'),
                weights.dataType());
    }

    /** The gradient of the original taps: the sum over their placements. */
    private double[] foldWeights(double[] expandedGradient) {
        int k = 2 * p + 1;
        double[] w = new double[outChannels * inChannels * k * k * k];
        eachPlacement((original, at) -> w[original] += expandedGradient[at]);
        return w;
    }

    private INDArray expandBias(INDArray bias) {
        double[] b = values(bias);
        double[] expanded = new double[8 * outChannels];
        for (int j = 0; j < expanded.length; j++) {
            expanded[j] = b[j % outChannels];
        }
        return withType(Nd4j.create(expanded, new long[] {expanded.length}, 'c'), bias.dataType());
    }

    private double[] foldBias(double[] expandedGradient) {
        double[] b = new double[outChannels];
        for (int j = 0; j < expandedGradient.length; j++) {
            b[j % outChannels] += expandedGradient[j];
        }
        return b;
    }

    private static INDArray withType(INDArray a, DataType type) {
        return a.dataType() == type ? a : a.castTo(type);
    }
}
