package org.autoimplant.core.model;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The inference network of a trained one: each convolution followed by batch norm (inference
 * statistics) becomes a single convolution, W' = W·γ/σ per output channel and
 * b' = (b − μ)·γ/σ + β, with the ReLU inside the convolution layer; transposed convolutions of
 * older model files (zero insertion + kernel 4) become their phase form ({@link SubPixelDeconvolution}).
 *
 * <p>Why: batch norm is a memory-bound pass over every activation (with DL4J's own layer 1.4–5 s
 * per full-size N2 activation on 2 cores, with {@link VolumeBatchNorm} still a read and a write);
 * folded, inference skips it. Same outputs up to float rounding (tested).
 */
public final class BatchNormFolding {
    private BatchNormFolding() {
    }

    /** A new network computing {@code trained}'s inference output; {@code trained} is not changed. */
    public static ComputationGraph fold(ComputationGraph trained, NetworkSpec spec) {
        ComputationGraph folded = new ComputationGraph(ImplantNetworks.foldedConfiguration(spec));
        folded.init();
        for (Layer target : folded.getLayers()) {
            String name = target.getConfig().getLayerName();
            if (target.numParams() == 0) {
                continue;
            }
            Layer source = trained.getLayer(name);
            INDArray w = source.getParam("W").castTo(DataType.DOUBLE);
            INDArray b = source.paramTable().containsKey("b") ? source.getParam("b").castTo(DataType.DOUBLE).reshape(-1)
                    : null;
            Layer bn = trained.getVertex(name + "_bn") == null ? null : trained.getLayer(name + "_bn");
            long out = w.size(0);
            double[] bias = new double[(int) out];
            if (bn == null) {
                for (int j = 0; j < out; j++) {
                    bias[j] = b == null ? 0 : b.getDouble(j);
                }
            } else {
                org.deeplearning4j.nn.conf.layers.BatchNormalization conf =
                        (org.deeplearning4j.nn.conf.layers.BatchNormalization) bn.conf().getLayer();
                double[] gamma = bn.getParam("gamma").castTo(DataType.DOUBLE).toDoubleVector();
                double[] beta = bn.getParam("beta").castTo(DataType.DOUBLE).toDoubleVector();
                double[] mean = bn.getParam("mean").castTo(DataType.DOUBLE).toDoubleVector();
                int channels = gamma.length;
                double[] sigma = new double[channels];
                if (conf.isUseLogStd()) {
                    // DL4J's inference turns the stored deviation into a variance and adds ε again
                    // (measured: it divides by sqrt(std² + ε)), so the fold must too; dividing by std
                    // alone is off by ε/(2·std²), 0.4 % per layer at std 0.035.
                    double[] log = bn.getParam("log10stdev").castTo(DataType.DOUBLE).toDoubleVector();
                    for (int c = 0; c < channels; c++) {
                        double std = Math.pow(10, log[c]);
                        sigma[c] = Math.sqrt(std * std + conf.getEps());
                    }
                } else {
                    double[] var = bn.getParam("var").castTo(DataType.DOUBLE).toDoubleVector();
                    for (int c = 0; c < channels; c++) {
                        sigma[c] = Math.sqrt(var[c] + conf.getEps());
                    }
                }
                w = w.dup();
                // A phase-form transposed convolution has 8 outputs per normalised channel, phase-major.
                for (int j = 0; j < out; j++) {
                    int c = j % channels;
                    double scale = gamma[c] / sigma[c];
                    w.get(NDArrayIndex.point(j)).muli(scale);
                    bias[j] = ((b == null ? 0 : b.getDouble(j)) - mean[c]) * scale + beta[c];
                }
            }
            if (w.size(2) != target.getParam("W").size(2)) {
                w = SubPixelDeconvolution.weights(w);
                bias = SubPixelDeconvolution.bias(bias);
            }
            target.setParam("W", w.castTo(target.getParam("W").dataType()));
            INDArray tb = target.getParam("b");
            tb.assign(org.nd4j.linalg.factory.Nd4j.createFromArray(bias).castTo(tb.dataType()).reshape(tb.shape()));
        }
        return folded;
    }
}
