package org.autoimplant.core.model;

import java.nio.FloatBuffer;
import java.util.stream.IntStream;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Convolution3D;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * 3-D depth-to-space, completing the eight-phase transposed convolution of
 * {@link SubPixelDeconvolution}: [n, d, h, w, 8c] → [n, 2d, 2h, 2w, c] channels-last (inference
 * graphs), [n, 8c, d, h, w] → [n, c, 2d, 2h, 2w] channels-first (training graphs), where input
 * channel {@code phase·c + k} holds output channel k at the voxel (2z + rz, 2y + ry, 2x + rx) with
 * phase = 4rz + 2ry + rx. Backprop is the inverse permutation.
 *
 * <p>Sizes: {@code channels} is c (after the shuffle), depth/height/width those before it.
 */
public class DepthToSpacePreProcessor extends VolumeShapePreProcessor {
    private static final long serialVersionUID = 1L;
    private Convolution3D.DataFormat dataFormat = Convolution3D.DataFormat.NDHWC;

    public DepthToSpacePreProcessor() {
    }

    /** Channels-last. */
    public DepthToSpacePreProcessor(long channels, long depth, long height, long width) {
        super(channels, depth, height, width);
    }

    public DepthToSpacePreProcessor(Convolution3D.DataFormat dataFormat, long channels, long depth, long height,
            long width) {
        super(channels, depth, height, width);
        this.dataFormat = dataFormat;
    }

    public Convolution3D.DataFormat getDataFormat() {
        return dataFormat;
    }

    public void setDataFormat(Convolution3D.DataFormat dataFormat) {
        this.dataFormat = dataFormat;
    }

    private boolean channelsLast() {
        return dataFormat == Convolution3D.DataFormat.NDHWC;
    }

    /**
     * Channels-last phases as a view in the axis order of {@link #interleaved}: [n·d, rz, h, ry, w,
     * (rx, c)], since (rx, c) is one run of 2c floats in both layouts.
     */
    private INDArray phases(INDArray packed) {
        return packed.reshape('c', packed.size(0) * getDepth(), getHeight(), getWidth(), 2, 2, 2 * getChannels())
                .permute(0, 3, 1, 4, 2, 5);
    }

    /** The channels-last volume viewed with its phase axes split off. */
    private INDArray interleaved(INDArray volume) {
        return volume.reshape('c', volume.size(0) * getDepth(), 2, getHeight(), 2, getWidth(), 2 * getChannels());
    }

    private long[] packedShape(long n) {
        return channelsLast() ? new long[] {n, getDepth(), getHeight(), getWidth(), 8 * getChannels()}
                : new long[] {n, 8 * getChannels(), getDepth(), getHeight(), getWidth()};
    }

    private long[] volumeShape(long n) {
        return channelsLast() ? new long[] {n, 2 * getDepth(), 2 * getHeight(), 2 * getWidth(), getChannels()}
                : new long[] {n, getChannels(), 2 * getDepth(), 2 * getHeight(), 2 * getWidth()};
    }

    @Override
    public INDArray preProcess(INDArray input, int miniBatchSize, LayerWorkspaceMgr mgr) {
        if (!channelsLast() && input.dataType() == DataType.FLOAT && input.rank() == 5) {
            INDArray stored = input.permute(0, 2, 3, 4, 1);
            if (DirectElements.isAddressable(stored)) {
                // A channels-first phase convolution's output stored channels-last (VolumeConvolution).
                INDArray out = mgr.createUninitialized(ArrayType.ACTIVATIONS, DataType.FLOAT, volumeShape(input.size(0)),
                        'c');
                if (DirectElements.isAddressable(out)) {
                    gatherRows(stored.data().asNioFloat(), out.data().asNioFloat(), (int) input.size(0));
                    DirectElements.written(out);
                    return out;
                }
            }
        }
        INDArray in = contiguous(input, mgr, ArrayType.ACTIVATIONS);
        INDArray out = mgr.createUninitialized(ArrayType.ACTIVATIONS, in.dataType(), volumeShape(in.size(0)), 'c');
        if (!channelsLast()) {
            PhaseShuffle.toVolume(in, out);
        } else if (DirectElements.floatAddressable(in, out)) {
            copyRuns(in.data().asNioFloat(), out.data().asNioFloat(), (int) in.size(0));
            DirectElements.written(out);
        } else {
            interleaved(out).assign(phases(in));
        }
        return out;
    }

