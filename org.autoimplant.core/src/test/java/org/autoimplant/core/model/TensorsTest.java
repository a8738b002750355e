package org.autoimplant.core.model;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;

import java.util.Random;
import org.autoimplant.core.volume.Shape;
import org.junit.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Masks to tensors and back, on volumes larger than one transfer chunk (65,536 elements). */
public class TensorsTest {
    private static final Shape SHAPE = new Shape(67, 53, 41); // 145,591 voxels: two full chunks and a partial one

    private static byte[] randomMask(long seed) {
        Random r = new Random(seed);
        byte[] m = new byte[SHAPE.voxelCount()];
        for (int i = 0; i < m.length; i++) {
            m[i] = (byte) (r.nextInt(3) == 0 ? 1 : 0);
        }
        return m;
    }

    @Test
    public void inputHoldsTheMaskInXFastestOrder() {
        byte[] m = randomMask(1);
        INDArray t = Tensors.input(m, SHAPE);
        assertArrayEquals(new long[] {1, 1, SHAPE.nz(), SHAPE.ny(), SHAPE.nx()}, t.shape());
        Random r = new Random(2);
        for (int k = 0; k < 2000; k++) {
            int x = r.nextInt(SHAPE.nx()), y = r.nextInt(SHAPE.ny()), z = r.nextInt(SHAPE.nz());
            assertEquals(m[SHAPE.index(x, y, z)], t.getDouble(0, 0, z, y, x), 0);
        }
        assertEquals(countInside(m), t.sumNumber().intValue());
    }

    @Test
    public void argmaxPicksTheLargerChannelInBothLayouts() {
        Random r = new Random(3);
        int n = SHAPE.voxelCount();
        float[] background = new float[n];
        float[] inside = new float[n];
        byte[] expected = new byte[n];
        for (int i = 0; i < n; i++) {
            background[i] = r.nextFloat();
            inside[i] = r.nextFloat();
            expected[i] = (byte) (inside[i] > background[i] ? 1 : 0);
        }
        long[] first = {1, 1, SHAPE.nz(), SHAPE.ny(), SHAPE.nx()};
        INDArray channelsFirst = Nd4j.concat(1, Nd4j.create(background, first, 'c'), Nd4j.create(inside, first, 'c'));
        assertArrayEquals(expected, Tensors.argmax(channelsFirst));
        INDArray channelsLast = channelsFirst.permute(0, 2, 3, 4, 1);
        // A permuted view (copied first) and a plain channels-last array (read in place).
        assertArrayEquals(expected, Tensors.argmaxChannelsLast(channelsLast));
        assertArrayEquals(expected, Tensors.argmaxChannelsLast(channelsLast.dup('c')));
        assertArrayEquals(expected, Tensors.argmaxChannelsLast(channelsLast.castTo(DataType.DOUBLE)));
    }

    private static int countInside(byte[] m) {
        int c = 0;
        for (byte b : m) {
            c += b;
        }
        return c;
    }
}
