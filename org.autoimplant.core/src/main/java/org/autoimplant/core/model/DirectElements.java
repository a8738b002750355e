package org.autoimplant.core.model;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.concurrency.AffinityManager;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Chunked reads and writes, as doubles, of the elements of a float or double array in C order,
 * straight from its off-heap buffer. Why: per-element ND4J calls cost microseconds, and ND4J's own
 * ops make a full pass (and often a temporary array) per arithmetic step; our kernels read each
 * element once per pass. Absolute bulk gets and puts keep the buffers safe to share between
 * threads.
 *
 * <p>Every array written through its host buffer (here or by the shuffles' bulk copies) must be
 * passed to {@link #written} afterwards: ND4J's CUDA backend keeps a device copy beside the host
 * one, syncs the host copy when the buffer is read ({@code asNioFloat}), but knows nothing of writes
 * to it, so the next GPU op would read the stale device copy.
 */
final class DirectElements {
    private final FloatBuffer floats;
    private final DoubleBuffer doubles;

    private DirectElements(INDArray a) {
        if (!isAddressable(a)) {
            throw new IllegalArgumentException("not a plain C-ordered array starting its buffer: " + a.shapeInfoToString());
        }
        floats = a.dataType() == DataType.FLOAT ? a.data().asNioFloat() : null;
        doubles = a.dataType() == DataType.DOUBLE ? a.data().asNioDouble() : null;
    }

    static DirectElements of(INDArray a) {
        return new DirectElements(a);
    }

    /** Float or double, C order with default strides, first element at the start of its buffer. */
    static boolean isAddressable(INDArray a) {
        return (a.dataType() == DataType.FLOAT || a.dataType() == DataType.DOUBLE) && a.ordering() == 'c'
                && denseC(a) && a.offset() == 0 && a.data().offset() == 0 && a.length() < Integer.MAX_VALUE;
    }

    /** Float arrays, all {@link #isAddressable}: what the bulk float copies may index absolutely. */
    static boolean floatAddressable(INDArray... arrays) {
        for (INDArray a : arrays) {
            if (a.dataType() != DataType.FLOAT || !isAddressable(a)) {
                return false;
            }
        }
        return true;
    }

    /**
     * C-order strides wherever they matter: ND4J's {@code Shape.hasDefaultStridesForShape} also
     * rejects arrays whose size-1 axes carry other strides, which ND4J itself produces.
     */
    private static boolean denseC(INDArray a) {
        long expected = 1;
        for (int i = a.rank() - 1; i >= 0; i--) {
            if (a.size(i) != 1 && a.stride(i) != expected) {
                return false;
            }
            expected *= a.size(i);
        }
        return true;
    }

    /** {@code a} itself if addressable, else an addressable copy outside any workspace. */
    static INDArray addressable(INDArray a) {
        return isAddressable(a) ? a : detachedCopy(a);
    }

    private static INDArray detachedCopy(INDArray a) {
        try (MemoryWorkspace ws = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
            return a.dup('c');
        }
    }

    /** A new addressable array outside any workspace. */
    static INDArray detached(DataType type, long[] shape) {
        try (MemoryWorkspace ws = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
            return Nd4j.createUninitialized(type, shape, 'c');
        }
    }

    /**
     * Marks the host copy of {@code a}'s buffer as the current one after bulk writes to it (ND4J's
     * {@code tagLocation}: on CUDA the device copy is refreshed before its next use; a no-op on the
     * CPU backend).
     */
    static void written(INDArray a) {
        Nd4j.getAffinityManager().tagLocation(a, AffinityManager.Location.HOST);
    }

    /** Elements [from, from + len) into dst; {@code scratch} is the caller's float buffer of at least len. */
    void read(long from, double[] dst, float[] scratch, int len) {
        if (floats != null) {
            floats.get((int) from, scratch, 0, len);
            for (int i = 0; i < len; i++) {
                dst[i] = scratch[i];
            }
        } else {
            doubles.get((int) from, dst, 0, len);
        }
    }

    void write(long to, double[] src, float[] scratch, int len) {
        if (floats != null) {
            for (int i = 0; i < len; i++) {
                scratch[i] = (float) src[i];
            }
            floats.put((int) to, scratch, 0, len);
        } else {
            doubles.put((int) to, src, 0, len);
        }
    }
}
