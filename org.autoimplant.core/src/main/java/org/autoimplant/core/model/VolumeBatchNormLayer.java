package org.autoimplant.core.model;

import java.util.stream.IntStream;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The computation of {@link VolumeBatchNorm}: per channel of an [n, c, d, h, w] activation, batch
 * statistics over n·d·h·w in training (running statistics otherwise), y = γ·(x − μ)/σ + β, then
 * ReLU when configured. Each channel of each example is one contiguous run, so forward is two
 * passes (statistics, output) and backward two (sums, input gradient), channels in parallel;
 * nothing is kept between them but per-channel numbers and the layer input DL4J keeps anyway.
 *
 * <p>Numbers as DL4J's layer: biased batch variance, σ = sqrt(var + ε); running mean and log10 of
 * the running deviation (or variance) moved by {@code decay} through their "gradients", which the
 * configuration's no-op updater subtracts as they are.
 */
final class VolumeBatchNormLayer extends org.deeplearning4j.nn.layers.normalization.BatchNormalization {
    private static final long serialVersionUID = 1L;
    private static final int CHUNK = 8192;

    /** Batch statistics of the last training forward pass, for backprop. */
    private double[] batchMean;
    private double[] batchVar;

    VolumeBatchNormLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    private VolumeBatchNorm bn() {
        return (VolumeBatchNorm) conf().getLayer();
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr mgr) {
        assertInputSet(false);
        INDArray x = DirectElements.addressable(input.castTo(dataType));
        Dims dims = dims(x);
        double[] mean;
        double[] var;
        if (training) {
            double[][] stats = statistics(DirectElements.of(x), dims);
            mean = batchMean = stats[0];
            var = batchVar = stats[1];
        } else {
            mean = vector(BatchNormalizationParamInitializer.GLOBAL_MEAN);
            var = runningVariance();
        }
        double[] scale = new double[dims.channels];
        double[] shift = new double[dims.channels];
        double[] gamma = vector(BatchNormalizationParamInitializer.GAMMA);
        double[] beta = vector(BatchNormalizationParamInitializer.BETA);
        for (int c = 0; c < dims.channels; c++) {
            scale[c] = gamma[c] / Math.sqrt(var[c] + bn().getEps());
            shift[c] = beta[c] - mean[c] * scale[c];
        }
        INDArray out = mgr.createUninitialized(ArrayType.ACTIVATIONS, dataType, x.shape(), 'c');
        INDArray target = DirectElements.isAddressable(out) ? out : DirectElements.detached(dataType, x.shape());
        normalise(DirectElements.of(x), DirectElements.of(target), dims, scale, shift, bn().relu());
        DirectElements.written(target);
        if (target != out) {
            out.assign(target);
        }
        return out;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr mgr) {
        assertInputSet(true);
        if (batchMean == null) {
            throw new IllegalStateException(layerId() + ": backprop needs a training forward pass first");
        }
        INDArray x = DirectElements.addressable(input.castTo(dataType));
        INDArray dz = DirectElements.addressable(epsilon.castTo(dataType));
        Dims dims = dims(x);
        double[] gamma = vector(BatchNormalizationParamInitializer.GAMMA);
        double[] beta = vector(BatchNormalizationParamInitializer.BETA);
        double[] dGamma = new double[dims.channels];
        double[] dBeta = new double[dims.channels];
        INDArray dx = mgr.createUninitialized(ArrayType.ACTIVATION_GRAD, dataType, x.shape(), 'c');
        INDArray target = DirectElements.isAddressable(dx) ? dx : DirectElements.detached(dataType, x.shape());
        backward(DirectElements.of(x), DirectElements.of(dz), DirectElements.of(target), dims, gamma, beta, dGamma,
                dBeta, bn().relu());
        DirectElements.written(target);
        if (target != dx) {
            dx.assign(target);
        }
        Gradient g = new DefaultGradient();
        g.setGradientFor(BatchNormalizationParamInitializer.GAMMA, assign(BatchNormalizationParamInitializer.GAMMA, dGamma));
        g.setGradientFor(BatchNormalizationParamInitializer.BETA, assign(BatchNormalizationParamInitializer.BETA, dBeta));
        runningStatisticsSteps(g);
        return new Pair<>(g, dx);
    }

