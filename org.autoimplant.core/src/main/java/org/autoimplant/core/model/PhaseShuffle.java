package org.autoimplant.core.model;

import java.nio.FloatBuffer;
import java.util.stream.IntStream;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Channels-first depth-to-space and its inverse: phases [n, 8c, d, h, w], where channel
 * {@code phase·c + k} holds channel k of the voxel (2z + rz, 2y + ry, 2x + rx) with phase =
 * 4rz + 2ry + rx, and volumes [n, c, 2d, 2h, 2w]. Used by {@link DepthToSpacePreProcessor}
 * (training graphs' transposed convolutions) and {@link SpaceToDepthConvolution}.
 */
final class PhaseShuffle {
    private PhaseShuffle() {
    }

    /** Depth-to-space: {@code packed} into {@code volume}, both dense C-ordered. */
    static void toVolume(INDArray packed, INDArray volume) {
        if (DirectElements.floatAddressable(packed, volume)) {
            interleaveRows(packed, volume, true);
            DirectElements.written(volume);
        } else {
            interleaved(volume, packed).assign(phases(packed));
        }
    }

    /** Space-to-depth, the inverse: {@code volume} into {@code packed}, both dense C-ordered. */
    static void toPhases(INDArray volume, INDArray packed) {
        if (DirectElements.floatAddressable(packed, volume)) {
            interleaveRows(packed, volume, false);
            DirectElements.written(packed);
        } else {
            phases(packed).assign(interleaved(volume, packed));
        }
    }

    /** The phases as [n, c, d, rz, h, ry, w, rx], the axis order of {@link #interleaved}. */
    private static INDArray phases(INDArray packed) {
        return packed.reshape('c', packed.size(0), 2, 2, 2, packed.size(1) / 8, packed.size(2), packed.size(3),
                packed.size(4)).permute(0, 4, 5, 1, 6, 2, 7, 3);
    }

    /** The volume with its phase axes split off. */
    private static INDArray interleaved(INDArray volume, INDArray packed) {
        return volume.reshape('c', volume.size(0), volume.size(1), packed.size(2), 2, packed.size(3), 2,
                packed.size(4), 2);
    }

    /**
     * An output row of 2w voxels (fixed n, k, z, y) interleaves the rows of phases rx = 0 and 1:
     * bulk reads of both, one pass, a bulk write; {@code forward} false runs it in reverse. Why
     * not ND4J's rank-8 permuted assign: 0.56 s for the 134 M floats of N2's last transposed
     * convolution against 0.075 s for bulk copies (measured).
     */
    private static void interleaveRows(INDArray packedArray, INDArray volumeArray, boolean forward) {
        FloatBuffer packed = packedArray.data().asNioFloat();
        FloatBuffer volume = volumeArray.data().asNioFloat();
        int batch = (int) packedArray.size(0);
        int c = (int) packedArray.size(1) / 8;
        int d = (int) packedArray.size(2), h = (int) packedArray.size(3), w = (int) packedArray.size(4);
        IntStream.range(0, batch * c * d).parallel().forEach(task -> {
            int z = task % d;
            int k = (task / d) % c;
            int n = task / (d * c);
            float[] even = new float[w];
            float[] odd = new float[w];
            float[] row = new float[2 * w];
            for (int rz = 0; rz < 2; rz++) {
                for (int y = 0; y < h; y++) {
                    for (int ry = 0; ry < 2; ry++) {
                        int phase = 4 * rz + 2 * ry;
                        int from0 = (((n * 8 * c + phase * c + k) * d + z) * h + y) * w;
                        int from1 = from0 + c * d * h * w;
                        int to = (((n * c + k) * 2 * d + 2 * z + rz) * 2 * h + 2 * y + ry) * 2 * w;
                        if (forward) {
                            packed.get(from0, even, 0, w);
                            packed.get(from1, odd, 0, w);
                            for (int x = 0; x < w; x++) {
                                row[2 * x] = even[x];
                                row[2 * x + 1] = odd[x];
                            }
                            volume.put(to, row, 0, 2 * w);
                        } else {
                            volume.get(to, row, 0, 2 * w);
                            for (int x = 0; x < w; x++) {
                                even[x] = row[2 * x];
                                odd[x] = row[2 * x + 1];
                            }
                            packed.put(from0, even, 0, w);
                            packed.put(from1, odd, 0, w);
                        }
                    }
                }
            }
        });
    }
}
