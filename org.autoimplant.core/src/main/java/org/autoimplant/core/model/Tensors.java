package org.autoimplant.core.model;

import java.nio.FloatBuffer;
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

    /** Elements per bulk transfer between Java arrays and ND4J's off-heap buffers. */
    private static final int CHUNK = 1 << 16;

    /** [1, 1, z, y, x] float input, 1 inside, outside any workspace. */
    public static INDArray input(byte[] mask, Shape s) {
        // Written in chunks straight into the new buffer: no volume-sized float[] and second copy.
        INDArray t = DirectElements.detached(DataType.FLOAT, new long[] {1, 1, s.nz(), s.ny(), s.nx()});
        FloatBuffer buffer = t.data().asNioFloat();
        float[] chunk = new float[Math.min(CHUNK, mask.length)];
        for (int from = 0; from < mask.length; from += chunk.length) {
            int len = Math.min(chunk.length, mask.length - from);
            for (int i = 0; i < len; i++) {
                chunk[i] = mask[from + i];
            }
            buffer.put(from, chunk, 0, len);
        }
        DirectElements.written(t);
        return t;
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

    /**
     * The voxels where the foreground probability exceeds the background's (argmax of the softmax);
     * the same for the logits before the softmax.
     */
    public static byte[] argmax(INDArray probabilities) {
        return argmax(probabilities, false);
    }

    /** As {@link #argmax} for channels-last [1, z, y, x, 2] probabilities or logits (inference networks). */
    public static byte[] argmaxChannelsLast(INDArray probabilities) {
        return argmax(probabilities, true);
    }

    private static byte[] argmax(INDArray probabilities, boolean channelsLast) {
        int n = (int) (probabilities.length() / 2);
        // Read in chunks from ND4J's buffer; a copy only when the array is not plain float in C order.
        INDArray p = DirectElements.floatAddressable(probabilities)
                ? probabilities : probabilities.castTo(DataType.FLOAT).dup('c');
        FloatBuffer buffer = p.data().asNioFloat();
        byte[] out = new byte[n];
        int voxels = Math.min(CHUNK, n);
        float[] first = new float[channelsLast ? 2 * voxels : voxels];
        float[] second = channelsLast ? null : new float[voxels];
        for (int from = 0; from < n; from += voxels) {
            int len = Math.min(voxels, n - from);
            if (channelsLast) {
                // (background, inside) pairs
                buffer.get(2 * from, first, 0, 2 * len);
                for (int i = 0; i < len; i++) {
                    out[from + i] = first[2 * i + 1] > first[2 * i] ? (byte) 1 : 0;
                }
            } else {
                buffer.get(from, first, 0, len);
                buffer.get(n + from, second, 0, len);
                for (int i = 0; i < len; i++) {
                    out[from + i] = second[i] > first[i] ? (byte) 1 : 0;
                }
            }
        }
        return out;
    }

    public static Mask mask(byte[] data, Shape s, Geometry g) {
        return new Mask(s, data, g, Metadata.empty());
    }
}