    /**
     * The running statistics' "gradients": the running mean becomes decay·mean + (1 − decay)·batch
     * mean, the running variance likewise (stored as log10 of the deviation by default), when the
     * no-op updater subtracts these.
     */
    private void runningStatisticsSteps(Gradient g) {
        double decay = bn().getDecay();
        double[] mean = vector(BatchNormalizationParamInitializer.GLOBAL_MEAN);
        double[] meanStep = new double[mean.length];
        for (int c = 0; c < mean.length; c++) {
            meanStep[c] = (1 - decay) * (mean[c] - batchMean[c]);
        }
        g.setGradientFor(BatchNormalizationParamInitializer.GLOBAL_MEAN,
                assign(BatchNormalizationParamInitializer.GLOBAL_MEAN, meanStep));
        double[] var = runningVariance();
        double[] varStep = new double[var.length];
        String key;
        if (bn().isUseLogStd()) {
            key = BatchNormalizationParamInitializer.GLOBAL_LOG_STD;
            for (int c = 0; c < var.length; c++) {
                double next = decay * var[c] + (1 - decay) * batchVar[c];
                varStep[c] = 0.5 * Math.log10(var[c] / next);
            }
        } else {
            key = BatchNormalizationParamInitializer.GLOBAL_VAR;
            for (int c = 0; c < var.length; c++) {
                varStep[c] = (1 - decay) * (var[c] - batchVar[c]);
            }
        }
        g.setGradientFor(key, assign(key, varStep));
    }

    private double[] runningVariance() {
        if (bn().isUseLogStd()) {
            double[] log = vector(BatchNormalizationParamInitializer.GLOBAL_LOG_STD);
            double[] var = new double[log.length];
            for (int c = 0; c < log.length; c++) {
                double std = Math.pow(10, log[c]);
                var[c] = std * std;
            }
            return var;
        }
        return vector(BatchNormalizationParamInitializer.GLOBAL_VAR);
    }

    private double[] vector(String param) {
        return getParam(param).castTo(DataType.DOUBLE).dup().data().asDouble();
    }

    private INDArray assign(String param, double[] values) {
        INDArray view = gradientViews.get(param);
        for (int c = 0; c < values.length; c++) {
            view.putScalar(c, values[c]);
        }
        return view;
    }

    /** [n, c, d·h·w] of a rank-5 activation. */
    private record Dims(int batch, int channels, long volume) {
        long start(int example, int channel) {
            return (example * (long) channels + channel) * volume;
        }

        double count() {
            return (double) batch * volume;
        }

        /** Visits channel {@code c} of every example in order, in chunks of at most CHUNK elements. */
        void eachChunk(int c, Chunk action) {
            for (int b = 0; b < batch; b++) {
                long start = start(b, c);
                for (long from = 0; from < volume; from += CHUNK) {
                    action.visit(start + from, (int) Math.min(CHUNK, volume - from));
                }
            }
        }
    }

    /** Elements [at, at + len) of one channel. */
    private interface Chunk {
        void visit(long at, int len);
    }

    private Dims dims(INDArray x) {
        if (x.rank() != 5 || x.size(1) != bn().getNOut()) {
            throw new IllegalArgumentException(layerId() + ": expected [n, " + bn().getNOut()
                    + ", d, h, w] activations, got " + java.util.Arrays.toString(x.shape()));
        }
        return new Dims((int) x.size(0), (int) x.size(1), x.size(2) * x.size(3) * x.size(4));
    }

