package org.autoimplant.core.model;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import org.junit.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The loss gradient of a fitted network carries no subnormal floats (they slow training 2×). */
public class SoftDiceLossTest {

    @Test
    public void confidentVoxelsGetZeroNotSubnormalGradients() {
        int rows = 64;
        INDArray labels = Nd4j.zeros(DataType.FLOAT, rows, 2);
        INDArray pre = Nd4j.zeros(DataType.FLOAT, rows, 2);
        for (int i = 0; i < rows; i++) {
            int cls = i % 3 == 0 ? 1 : 0;
            labels.putScalar(i, cls, 1f);
            // Rows 0-31: confident and right, logit gaps 64-95; without the flush the gradient is
            // e.g. 2.8e-39 at gap 82.5 and 6.8e-41 at 85 (subnormal: float's smallest normal is
            // 1.2e-38). Rows 32-63: uncertain (gap 0.8).
            float gap = i < 32 ? 64f + i : 0.8f;
            pre.putScalar(i, cls, gap / 2);
            pre.putScalar(i, 1 - cls, -gap / 2);
        }
        INDArray grad = new SoftDiceLoss().computeGradient(labels, pre, Activation.SOFTMAX.getActivationFunction(), null);
        float[] g = grad.data().asFloat();
        int subnormal = 0;
        for (float v : g) {
            subnormal += v != 0 && Math.abs(v) < Float.MIN_NORMAL ? 1 : 0;
        }
        assertEquals("subnormal gradient values", 0, subnormal);
        for (int i = 0; i < rows; i++) {
            for (int c = 0; c < 2; c++) {
                float v = grad.getFloat(i, c);
                if (i < 32) {
                    assertEquals("confident row " + i, 0f, v, 0f);
                } else {
                    assertTrue("uncertain row " + i + " keeps its gradient: " + v, Math.abs(v) > 1e-6);
                }
            }
        }
    }
}
