package org.autoimplant.core.model;

import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Convolution3D;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * 3-D depth-to-space for NCDHW activations: [n, 8c, d, h, w] → [n, c, 2d, 2h, 2w], where input
 * channel {@code phase·c + k} holds output channel k at the voxels (2z + rz, 2y + ry, 2x + rx) with
 * phase = 4rz + 2ry + rx. After the eight-phase convolution of {@link SubPixelDeconvolution} this
 * completes a transposed convolution. Backprop is the inverse permutation.
 *
 * <p>Sizes: {@code channels} is c (after the shuffle), depth/height/width those before it.
 */
public class DepthToSpacePreProcessor extends VolumeShapePreProcessor {
    private static final long serialVersionUID = 1L;

    public DepthToSpacePreProcessor() {
    }

    public DepthToSpacePreProcessor(long channels, long depth, long height, long width) {
        super(channels, depth, height, width);
    }

    /** The 8-D view [n, c, d, rz, h, ry, w, rx] of the phase-major input. */
    private INDArray phases(INDArray packed) {
        return packed.reshape('c', packed.size(0), 2, 2, 2, getChannels(), getDepth(), getHeight(), getWidth())
                .permute(0, 4, 5, 1, 6, 2, 7, 3);
    }

    /** The same 8-D view of the interleaved volume [n, c, 2d, 2h, 2w]. */
    private INDArray interleaved(INDArray volume) {
        return volume.reshape('c', volume.size(0), getChannels(), getDepth(), 2, getHeight(), 2, getWidth(), 2);
    }

    @Override
    public INDArray preProcess(INDArray input, int miniBatchSize, LayerWorkspaceMgr mgr) {
        INDArray in = contiguous(input, mgr, ArrayType.ACTIVATIONS);
        INDArray out = mgr.createUninitialized(ArrayType.ACTIVATIONS, in.dataType(),
                new long[] {in.size(0), getChannels(), 2 * getDepth(), 2 * getHeight(), 2 * getWidth()}, 'c');
        interleaved(out).assign(phases(in));
        return out;
    }

    @Override
    public INDArray backprop(INDArray epsilon, int miniBatchSize, LayerWorkspaceMgr mgr) {
        INDArray e = contiguous(epsilon, mgr, ArrayType.ACTIVATION_GRAD);
        INDArray out = mgr.createUninitialized(ArrayType.ACTIVATION_GRAD, e.dataType(),
                new long[] {e.size(0), 8 * getChannels(), getDepth(), getHeight(), getWidth()}, 'c');
        phases(out).assign(interleaved(e));
        return out;
    }

    @Override
    public InputType getOutputType(InputType inputType) {
        return InputType.convolutional3D(Convolution3D.DataFormat.NCDHW, 2 * getDepth(), 2 * getHeight(),
                2 * getWidth(), getChannels());
    }

    @Override
    public DepthToSpacePreProcessor clone() {
        return new DepthToSpacePreProcessor(getChannels(), getDepth(), getHeight(), getWidth());
    }
}