    /**
     * Mean and biased variance per channel, accumulated in double around the channel's first value
     * (sums of deviations from a nearby value do not cancel catastrophically as raw sums of squares can).
     */
    private static double[][] statistics(DirectElements x, Dims dims) {
        double[] mean = new double[dims.channels];
        double[] var = new double[dims.channels];
        IntStream.range(0, dims.channels).parallel().forEach(c -> {
            double[] buf = new double[CHUNK];
            float[] scratch = new float[CHUNK];
            x.read(dims.start(0, c), buf, scratch, 1);
            double pivot = buf[0];
            // One running sum per channel across chunks: per-chunk partial sums round differently, and trained
            // networks (HeldOutTest) are sensitive to that.
            double[] sums = new double[2];
            dims.eachChunk(c, (at, len) -> {
                x.read(at, buf, scratch, len);
                double s1 = sums[0];
                double s2 = sums[1];
                for (int i = 0; i < len; i++) {
                    double d = buf[i] - pivot;
                    s1 += d;
                    s2 += d * d;
                }
                sums[0] = s1;
                sums[1] = s2;
            });
            double s1 = sums[0];
            double s2 = sums[1];
            double m = s1 / dims.count();
            mean[c] = pivot + m;
            var[c] = Math.max(0, s2 / dims.count() - m * m);
        });
        return new double[][] {mean, var};
    }

    private static void normalise(DirectElements x, DirectElements out, Dims dims, double[] scale, double[] shift,
            boolean relu) {
        IntStream.range(0, dims.batch * dims.channels).parallel().forEach(run -> {
            int c = run % dims.channels;
            long start = dims.start(run / dims.channels, c);
            double[] buf = new double[CHUNK];
            float[] scratch = new float[CHUNK];
            double a = scale[c];
            double s = shift[c];
            for (long from = 0; from < dims.volume; from += CHUNK) {
                int len = (int) Math.min(CHUNK, dims.volume - from);
                x.read(start + from, buf, scratch, len);
                for (int i = 0; i < len; i++) {
                    double y = buf[i] * a + s;
                    buf[i] = relu && y < 0 ? 0 : y;
                }
                out.write(start + from, buf, scratch, len);
            }
        });
    }

    /**
     * With g = ∂L/∂y (zero where the ReLU cut), x̂ = (x − μ)/σ and M = n·d·h·w:
     * ∂L/∂β = Σg, ∂L/∂γ = Σg·x̂, ∂L/∂x = γ/σ · (g − Σg/M − x̂·Σg·x̂/M).
     */
    private void backward(DirectElements x, DirectElements dz, DirectElements dx, Dims dims, double[] gamma,
            double[] beta, double[] dGamma, double[] dBeta, boolean relu) {
        double eps = bn().getEps();
        IntStream.range(0, dims.channels).parallel().forEach(c -> {
            double[] xs = new double[CHUNK];
            double[] gs = new double[CHUNK];
            float[] scratch = new float[CHUNK];
            double invStd = 1 / Math.sqrt(batchVar[c] + eps);
            double mean = batchMean[c];
            double scale = gamma[c] * invStd;
            double shift = beta[c] - mean * scale;
            double[] sums = new double[2];
            dims.eachChunk(c, (at, len) -> {
                x.read(at, xs, scratch, len);
                dz.read(at, gs, scratch, len);
                double sumG = sums[0];
                double sumGX = sums[1];
                for (int i = 0; i < len; i++) {
                    double g = relu && xs[i] * scale + shift <= 0 ? 0 : gs[i];
                    sumG += g;
                    sumGX += g * (xs[i] - mean);
                }
                sums[0] = sumG;
                sums[1] = sumGX;
            });
            dBeta[c] = sums[0];
            dGamma[c] = sums[1] * invStd;
            double meanG = sums[0] / dims.count();
            double slope = sums[1] * invStd * invStd / dims.count();
            dims.eachChunk(c, (at, len) -> {
                x.read(at, xs, scratch, len);
                dz.read(at, gs, scratch, len);
                for (int i = 0; i < len; i++) {
                    double g = relu && xs[i] * scale + shift <= 0 ? 0 : gs[i];
                    gs[i] = scale * (g - meanG - (xs[i] - mean) * slope);
                }
                dx.write(at, gs, scratch, len);
            });
        });
    }
}
