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
 *
 * <p>{@link #isChannelsLastOutput() Channels-last output}, for channels-first layers whose only
 * reader is {@link DepthToSpacePreProcessor}: the training graphs' eight-phase deconvolutions.
 * {@link #isSpaceToDepth() Space-to-depth}, for linear convolutions of few channels: the training
 * graphs' 2-channel heads.
 */
public class VolumeConvolution extends Convolution3D {
    private static final long serialVersionUID = 1L;

    private boolean channelsLastOutput;
    private boolean spaceToDepth;

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

    /**
     * Whether a channels-first layer hands on its forward output stored channels-last, as an
     * [n, c, d, h, w] view of a C-ordered [n, d, h, w, c] array. Why: oneDNN's forward kernels
     * compute channels-last, and its reorder back to channels-first is slow for many channels
     * (N2's last phase convolution, 128 channels: 1.1 s of a ~12 s training step, against 0.18 s
     * for the convolution itself; measured). Only readers that accept such views may follow
     * ({@link DepthToSpacePreProcessor} does). Absent from older model files: false.
     */
    public boolean isChannelsLastOutput() {
        return channelsLastOutput;
    }

    public void setChannelsLastOutput(boolean channelsLastOutput) {
        this.channelsLastOutput = channelsLastOutput;
    }

    /** This configuration with {@link #isChannelsLastOutput() channels-last output}. */
    VolumeConvolution channelsLastOutput() {
        setChannelsLastOutput(true);
        return this;
    }

    /**
     * Whether a linear, stride-1, channels-first layer computes on the space-to-depth form of its
     * volumes ({@link SpaceToDepthConvolution}; same parameters and results up to float rounding).
     * Absent from older model files: false.
     */
    public boolean isSpaceToDepth() {
        return spaceToDepth;
    }

    public void setSpaceToDepth(boolean spaceToDepth) {
        this.spaceToDepth = spaceToDepth;
    }

    /** This configuration computed {@link #isSpaceToDepth() space-to-depth}. */
    VolumeConvolution spaceToDepth() {
        setSpaceToDepth(true);
        return this;
    }

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> listeners, int layerIndex,
            INDArray layerParamsView, boolean initializeParams, DataType networkDataType) {
        LayerValidation.assertNInNOutSet("VolumeConvolution", getLayerName(), layerIndex, getNIn(), getNOut());
        return LayerWiring.wire(new VolumeConvolutionLayer(conf, networkDataType), initializer(), conf, listeners, layerIndex,
                layerParamsView, initializeParams);
    }

    @Override
    public boolean equals(Object o) {
        return super.equals(o) && o instanceof VolumeConvolution v && v.channelsLastOutput == channelsLastOutput
                && v.spaceToDepth == spaceToDepth;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * super.hashCode() + Boolean.hashCode(channelsLastOutput)) + Boolean.hashCode(spaceToDepth);
    }

    @Override
    public VolumeConvolution clone() {
        return (VolumeConvolution) super.clone();
    }
}
