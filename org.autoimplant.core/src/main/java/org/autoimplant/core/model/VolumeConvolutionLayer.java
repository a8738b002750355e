package org.autoimplant.core.model;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.convolution.Convolution3DLayer;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

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
        return super.preOutput(training, forBackprop, workspaceMgr);
    }
}
