package org.autoimplant.core.model;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.Random;
import org.autoimplant.core.volume.Shape;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/** The folded inference network computes what the trained network computes in inference mode. */
public class BatchNormFoldingTest {

    private static void check(NetworkSpec spec) {
        ComputationGraph g = ImplantNetworks.build(spec);
        Shape s = spec.input();
        Nd4j.getRandom().setSeed(7);
        INDArray in = Nd4j.rand(DataType.FLOAT, 1, 1, s.nz(), s.ny(), s.nx()).gt(0.7).castTo(DataType.FLOAT);
        INDArray labels = Nd4j.zeros(DataType.FLOAT, 1, 2, s.nz(), s.ny(), s.nx());
        labels.get(org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.point(1)).assign(in);
        labels.get(org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.point(0))
                .assign(in.rsub(1));
        // Training moves the weights and the running statistics away from their initial values...
        for (int i = 0; i < 3; i++) {
            g.fit(new MultiDataSet(new INDArray[] {in}, new INDArray[] {labels}));
        }
        // ...running statistics set to each layer's real activation statistics (as after long
        // training: with the initial ones, N(0, 0.01) weights shrink activations ~30× per layer and
        // deep terms vanish below float resolution), then random scales and shifts on top, so every
        // term of every layer matters.
        Random r = new Random(3);
        int bnLayers = 0;
        for (int index : g.topologicalSortOrder()) {
            String name = g.getVertices()[index].getVertexName();
            if (!name.endsWith("_bn")) {
                continue;
            }
            bnLayers++;
            Layer bn = g.getLayer(name);
            INDArray a = g.feedForward(in, false).get(name.substring(0, name.length() - 3));
            long channels = bn.getParam("mean").length();
            // A phase-form transposed convolution's 8·c outputs are c channels in eight phases.
            a = a.reshape('c', a.size(0), a.size(1) / channels, channels, a.size(2), a.size(3), a.size(4));
            INDArray mean = a.mean(0, 1, 3, 4, 5);
            INDArray var = a.var(false, 0, 1, 3, 4, 5);
            bn.getParam("mean").assign(mean.reshape(bn.getParam("mean").shape()));
            if (bn.paramTable().containsKey("log10stdev")) {
                bn.getParam("log10stdev").assign(Transforms.log(Transforms.sqrt(var.add(1e-5)), 10)
                        .reshape(bn.getParam("log10stdev").shape()));
            } else {
                bn.getParam("var").assign(var.reshape(bn.getParam("var").shape()));
            }
            for (String p : new String[] {"gamma", "beta"}) {
                INDArray v = bn.getParam(p);
                for (long c = 0; c < v.length(); c++) {
                    v.putScalar(c, p.equals("gamma") ? 0.5 + r.nextDouble() : 0.2 * r.nextGaussian());
                }
            }
        }
        assertTrue(bnLayers > 10);
        // A head bias that puts about half of the voxels inside, so the masks below say something.
        INDArray logits = g.feedForward(in, false).get("head4");
        INDArray gap = logits.get(NDArrayIndex.all(), NDArrayIndex.point(0)).sub(
                logits.get(NDArrayIndex.all(), NDArrayIndex.point(1)));
        double median = gap.medianNumber().doubleValue();
        INDArray headBias = g.getLayer("head4").getParam("b");
        headBias.putScalar(1, headBias.getDouble(1) + median);
        InferenceNetwork net = InferenceNetwork.of(g, spec);
        ComputationGraph folded = net.graph();
        assertEquals("no batch norm left", 0, java.util.Arrays.stream(folded.getLayers())
                .filter(l -> l instanceof org.deeplearning4j.nn.layers.normalization.BatchNormalization).count());
        // Compare the logits (before the softmax, which squashes differences) and the probabilities;
        // the inference graph is channels-last.
        INDArray inLast = in.reshape('c', 1, s.nz(), s.ny(), s.nx(), 1);
        INDArray expected = g.feedForward(in, false).get("head4").permute(0, 2, 3, 4, 1);
        INDArray actual = folded.feedForward(inLast, false).get("head4");
        double scale = expected.amaxNumber().doubleValue();
        double maxDiff = expected.sub(actual).amaxNumber().doubleValue();
        assertTrue("logits of scale " + scale, scale > 1e-3);
        assertTrue("logits differ by " + maxDiff + " at scale " + scale, maxDiff < 1e-4 * scale);
        INDArray probabilities = g.outputSingle(false, in);
        assertTrue(probabilities.permute(0, 2, 3, 4, 1).sub(folded.outputSingle(false, inLast)).amaxNumber()
                .doubleValue() < 1e-5);
        // Masks in, masks out: the same voxels inside, except where the reference is a tie.
        float[] inValues = in.data().asFloat();
        byte[] mask = new byte[inValues.length];
        for (int i = 0; i < mask.length; i++) {
            mask[i] = (byte) inValues[i];
        }
        byte[] reference = Tensors.argmax(probabilities);
        byte[] segmented = net.segment(mask);
        float[] p = probabilities.dup('c').data().asFloat();
        int inside = 0;
        for (int i = 0; i < mask.length; i++) {
            inside += reference[i];
            if (reference[i] != segmented[i]) {
                assertEquals("voxel " + i, 0.5, p[mask.length + i], 1e-4);
            }
        }
        assertTrue("about half of the voxels inside: " + inside + " of " + mask.length,
                inside > mask.length / 4 && inside < 3 * mask.length / 4);
    }

    @Test
    public void foldedN1MatchesInference() {
        check(new NetworkSpec(Role.N1, new Shape(32, 32, 16), 0.125, 5, 1e-3, 0.3, 0));
    }

    @Test
    public void foldedN2MatchesInference() {
        check(new NetworkSpec(Role.N2, new Shape(64, 64, 32), 0.5, 5, 1e-3, 0.3, 0));
    }
}
