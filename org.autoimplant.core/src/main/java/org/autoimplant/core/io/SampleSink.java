package org.autoimplant.core.io;

import java.nio.ByteBuffer;
import org.autoimplant.core.volume.ByteVoxels;
import org.autoimplant.core.volume.DoubleVoxels;
import org.autoimplant.core.volume.FloatVoxels;
import org.autoimplant.core.volume.IntVoxels;
import org.autoimplant.core.volume.LongVoxels;
import org.autoimplant.core.volume.ShortVoxels;
import org.autoimplant.core.volume.VoxelArray;
import org.autoimplant.core.volume.VoxelType;

/**
 * Where decoded samples go. Decoders hand over whole chunks of binary samples (already in the
 * file's byte order) or single parsed text values; a sink either keeps them in their type or
 * reduces them to a binary mask on the fly, so a 300 MB int32 file becomes a 79 MB mask without
 * the int array ever existing.
 */
abstract class SampleSink {

    /** Stores {@code count} samples read from {@code src} (ordered, positioned at the first) at {@code index}. */
    abstract void putBinary(ByteBuffer src, int index, int count);

    /** Stores one integer sample parsed from text (raw bit pattern for unsigned 64-bit). */
    abstract void putLong(int index, long value);

    /** Stores one floating-point sample parsed from text. */
    abstract void putDouble(int index, double value);

    /** The destination byte array when samples are single bytes copied as they are, else null. */
    byte[] directBytes() {
        return null;
    }

    /** Keeps samples in a {@link VoxelArray} of the file's type. */
    static final class ToArray extends SampleSink {
        private final VoxelArray target;

        ToArray(VoxelArray target) {
            this.target = target;
        }

        @Override
        void putBinary(ByteBuffer src, int index, int count) {
            if (target instanceof ByteVoxels a) {
                src.get(a.data(), index, count);
            } else if (target instanceof ShortVoxels a) {
                src.asShortBuffer().get(a.data(), index, count);
            } else if (target instanceof IntVoxels a) {
                src.asIntBuffer().get(a.data(), index, count);
            } else if (target instanceof LongVoxels a) {
                src.asLongBuffer().get(a.data(), index, count);
            } else if (target instanceof FloatVoxels a) {
                src.asFloatBuffer().get(a.data(), index, count);
            } else if (target instanceof DoubleVoxels a) {
                src.asDoubleBuffer().get(a.data(), index, count);
            }
        }

        @Override
        void putLong(int index, long value) {
            target.setLong(index, value);
        }

        @Override
        void putDouble(int index, double value) {
            target.setDouble(index, value);
        }

        @Override
        byte[] directBytes() {
            return target instanceof ByteVoxels b ? b.data() : null;
        }
    }

    /** Reduces samples to 1 where the value is &gt; 0 and 0 elsewhere, taking a {@link ValueCensus} on the way. */
    static final class ToMask extends SampleSink {
        private final byte[] mask;
        private final VoxelType type;
        final ValueCensus census = new ValueCensus();
        // Bulk-copying a chunk into a primitive scratch array first is several times faster than
        // per-element ByteBuffer reads, and leaves the threshold loop simple enough to vectorise.
        private Object scratch;

        ToMask(byte[] mask, VoxelType type) {
            this.mask = mask;
            this.type = type;
        }

        @Override
        void putBinary(ByteBuffer src, int index, int count) {
            byte[] m = mask;
            boolean signed = type.isSigned();
            switch (type) {
                case INT8, UINT8 -> {
                    int p = src.position();
                    for (int k = 0; k < count; k++) {
                        byte v = src.get(p + k);
                        m[index + k] = (signed ? v > 0 : v != 0) ? (byte) 1 : 0;
                        census.add(signed ? v : v & 0xFF);
                    }
                }
                case INT16, UINT16 -> {
                    short[] t = scratch(short[].class, count);
                    src.asShortBuffer().get(t, 0, count);
                    for (int k = 0; k < count; k++) {
                        m[index + k] = (signed ? t[k] > 0 : t[k] != 0) ? (byte) 1 : 0;
                        census.add(signed ? t[k] : t[k] & 0xFFFF);
                    }
                }
                case INT32, UINT32 -> {
                    int[] t = scratch(int[].class, count);
                    src.asIntBuffer().get(t, 0, count);
                    for (int k = 0; k < count; k++) {
                        m[index + k] = (signed ? t[k] > 0 : t[k] != 0) ? (byte) 1 : 0;
                        census.add(signed ? t[k] : t[k] & 0xFFFFFFFFL);
                    }
                }
                case INT64, UINT64 -> {
                    long[] t = scratch(long[].class, count);
                    src.asLongBuffer().get(t, 0, count);
                    for (int k = 0; k < count; k++) {
                        m[index + k] = (signed ? t[k] > 0 : t[k] != 0) ? (byte) 1 : 0;
                        census.add(signed || t[k] >= 0 ? t[k] : 0x1p64 + t[k]);
                    }
                }
                case FLOAT -> {
                    float[] t = scratch(float[].class, count);
                    src.asFloatBuffer().get(t, 0, count);
                    for (int k = 0; k < count; k++) {
                        m[index + k] = t[k] > 0 ? (byte) 1 : 0;
                        census.add(t[k]);
                    }
                }
                case DOUBLE -> {
                    double[] t = scratch(double[].class, count);
                    src.asDoubleBuffer().get(t, 0, count);
                    for (int k = 0; k < count; k++) {
                        m[index + k] = t[k] > 0 ? (byte) 1 : 0;
                        census.add(t[k]);
                    }
                }
            }
        }

        private <T> T scratch(Class<T> arrayType, int count) {
            if (!arrayType.isInstance(scratch) || java.lang.reflect.Array.getLength(scratch) < count) {
                scratch = java.lang.reflect.Array.newInstance(arrayType.getComponentType(), count);
            }
            return arrayType.cast(scratch);
        }

        @Override
        void putLong(int index, long value) {
            mask[index] = (type.isSigned() ? value > 0 : value != 0) ? (byte) 1 : 0;
            census.add(type.isSigned() || value >= 0 ? value : 0x1p64 + value);
        }

        @Override
        void putDouble(int index, double value) {
            mask[index] = value > 0 ? (byte) 1 : 0;
            census.add(value);
        }
    }
}
