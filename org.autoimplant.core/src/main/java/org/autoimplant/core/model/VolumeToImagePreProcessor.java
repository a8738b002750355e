package org.autoimplant.core.model;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Views NCDHW activations [n, c, d, h, w] as NCHW images [n, c, d·h, w] (and back in backprop).
 * DL4J's BatchNormalization rejects rank-5 input; for NCHW it normalises each channel over
 * n·height·width, which after merging depth into height is exactly the per-channel statistics over
 * n·d·h·w that 3-D batch normalisation needs. {@link ImageToVolumePreProcessor} undoes the view.
 *
 * <p>The networks now use {@link VolumeBatchNorm} on the volumes themselves; this pair stays for
 * model files written before, whose configuration names it.
 */
public class VolumeToImagePreProcessor extends VolumeShapePreProcessor {
    private static final long serialVersionUID = 1L;

    public VolumeToImagePreProcessor() {
    }

    public VolumeToImagePreProcessor(long channels, long depth, long height, long width) {
        super(channels, depth, height, width);
    }

    @Override
    public INDArray preProcess(INDArray input, int miniBatchSize, LayerWorkspaceMgr mgr) {
        INDArray in = contiguous(input, mgr, ArrayType.ACTIVATIONS);
        return mgr.leverageTo(ArrayType.ACTIVATIONS,
                in.reshape('c', in.size(0), getChannels(), getDepth() * getHeight(), getWidth()));
    }

    @Override
    public INDArray backprop(INDArray epsilon, int miniBatchSize, LayerWorkspaceMgr mgr) {
        INDArray e = contiguous(epsilon, mgr, ArrayType.ACTIVATION_GRAD);
        return mgr.leverageTo(ArrayType.ACTIVATION_GRAD,
                e.reshape('c', e.size(0), getChannels(), getDepth(), getHeight(), getWidth()));
    }

    @Override
    public InputType getOutputType(InputType inputType) {
        return InputType.convolutional(getDepth() * getHeight(), getWidth(), getChannels(), CNN2DFormat.NCHW);
    }

    @Override
    public VolumeToImagePreProcessor clone() {
        return new VolumeToImagePreProcessor(getChannels(), getDepth(), getHeight(), getWidth());
    }
}
