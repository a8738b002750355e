package org.autoimplant.core.model;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The transposed convolution of kernel 4 and stride 2 as eight stride-1 convolutions of kernel 2 on
 * the undilated input, one per output phase, followed by {@link DepthToSpacePreProcessor}.
 *
 * <p>Why: computed as zero insertion + a kernel-4 convolution ({@link ZeroInsertionPreProcessor},
 * how training did it first), 7 of every 8 multiply-adds hit an inserted zero; in the paper-size N1
 * that is 346 of 954 GFLOP per forward pass, and in N2's last one at full size 4.4 s forward and
 * 9 s backward of a training step. The phase form does only the useful eighth, on an input 8×
 * smaller. The networks are built in this form; {@link #weights} converts the kernel-4 weights of
 * model files written before.
 *
 * <p>The identity, per axis: with 'same' padding (one voxel before, two after) the kernel-4
 * convolution of the zero-inserted input z (z[2m] = x[m], zeros between) gives
 * y[2p] = w[1]·x[p] + w[3]·x[p+1] and y[2p+1] = w[0]·x[p] + w[2]·x[p+1]: a kernel-2 'same'
 * convolution (no padding before, one after) with taps (w[1], w[3]) for phase 0 and (w[0], w[2])
 * for phase 1, i.e. tap s of phase r is w[2s + 1 − r]. In 3-D the phases multiply.
 */
final class SubPixelDeconvolution {
    private SubPixelDeconvolution() {
    }

    /**
     * [c, cin, 4, 4, 4] kernel-4 weights → [8c, cin, 2, 2, 2] phase-major kernel-2 weights. Plain
     * loops over the values: a few million at most, and ND4J's chained point/interval views proved
     * unreliable for this scatter.
     */
    static INDArray weights(INDArray w) {
        int c = (int) w.size(0), cin = (int) w.size(1);
        double[] src = w.dup('c').data().asDouble();
        double[] dst = new double[8 * c * cin * 8];
        for (int phase = 0; phase < 8; phase++) {
            int rz = phase >> 2, ry = (phase >> 1) & 1, rx = phase & 1;
            for (int o = 0; o < c; o++) {
                for (int i = 0; i < cin; i++) {
                    int from = (o * cin + i) * 64;
                    int to = ((phase * c + o) * cin + i) * 8;
                    for (int s = 0; s < 8; s++) {
                        int sz = s >> 2, sy = (s >> 1) & 1, sx = s & 1;
                        dst[to + s] = src[from + (tap(rz, sz) * 4 + tap(ry, sy)) * 4 + tap(rx, sx)];
                    }
                }
            }
        }
        return Nd4j.create(dst, new long[] {8L * c, cin, 2, 2, 2}, 'c').castTo(w.dataType());
    }

    /** Per-channel biases repeated for the eight phases. */
    static double[] bias(double[] b) {
        double[] out = new double[8 * b.length];
        for (int phase = 0; phase < 8; phase++) {
            System.arraycopy(b, 0, out, phase * b.length, b.length);
        }
        return out;
    }

    private static int tap(int phase, int s) {
        return 2 * s + 1 - phase;
    }
}
