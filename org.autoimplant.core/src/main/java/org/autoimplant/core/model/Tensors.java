package org.autoimplant.core.model;

import org.autoimplant.core.volume.Geometry;
import org.autoimplant.core.volume.Mask;
import org.autoimplant.core.volume.Metadata;
import org.autoimplant.core.volume.Shape;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Masks as network tensors: NCDHW with D = z, H = y, W = x, so a mask's x-fastest bytes are the
 * tensor's C-order data as they are.
 */
public final class Tensors {
    private Tensors() {
    }

    /** [1, 1, z, y, x] float input, 1 inside. */
    public static INDArray input(byte[] mask, Shape s) {
        float[] f = new float[mask.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = mask[i];
        }
        return Nd4j.create(f, new long[] {1, 1, s.nz(), s.ny(), s.nx()}, 'c');
    }

    /** [1, 2, z, y, x] one-hot labels: channel 0 background, channel 1 inside. */
    public static INDArray labels(byte[] mask, Shape s) {
        int n = mask.length;
        float[] f = new float[2 * n];
        for (int i = 0; i < n; i++) {
            f[i] = 1 - mask[i];
            f[n + i] = mask[i];
        }
        return Nd4j.create(f, new long[] {1, 2, s.nz(), s.ny(), s.nx()}, 'c');
    }

    /** The voxels where the foreground probability exceeds the background's (argmax of the softmax). */
    public static byte[] argmax(INDArray probabilities) {
        return argmax(probabilities, false);
    }

    /** As {@link #argmax} for channels-last [1, z, y, x, 2] probabilities (inference networks). */
    public static byte[] argmaxChannelsLast(INDArray probabilities) {
        return argmax(probabilities, true);
    }

    private static byte[] argmax(INDArray probabilities, boolean channelsLast) {
        int n = (int) (probabilities.length() / 2);
        // One copy out of ND4J, none before it when the array is already plain float in C order.
        INDArray p = probabilities.dataType() == DataType.FLOAT && DirectElements.isAddressable(probabilities)
                ? probabilities : probabilities.castTo(DataType.FLOAT).dup('c');
        float[] all = p.data().asFloat();
        int voxelStride = channelsLast ? 2 : 1;
        int classStride = channelsLast ? 1 : n;
        byte[] out = new byte[n];
        for (int i = 0; i < n; i++) {
            out[i] = all[i * voxelStride + classStride] > all[i * voxelStride] ? (byte) 1 : 0;
        }
        return out;
    }

    public static Mask mask(byte[] data, Shape s, Geometry g) {
        return new Mask(s, data, g, Metadata.empty());
    }
}
