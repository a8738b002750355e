package org.autoimplant.core.model;

import java.util.List;
import org.autoimplant.core.volume.Shape;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A trained network in its prediction form — batch norm folded ({@link BatchNormFolding}),
 * transposed convolutions as phase convolutions ({@link SubPixelDeconvolution}), activations
 * channels-last ({@link ImplantNetworks#format}) — with masks in and masks out, so callers never
 * see that its layout differs from the training graph's. Same outputs as the trained network in
 * inference mode, up to float rounding (tested).
 */
public final class InferenceNetwork {
    private final ComputationGraph graph;
    private final Shape input;
    /** The training graph in training mode (each case's own batch statistics), not the folded form. */
    private final boolean caseStatistics;
    /** The layer whose output the softmax takes: the last convolution. */
    private final String logits;

    private InferenceNetwork(ComputationGraph graph, Shape input, boolean caseStatistics) {
        this.graph = graph;
        this.input = input;
        this.caseStatistics = caseStatistics;
        var conf = graph.getConfiguration();
        this.logits = conf.getVertexInputs().get(conf.getNetworkOutputs().get(0)).get(0);
    }

    /** The prediction form of {@code trained}; {@code trained} is not changed. */
    public static InferenceNetwork of(ComputationGraph trained, NetworkSpec spec) {
        return of(trained, spec, Normalisation.RUNNING);
    }

    /**
     * The prediction form of {@code trained} with batch norm as {@code n} says: RUNNING folds it
     * into the convolutions; CASE runs a copy of the training graph in training mode, which
     * normalises with each case's own statistics (and would update the running ones: hence the copy).
     */
    public static InferenceNetwork of(ComputationGraph trained, NetworkSpec spec, Normalisation n) {
        if (n == Normalisation.CASE) {
            return new InferenceNetwork(trained.clone(), spec.input(), true);
        }
        return new InferenceNetwork(BatchNormFolding.fold(trained, spec), spec.input(), false);
    }

    /** How this network normalises. */
    public Normalisation normalisation() {
        return caseStatistics ? Normalisation.CASE : Normalisation.RUNNING;
    }

    public Shape input() {
        return input;
    }

    /** Softmax probabilities [1, z, y, x, 2] (channel 1 inside) for a mask of the input size. */
    public INDArray probabilities(byte[] mask) {
        if (caseStatistics) {
            return graph.outputSingle(true, Tensors.input(mask, input)).permute(0, 2, 3, 4, 1).dup('c');
        }
        return graph.outputSingle(false, channelsLast(mask));
    }

    /**
     * The voxels the network puts inside (argmax of the softmax), taken from the logits: the
     * larger logit is the larger probability, so the softmax pass and the copy DL4J's output layer
     * makes of a full-size two-channel volume are skipped (about 0.15 s of N2's 1.6 s, measured).
     */
    public byte[] segment(byte[] mask) {
        if (caseStatistics) {
            return Tensors.argmax(graph.outputSingle(true, Tensors.input(mask, input)));
        }
        return Tensors.argmaxChannelsLast(graph.output(List.of(logits), false, new INDArray[] {channelsLast(mask)},
                null)[0]);
    }

    private INDArray channelsLast(byte[] mask) {
        // One channel: the NCDHW tensor's bytes are already NDHWC.
        return Tensors.input(mask, input).reshape('c', 1, input.nz(), input.ny(), input.nx(), 1);
    }

    /** The underlying graph, for tests that compare layers. */
    ComputationGraph graph() {
        return graph;
    }
}
