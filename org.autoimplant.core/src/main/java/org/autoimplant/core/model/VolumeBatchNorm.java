package org.autoimplant.core.model;

import java.util.Collection;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Batch normalisation of NCDHW activations with the following ReLU fused in: DL4J's
 * {@link BatchNormalization} configuration (same decay, ε, parameters, running statistics and
 * parameter names, so {@link BatchNormFolding} and the updater treat it as theirs), computed by
 * {@link VolumeBatchNormLayer}.
 *
 * <p>Why not DL4J's layer: it rejects rank 5, so it ran on a reshaped view with a separate
 * activation layer; and in 1.0.0-M2.1 its oneDNN helper is disabled by default, so it computes
 * with about twenty ND4J passes per layer and keeps two extra full-size copies (x − μ and x̂) for
 * backprop. On the paper N2 that was the larger part of a training step's non-convolution time and
 * several GB of its memory.
 */
public class VolumeBatchNorm extends BatchNormalization {
    private static final long serialVersionUID = 1L;

    /** For deserialisation; defaults as DL4J's builder (decay 0.9, ε 1e-5, log-std statistics). */
    public VolumeBatchNorm() {
    }

    /** Batch norm over {@code channels} channels, followed by {@code activation} (ReLU or identity). */
    public VolumeBatchNorm(long channels, double decay, double eps, Activation activation) {
        setNIn(channels);
        setNOut(channels);
        setDecay(decay);
        setEps(eps);
        setActivationFn(activation.getActivationFunction());
    }

    /** Whether a ReLU follows the normalisation (the only activations supported: ReLU, identity). */
    boolean relu() {
        if (getActivationFn() instanceof ActivationReLU) {
            return true;
        }
        if (getActivationFn() == null || getActivationFn() instanceof ActivationIdentity) {
            return false;
        }
        throw new IllegalStateException("layer " + getLayerName() + ": VolumeBatchNorm supports ReLU or identity, not "
                + getActivationFn());
    }

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> listeners, int layerIndex,
            INDArray layerParamsView, boolean initializeParams, DataType networkDataType) {
        if (isLockGammaBeta()) {
            throw new IllegalStateException("layer " + getLayerName() + ": VolumeBatchNorm learns gamma and beta");
        }
        relu();
        return LayerWiring.wire(new VolumeBatchNormLayer(conf, networkDataType), initializer(), conf, listeners, layerIndex,
                layerParamsView, initializeParams);
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        if (!(inputType instanceof InputType.InputTypeConvolutional3D c3)
                || c3.getDataFormat() != org.deeplearning4j.nn.conf.layers.Convolution3D.DataFormat.NCDHW) {
            throw new IllegalStateException("layer " + getLayerName() + ": VolumeBatchNorm takes NCDHW volumes, got "
                    + inputType);
        }
        return inputType;
    }

    @Override
    public VolumeBatchNorm clone() {
        return (VolumeBatchNorm) super.clone();
    }
}
