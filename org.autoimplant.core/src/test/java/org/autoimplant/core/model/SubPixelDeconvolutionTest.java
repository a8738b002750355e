package org.autoimplant.core.model;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Cnn3DLossLayer;
import org.deeplearning4j.nn.conf.layers.Convolution3D;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.junit.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The phase form of the transposed convolution, channels-first (training) and channels-last
 * (inference), against zero insertion + kernel-4 convolution (DL4J's own 'same' padding), and the
 * shuffle against its index formula.
 */
public class SubPixelDeconvolutionTest {

    /** One convolution layer of kernel k, its input zero-inserted first when {@code zeroInsertion} (NCDHW only). */
    private static ComputationGraph layer(int k, int cin, int cout, int d, int h, int w, boolean zeroInsertion,
            Convolution3D.DataFormat format) {
        var gb = new NeuralNetConfiguration.Builder().dataType(DataType.FLOAT).seed(11).graphBuilder()
                .addInputs("in")
                .setInputTypes(InputType.convolutional3D(format, d, h, w, cin));
        var conv = new Convolution3D.Builder().kernelSize(k, k, k).stride(1, 1, 1)
                .dataFormat(format).convolutionMode(ConvolutionMode.Same).nOut(cout)
                .hasBias(false).activation(Activation.IDENTITY).build();
        if (zeroInsertion) {
            gb.addLayer("conv", conv, new ZeroInsertionPreProcessor(cin, d, h, w), "in");
        } else {
            gb.addLayer("conv", conv, "in");
        }
        gb.addLayer("out", new Cnn3DLossLayer.Builder(format).activation(Activation.IDENTITY)
                .build(), "conv").setOutputs("out");
        ComputationGraph g = new ComputationGraph(gb.build());
        g.init();
        return g;
    }

    private static ComputationGraph layer(int k, int cin, int cout, int d, int h, int w, boolean zeroInsertion) {
        return layer(k, cin, cout, d, h, w, zeroInsertion,
                zeroInsertion ? Convolution3D.DataFormat.NCDHW : Convolution3D.DataFormat.NDHWC);
    }

    /** The phase form in {@code format} (training graphs NCDHW, inference NDHWC) against zero insertion. */
    private static void checkAgainstZeroInsertion(Convolution3D.DataFormat format, int cin, int cout, int d, int h,
            int w) {
        boolean last = format == Convolution3D.DataFormat.NDHWC;
        ComputationGraph reference = layer(4, cin, cout, d, h, w, true);
        ComputationGraph phases = layer(2, cin, 8 * cout, d, h, w, false, format);
        Nd4j.getRandom().setSeed(5);
        reference.getLayer("conv").setParam("W", Nd4j.randn(DataType.FLOAT, cout, cin, 4, 4, 4));
        phases.getLayer("conv").setParam("W", SubPixelDeconvolution.weights(reference.getLayer("conv").getParam("W")));
        INDArray x = Nd4j.randn(DataType.FLOAT, 2, cin, d, h, w);
        INDArray expected = reference.outputSingle(false, x);
        INDArray actual = new DepthToSpacePreProcessor(format, cout, d, h, w).preProcess(
                phases.outputSingle(false, last ? x.permute(0, 2, 3, 4, 1).dup('c') : x), 2,
                LayerWorkspaceMgr.noWorkspaces());
        if (last) {
            expected = expected.permute(0, 2, 3, 4, 1);
        }
        assertArrayEquals(expected.shape(), actual.shape());
        double scale = expected.amaxNumber().doubleValue();
        double diff = expected.sub(actual).amaxNumber().doubleValue();
        assertTrue("differ by " + diff + " at scale " + scale, scale > 1 && diff < 1e-5 * scale);
    }

    @Test
    public void phaseFormEqualsZeroInsertionConvolution() {
        for (Convolution3D.DataFormat format : Convolution3D.DataFormat.values()) {
            checkAgainstZeroInsertion(format, 1, 1, 2, 3, 4);
            checkAgainstZeroInsertion(format, 3, 5, 3, 2, 5);
            checkAgainstZeroInsertion(format, 16, 8, 4, 4, 2);
        }
    }

    @Test
    public void everySingleTapLandsWhereTheTransposedConvolutionPutsIt() {
        // Per axis, output i gets tap t from input m when i = 2m + 1 − t (one voxel of 'same' padding before).
        int n = 3;
        ComputationGraph phases = layer(2, 1, 8, n, n, n, false);
        INDArray x = Nd4j.zeros(DataType.FLOAT, 1, n, n, n, 1);
        x.putScalar(new long[] {0, 1, 1, 1, 0}, 1);
        for (int tz = 0; tz < 4; tz++) {
            for (int ty = 0; ty < 4; ty++) {
                for (int tx = 0; tx < 4; tx++) {
                    INDArray w4 = Nd4j.zeros(DataType.FLOAT, 1, 1, 4, 4, 4);
                    w4.putScalar(new long[] {0, 0, tz, ty, tx}, 1);
                    phases.getLayer("conv").setParam("W", SubPixelDeconvolution.weights(w4));
                    INDArray y = new DepthToSpacePreProcessor(1, n, n, n).preProcess(phases.outputSingle(false, x), 1,
                            LayerWorkspaceMgr.noWorkspaces());
                    assertEquals(1.0, y.sumNumber().doubleValue(), 0);
                    assertEquals(1.0, y.getDouble(0, 3 - tz, 3 - ty, 3 - tx, 0), 0);
                }
            }
        }
    }

    @Test
    public void shuffleFollowsItsIndexFormulaAndBackpropInvertsIt() {
        // FLOAT takes the bulk-copy paths, DOUBLE ND4J's permuted assign: both against the formula.
        for (Convolution3D.DataFormat format : Convolution3D.DataFormat.values()) {
            boolean last = format == Convolution3D.DataFormat.NDHWC;
            for (DataType type : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
                int c = 3, d = 2, h = 3, w = 4;
                INDArray packed = Nd4j.arange(2 * 8 * c * d * h * w).castTo(type);
                packed = last ? packed.reshape('c', 2, d, h, w, 8 * c) : packed.reshape('c', 2, 8 * c, d, h, w);
                DepthToSpacePreProcessor shuffle = new DepthToSpacePreProcessor(format, c, d, h, w);
                INDArray out = shuffle.preProcess(packed, 2, LayerWorkspaceMgr.noWorkspaces());
                assertArrayEquals(last ? new long[] {2, 2 * d, 2 * h, 2 * w, c} : new long[] {2, c, 2 * d, 2 * h, 2 * w},
                        out.shape());
                for (int n = 0; n < 2; n++) {
                    for (int z = 0; z < 2 * d; z++) {
                        for (int y = 0; y < 2 * h; y++) {
                            for (int x = 0; x < 2 * w; x++) {
                                for (int k = 0; k < c; k++) {
                                    int j = (4 * (z % 2) + 2 * (y % 2) + x % 2) * c + k;
                                    double expected = last ? packed.getDouble(n, z / 2, y / 2, x / 2, j)
                                            : packed.getDouble(n, j, z / 2, y / 2, x / 2);
                                    double actual = last ? out.getDouble(n, z, y, x, k) : out.getDouble(n, k, z, y, x);
                                    assertEquals(format + " " + type + " at " + n + "," + z + "," + y + "," + x + ","
                                            + k, expected, actual, 0);
                                }
                            }
                        }
                    }
                }
                assertEquals(format + " " + type, packed, shuffle.backprop(out, 2, LayerWorkspaceMgr.noWorkspaces()));
                if (!last) {
                    // Stored channels-last, as a VolumeConvolution with channels-last output hands it on.
                    INDArray stored = packed.permute(0, 2, 3, 4, 1).dup('c').permute(0, 4, 1, 2, 3);
                    assertEquals(1, stored.stride(1));
                    assertEquals(format + " " + type + " stored channels-last", out,
                            shuffle.preProcess(stored, 2, LayerWorkspaceMgr.noWorkspaces()));
                }
            }
        }
        assertEquals(new InputType.InputTypeConvolutional3D(Convolution3D.DataFormat.NDHWC, 4, 6, 8, 3),
                new DepthToSpacePreProcessor(3, 2, 3, 4).getOutputType(null));
        assertEquals(new InputType.InputTypeConvolutional3D(Convolution3D.DataFormat.NCDHW, 4, 6, 8, 3),
                new DepthToSpacePreProcessor(Convolution3D.DataFormat.NCDHW, 3, 2, 3, 4).getOutputType(null));
    }
}