    /**
     * The shuffle as bulk copies of the 2c-float runs on both cores. Why not ND4J's permuted assign:
     * 0.56 s for the 134 M floats of N2's last deconvolution against 0.075 s here (measured).
     */
    private void copyRuns(FloatBuffer src, FloatBuffer dst, int batch) {
        int d = (int) getDepth(), h = (int) getHeight(), w = (int) getWidth(), run = 2 * (int) getChannels();
        IntStream.range(0, batch * d).parallel().forEach(nz -> {
            for (int rz = 0; rz < 2; rz++) {
                for (int y = 0; y < h; y++) {
                    for (int ry = 0; ry < 2; ry++) {
                        int from = ((nz * h + y) * w * 4 + rz * 2 + ry) * run;
                        int to = ((2 * nz + rz) * 2 * h + 2 * y + ry) * w * run;
                        for (int x = 0; x < w; x++) {
                            dst.put(to + x * run, src, from + x * 4 * run, run);
                        }
                    }
                }
            }
        });
    }

    /**
     * Channels-first output from channels-last phases [n, d, h, w, 8c]: one bulk read of an input
     * row (fixed n, z, y: w·8c floats, 64 KB for N2's largest), then each of its 4c output rows
     * (k, rz, ry) of 2w voxels gathered from it and written in bulk. Why not oneDNN's reorder to
     * channels-first and {@link PhaseShuffle}: that reorder alone took 1.1 s for N2's 128 phase
     * channels (measured), this whole shuffle 0.1–0.2 s.
     */
    private void gatherRows(FloatBuffer packed, FloatBuffer volume, int batch) {
        int c = (int) getChannels(), d = (int) getDepth(), h = (int) getHeight(), w = (int) getWidth();
        int rowLength = w * 8 * c;
        IntStream.range(0, batch * d).parallel().forEach(task -> {
            int z = task % d;
            int n = task / d;
            float[] phases = new float[rowLength];
            float[] row = new float[2 * w];
            for (int y = 0; y < h; y++) {
                packed.get(((n * d + z) * h + y) * rowLength, phases, 0, rowLength);
                for (int k = 0; k < c; k++) {
                    for (int rz = 0; rz < 2; rz++) {
                        for (int ry = 0; ry < 2; ry++) {
                            int even = (4 * rz + 2 * ry) * c + k;
                            int odd = even + c;
                            for (int x = 0, at = 0; x < w; x++, at += 8 * c) {
                                row[2 * x] = phases[at + even];
                                row[2 * x + 1] = phases[at + odd];
                            }
                            volume.put((((n * c + k) * 2 * d + 2 * z + rz) * 2 * h + 2 * y + ry) * 2 * w, row, 0, 2 * w);
                        }
                    }
                }
            }
        });
    }

    @Override
    public INDArray backprop(INDArray epsilon, int miniBatchSize, LayerWorkspaceMgr mgr) {
        INDArray e = contiguous(epsilon, mgr, ArrayType.ACTIVATION_GRAD);
        INDArray out = mgr.createUninitialized(ArrayType.ACTIVATION_GRAD, e.dataType(), packedShape(e.size(0)), 'c');
        if (channelsLast()) {
            phases(out).assign(interleaved(e));
        } else {
            PhaseShuffle.toPhases(e, out);
        }
        return out;
    }

    @Override
    public InputType getOutputType(InputType inputType) {
        return InputType.convolutional3D(dataFormat, 2 * getDepth(), 2 * getHeight(), 2 * getWidth(), getChannels());
    }

    @Override
    public DepthToSpacePreProcessor clone() {
        return new DepthToSpacePreProcessor(dataFormat, getChannels(), getDepth(), getHeight(), getWidth());
    }

    @Override
    public boolean equals(Object o) {
        return super.equals(o) && ((DepthToSpacePreProcessor) o).dataFormat == dataFormat;
    }

    @Override
    public int hashCode() {
        return 31 * super.hashCode() + dataFormat.hashCode();
    }
}
