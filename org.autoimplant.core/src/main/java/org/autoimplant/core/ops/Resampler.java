package org.autoimplant.core.ops;

import java.util.stream.IntStream;
import org.autoimplant.core.volume.Geometry;
import org.autoimplant.core.volume.Mask;
import org.autoimplant.core.volume.Shape;
import org.autoimplant.core.volume.Volume;
import org.autoimplant.core.volume.VoxelArray;
import org.autoimplant.core.volume.VoxelType;

/**
 * Resamples a volume to a target size by B-spline interpolation of order 0–3, reproducing
 * {@code scipy.ndimage.zoom(input, out/in, order=k, mode='constant')} (scipy 1.10): corner-aligned
 * grid, B-spline prefilter with mirror boundaries for order ≥ 2, and an integer output type rounded
 * to nearest and clamped as scipy rounds it.
 *
 * <p>The tensor-product spline is separable and the per-axis filter and interpolation commute
 * with operations on the other axes, so the work runs one axis at a time — prefilter the lines of
 * that axis, interpolate them to the new length — shrinking (or growing) the volume axis by axis.
 * Downsampling 512×512×216 touches the full-size data once. Lines are processed in blocks side by
 * side, in parallel over blocks.
 */
public final class Resampler {
    /** Lines per block: wide enough for vectorised inner loops, small enough for the cache. */
    private static final int BLOCK = 256;

    private Resampler() {
    }

    /** Resamples to {@code target} keeping the voxel type (scipy's default output dtype). */
    public static Volume resample(Volume in, Shape target, int order) {
        return resample(in, target, order, in.type());
    }

    /** Resamples to {@code target} producing voxels of {@code outType}. */
    public static Volume resample(Volume in, Shape target, int order, VoxelType outType) {
        int[] size = {in.shape().nx(), in.shape().ny(), in.shape().nz()};
        int[] want = {target.nx(), target.ny(), target.nz()};
        BSplinePrefilter filter = new BSplinePrefilter(order);
        Object current = in.data();
        VoxelArray result = null;
        for (int axis = 0; axis < 3; axis++) {
            SplineAxis plan = new SplineAxis(size[axis], want[axis], order);
            int inner = 1;
            for (int a = 0; a < axis; a++) {
                inner *= size[a];
            }
            int outer = 1;
            for (int a = axis + 1; a < 3; a++) {
                outer *= size[a];
            }
            int outCount = outer * want[axis] * inner;
            Sink sink;
            if (axis == 2) {
                result = VoxelArray.allocate(outType, outCount);
                sink = new TypedSink(result);
            } else {
                sink = new DoubleSink(new double[outCount]);
            }
            Source source = current instanceof VoxelArray v ? new TypedSource(v) : new DoubleSource((double[]) current);
            runAxis(source, sink, plan, filter, outer, inner);
            current = sink instanceof DoubleSink d ? d.data : null;
            size[axis] = want[axis];
        }
        Geometry g = in.geometry().scaled(scale(in.shape().nx(), target.nx()), scale(in.shape().ny(), target.ny()),
                scale(in.shape().nz(), target.nz()));
        return new Volume(target, result, g, in.metadata().forNewGrid());
    }

    /** Resamples a mask as scipy resamples a uint8 0/1 array; inside where the rounded value is &gt; 0. */
    public static Mask resample(Mask in, Shape target, int order) {
        return resample(in.asVolume(), target, order, VoxelType.UINT8).toMask();
    }

    /** Grid step factor of corner-aligned resampling: output voxel k sits at input k·(in−1)/(out−1). */
    /**
     * Grid-step factor of corner-aligned resampling, (in − 1)/(out − 1) as scipy's zoom places its
     * samples. A single-voxel axis has no extent to divide: there the step scales as in/out, so the
     * axis still covers the same length (and never gets a zero step).
     */
    static double scale(int in, int out) {
        if (in == 1 || out == 1) {
            return (double) in / out;
        }
        return (double) (in - 1) / (out - 1);
    }

