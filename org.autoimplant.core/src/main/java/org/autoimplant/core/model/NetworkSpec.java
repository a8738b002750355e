package org.autoimplant.core.model;

import org.autoimplant.core.volume.Shape;

/**
 * How to build one of the paper's networks: its role, the input size (x, y, z), a width factor on
 * every channel count (1 = the paper; ⅛ for fast tests and demos) and the training settings of
 * the SPEC (Adam, learning rate 1e-4, beta1 0.3; L2 off because the reference declares but never
 * applies it).
 *
 * @param l2 L2 weight on convolution kernels (0 = off); deconvolutions get ten times this, as the
 *     reference declares (5e-4 and 5e-3)
 */
public record NetworkSpec(Role role, Shape input, double width, long seed, double learningRate, double beta1,
        double l2) {

    /** The paper's input sizes. */
    public static final Shape N1_INPUT = new Shape(128, 128, 64);
    public static final Shape N2_INPUT = new Shape(256, 256, 128);

    public NetworkSpec {
        if (!(width > 0) || width > 4) {
            throw new IllegalArgumentException("width factor must be in (0, 4], got " + width);
        }
        int factor = divisor(role);
        if (input.nx() % factor != 0 || input.ny() % factor != 0 || input.nz() % factor != 0) {
            throw new IllegalArgumentException(role.id() + " input " + input + " must be divisible by " + factor
                    + " along every axis (one halving per stride-2 layer)");
        }
        if (!(learningRate > 0) || !(beta1 >= 0 && beta1 < 1) || l2 < 0) {
            throw new IllegalArgumentException("bad training settings: lr " + learningRate + ", beta1 " + beta1 + ", l2 " + l2);
        }
    }

    /** What every input size must be divisible by: 2 to the number of stride-2 layers (N1 4, N2 5). */
    public static int divisor(Role role) {
        return role.usesN1Architecture() ? 16 : 32;
    }

    /** Convolution kernel size: 5 for the N1 architecture, 3 for N2. */
    public int kernel() {
        return role.usesN1Architecture() ? 5 : 3;
    }

    /** Activation size after the stride-2 layers: 8×8×4 for both networks at the paper's inputs. */
    public Shape bottleneck() {
        int f = divisor(role);
        return new Shape(input.nx() / f, input.ny() / f, input.nz() / f);
    }

    /**
     * The share of a bottleneck convolution's kernel taps that ever meet data. With 'same' padding
     * an axis of n voxels reaches only min(k, 2n − 1) of the k taps; the rest always multiply
     * padding zeros, get zero gradient and are dead weight. 1 at the paper's sizes; small copies
     * (e.g. N1 at 32×32×16: 2×2×1, 9 of 125 taps) lose most of their bottleneck capacity this way.
     */
    public double bottleneckTapsUsed() {
        Shape b = bottleneck();
        int k = kernel();
        return (double) Math.min(k, 2 * b.nx() - 1) * Math.min(k, 2 * b.ny() - 1) * Math.min(k, 2 * b.nz() - 1)
                / ((double) k * k * k);
    }

    /** The paper's configuration for {@code role}. */
    public static NetworkSpec paper(Role role, long seed) {
        return new NetworkSpec(role, role.usesN1Architecture() ? N1_INPUT : N2_INPUT, 1.0, seed, 1e-4, 0.3, 0);
    }

    public NetworkSpec withInput(Shape s) {
        return new NetworkSpec(role, s, width, seed, learningRate, beta1, l2);
    }

    public NetworkSpec withWidth(double w) {
        return new NetworkSpec(role, input, w, seed, learningRate, beta1, l2);
    }

    public NetworkSpec withLearningRate(double lr) {
        return new NetworkSpec(role, input, width, seed, lr, beta1, l2);
    }

    public NetworkSpec withSeed(long s) {
        return new NetworkSpec(role, input, width, s, learningRate, beta1, l2);
    }
}
