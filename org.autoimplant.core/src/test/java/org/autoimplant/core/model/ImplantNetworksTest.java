package org.autoimplant.core.model;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import org.autoimplant.core.volume.Shape;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

public class ImplantNetworksTest {

    /** Convolution weights and biases, and batch-norm gamma/beta, counted from the configuration. */
    private static long[] parameterCounts(ComputationGraphConfiguration conf, NetworkSpec spec) {
        long conv = 0, bn = 0;
        java.util.Map<String, InputType> types = conf.getLayerActivationTypes(
                InputType.convolutional3D(org.deeplearning4j.nn.conf.layers.Convolution3D.DataFormat.NCDHW,
                        spec.input().nz(), spec.input().ny(), spec.input().nx(), 1));
        for (var e : conf.getVertices().entrySet()) {
            if (!(e.getValue() instanceof LayerVertex lv)) {
                continue;
            }
            Layer l = lv.getLayerConf().getLayer();
            long n = l.initializer().numParams(l);
            if (l instanceof BatchNormalization b) {
                bn += 2 * b.getNOut();
            } else {
                conv += n;
            }
        }
        assertTrue(types.size() > 0);
        return new long[] {conv, bn};
    }

    @Test
    public void paperParameterCounts() {
        NetworkSpec n1 = NetworkSpec.paper(Role.N1, 1);
        long[] c1 = parameterCounts(ImplantNetworks.configuration(n1), n1);
        assertEquals("N1 convolution weights + biases", 82_071_620L, c1[0]);
        assertEquals("N1 batch-norm gamma + beta", 4_996L, c1[1]);
        NetworkSpec n2 = NetworkSpec.paper(Role.N2, 1);
        long[] c2 = parameterCounts(ImplantNetworks.configuration(n2), n2);
        assertEquals("N2 convolution weights + biases (as used)", 645_820L, c2[0]);
        assertEquals("N2 batch-norm gamma + beta", 996L, c2[1]);
    }

    @Test
    public void smallCopiesRunForwardWithTheRightShapes() {
        NetworkSpec spec = NetworkSpec.paper(Role.N1, 3).withInput(new Shape(32, 32, 16)).withWidth(0.125);
        ComputationGraph g = ImplantNetworks.build(spec);
        INDArray in = Nd4j.rand(DataType.FLOAT, 1, 1, 16, 32, 32);
        INDArray out = g.outputSingle(false, in);
        assertArrayEquals(new long[] {1, 2, 16, 32, 32}, out.shape());
        // Softmax over the two classes.
        assertEquals(16 * 32 * 32, out.sum(1).sumNumber().doubleValue(), 1e-2);
        NetworkSpec n2 = NetworkSpec.paper(Role.N2, 3).withInput(new Shape(64, 64, 32)).withWidth(0.5);
        INDArray out2 = ImplantNetworks.build(n2).outputSingle(false, Nd4j.rand(DataType.FLOAT, 1, 1, 32, 64, 64));
        assertArrayEquals(new long[] {1, 2, 32, 64, 64}, out2.shape());
    }

    /** The layers oneDNN would pad to 16 channels train space-to-depth; inference graphs stay direct. */
    @Test
    public void fewChannelTrainingConvolutionsRunSpaceToDepth() {
        for (Role role : new Role[] {Role.N1, Role.N2}) {
            NetworkSpec spec = NetworkSpec.paper(role, 1);
            java.util.Set<String> s2d = new java.util.TreeSet<>();
            for (boolean folded : new boolean[] {false, true}) {
                ComputationGraphConfiguration conf = folded ? ImplantNetworks.foldedConfiguration(spec)
                        : ImplantNetworks.configuration(spec);
                for (var e : conf.getVertices().entrySet()) {
                    if (e.getValue() instanceof LayerVertex lv
                            && lv.getLayerConf().getLayer() instanceof VolumeConvolution v && v.isSpaceToDepth()) {
                        s2d.add((folded ? "folded " : "") + e.getKey());
                    }
                }
            }
            // head1 has 32 (N1) or 16 (N2) inputs; the others 2 → 2.
            assertEquals(role.toString(), java.util.Set.of("head2", "head3", "head4"), s2d);
        }
    }

