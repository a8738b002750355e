package org.autoimplant.core.model;

import java.util.Collection;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.Convolution3D;
import org.deeplearning4j.nn.conf.layers.LayerValidation;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * DL4J's {@link Convolution3D} — same configuration, parameters and outputs — computed by
 * {@link VolumeConvolutionLayer}, whose backward pass does not redo the forward convolution when
 * the layer is linear.
 */
public class VolumeConvolution extends Convolution3D {
    private static final long serialVersionUID = 1L;

    /** For deserialisation. */
    public VolumeConvolution() {
    }

    /** The convolution {@code builder} describes (after DL4J's own validation of it). */
    public VolumeConvolution(Convolution3D.Builder builder) {
        super(validated(builder));
    }

    private static Convolution3D.Builder validated(Convolution3D.Builder builder) {
        builder.build();
        return builder;
    }

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> listeners, int layerIndex,
            INDArray layerParamsView, boolean initializeParams, DataType networkDataType) {
        LayerValidation.assertNInNOutSet("VolumeConvolution", getLayerName(), layerIndex, getNIn(), getNOut());
        return LayerWiring.wire(new VolumeConvolutionLayer(conf, networkDataType), initializer(), conf, listeners, layerIndex,
                layerParamsView, initializeParams);
    }

    @Override
    public VolumeConvolution clone() {
        return (VolumeConvolution) super.clone();
    }
}