    private static void runAxis(Source src, Sink dst, SplineAxis plan, BSplinePrefilter filter, int outer, int inner) {
        int n = plan.in;
        int m = plan.out;
        // Work items: blocks of up to BLOCK lines. With inner == 1 the lines of a block are
        // consecutive outer indices (gathered transposed); otherwise consecutive j in one outer.
        int blocksPerOuter = inner == 1 ? 1 : (inner + BLOCK - 1) / BLOCK;
        int tasks = inner == 1 ? (outer + BLOCK - 1) / BLOCK : outer * blocksPerOuter;
        IntStream.range(0, tasks).parallel().forEach(task -> {
            int o0, j0, w;
            if (inner == 1) {
                o0 = task * BLOCK;
                j0 = 0;
                w = Math.min(BLOCK, outer - o0);
            } else {
                o0 = task / blocksPerOuter;
                j0 = (task % blocksPerOuter) * BLOCK;
                w = Math.min(BLOCK, inner - j0);
            }
            double[] block = new double[n * w];
            double[] outBlock = new double[m * w];
            double[] scratch = new double[Math.max(n, w)];
            double[] outLine = inner == 1 ? new double[m] : null;
            if (inner == 1) {
                for (int l = 0; l < w; l++) {
                    src.read((o0 + l) * n, scratch, 0, n);
                    for (int i = 0; i < n; i++) {
                        block[i * w + l] = scratch[i];
                    }
                }
            } else {
                for (int i = 0; i < n; i++) {
                    src.read((o0 * n + i) * inner + j0, block, i * w, w);
                }
            }
            filter.apply(block, n, w, scratch);
            interpolate(plan, block, outBlock, w);
            if (inner == 1) {
                for (int l = 0; l < w; l++) {
                    for (int k = 0; k < m; k++) {
                        outLine[k] = outBlock[k * w + l];
                    }
                    dst.write((o0 + l) * m, outLine, 0, m);
                }
            } else {
                for (int k = 0; k < m; k++) {
                    dst.write((o0 * m + k) * inner + j0, outBlock, k * w, w);
                }
            }
        });
    }

    private static void interpolate(SplineAxis plan, double[] block, double[] out, int w) {
        int taps = plan.order + 1;
        for (int k = 0; k < plan.out; k++) {
            int row = k * w;
            if (plan.zero[k]) {
                java.util.Arrays.fill(out, row, row + w, 0.0);
                continue;
            }
            int base = k * taps;
            int s0 = plan.src[base] * w;
            double w0 = taps == 1 ? 1.0 : plan.weight[base];
            for (int j = 0; j < w; j++) {
                out[row + j] = w0 * block[s0 + j];
            }
            for (int t = 1; t < taps; t++) {
                int s = plan.src[base + t] * w;
                double wt = plan.weight[base + t];
                for (int j = 0; j < w; j++) {
                    out[row + j] += wt * block[s + j];
                }
            }
        }
    }

    private interface Source {
        void read(int from, double[] dst, int pos, int len);
    }

    private interface Sink {
        void write(int to, double[] src, int pos, int len);
    }

    private record TypedSource(VoxelArray a) implements Source {
        @Override
        public void read(int from, double[] dst, int pos, int len) {
            a.getDoubles(from, dst, pos, len);
        }
    }

    private record DoubleSource(double[] a) implements Source {
        @Override
        public void read(int from, double[] dst, int pos, int len) {
            System.arraycopy(a, from, dst, pos, len);
        }
    }

    private record TypedSink(VoxelArray a) implements Sink {
        @Override
        public void write(int to, double[] src, int pos, int len) {
            a.setDoubles(to, src, pos, len);
        }
    }

    private record DoubleSink(double[] data) implements Sink {
        @Override
        public void write(int to, double[] src, int pos, int len) {
            System.arraycopy(src, pos, data, to, len);
        }
    }
}