    @Test(expected = IllegalArgumentException.class)
    public void inputMustHalveCleanly() {
        NetworkSpec.paper(Role.N2, 1).withInput(new Shape(64, 64, 48));
    }

    @Test
    public void bottleneckTapsThatMeetDataAreTheOnlyOnesThatLearn() {
        assertEquals(new Shape(8, 8, 4), NetworkSpec.paper(Role.N1, 1).bottleneck());
        assertEquals(new Shape(8, 8, 4), NetworkSpec.paper(Role.N2, 1).bottleneck());
        assertEquals(1.0, NetworkSpec.paper(Role.N1, 1).bottleneckTapsUsed(), 0);
        assertEquals(1.0, NetworkSpec.paper(Role.N2, 1).bottleneckTapsUsed(), 0);
        assertEquals(9.0 / 27, NetworkSpec.paper(Role.N2, 1).withInput(new Shape(64, 64, 32)).bottleneckTapsUsed(), 1e-12);

        // N1 at 32×32×16: the stride-1 bottleneck convolutions (kernel 5) run on 2×2×1 activations, so
        // only the taps at offsets -1..1 in x/y and 0 in z reach data: 9 of 125. DL4J's gradient must
        // be zero on every other tap of those layers, and not on (nearly) all of the reachable ones.
        NetworkSpec small = new NetworkSpec(Role.N1, new Shape(32, 32, 16), 1.0 / 16, 3, 1e-3, 0.3, 0);
        assertEquals(new Shape(2, 2, 1), small.bottleneck());
        assertEquals(9.0 / 125, small.bottleneckTapsUsed(), 1e-12);
        ComputationGraph g = ImplantNetworks.build(small);
        java.util.Random r = new java.util.Random(2);
        byte[] in = new byte[small.input().voxelCount()];
        byte[] truth = new byte[in.length];
        for (int i = 0; i < in.length; i++) {
            in[i] = (byte) (r.nextInt(4) == 0 ? 1 : 0);
            truth[i] = (byte) (r.nextInt(8) == 0 ? 1 : 0);
        }
        g.setInputs(Tensors.input(in, small.input()));
        g.setLabels(Tensors.labels(truth, small.input()));
        g.computeGradientAndScore();
        for (String layer : new String[] {"enc5_W", "enc6_W"}) {
            INDArray grad = g.gradient().getGradientFor(layer);
            long[] s = grad.shape(); // [out, in, kD, kH, kW]
            assertArrayEquals(new long[] {5, 5, 5}, new long[] {s[2], s[3], s[4]});
            long reachable = 0, reachableNonZero = 0;
            for (long o = 0; o < s[0]; o++) {
                for (long c = 0; c < s[1]; c++) {
                    for (int kd = 0; kd < 5; kd++) {
                        for (int kh = 0; kh < 5; kh++) {
                            for (int kw = 0; kw < 5; kw++) {
                                double v = grad.getDouble(o, c, kd, kh, kw);
                                boolean reaches = kd == 2 && kh >= 1 && kh <= 3 && kw >= 1 && kw <= 3;
                                if (reaches) {
                                    reachable++;
                                    reachableNonZero += v != 0 ? 1 : 0;
                                } else {
                                    assertEquals(layer + " tap " + kd + "," + kh + "," + kw, 0.0, v, 0);
                                }
                            }
                        }
                    }
                }
            }
            assertEquals(s[0] * s[1] * 9, reachable);
            assertTrue(layer + ": " + reachableNonZero + " of " + reachable, reachableNonZero > reachable / 2);
        }
    }
}
