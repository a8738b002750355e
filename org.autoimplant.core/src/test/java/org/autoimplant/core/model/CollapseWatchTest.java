package org.autoimplant.core.model;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

public class CollapseWatchTest {
    /** Feeds losses from step 1; returns the step of the first warning, or -1. */
    private static long firstWarning(double... losses) {
        CollapseWatch w = new CollapseWatch();
        for (int i = 0; i < losses.length; i++) {
            if (w.record(i + 1, losses[i]) != null) {
                return i + 1;
            }
        }
        return -1;
    }

    private static double[] learnThenCollapse(int learning, int flat) {
        double[] l = new double[learning + flat];
        for (int i = 0; i < learning; i++) {
            l[i] = 0.59 - 0.5 * i / learning + 0.05 * Math.sin(i);
        }
        for (int i = learning; i < l.length; i++) {
            l[i] = 0.5005 - 0.0001 * (i % 3);
        }
        return l;
    }

    @Test
    public void warnsOnceAfterAWindowOfLossesAtOneHalf() {
        // Learning for 150 steps, then stuck at 0.5005/0.5004/0.5003 (as measured): the 50th flat loss
        // is step 200.
        assertEquals(-1, firstWarning(learnThenCollapse(150, 49)));
        assertEquals(200, firstWarning(learnThenCollapse(150, 50)));
        CollapseWatch w = new CollapseWatch();
        int warnings = 0;
        for (double l : learnThenCollapse(10, 500)) {
            warnings += w.record(1, l) == null ? 0 : 1;
        }
        assertEquals(1, warnings);
    }

    @Test
    public void quietWhileLearningOrWhenOneStepLeavesOneHalf() {
        assertEquals(-1, firstWarning(learnThenCollapse(1000, 0)));
        double[] l = learnThenCollapse(0, 120);
        l[30] = 0.45;
        // Step 31 leaves 0.5: the 50 flat steps after it end at step 81.
        assertEquals(81, firstWarning(l));
        double[] plateau = new double[200];
        java.util.Arrays.fill(plateau, 0.30);
        assertEquals(-1, firstWarning(plateau));
    }

    @Test
    public void messageSaysWhatToDo() {
        CollapseWatch w = new CollapseWatch();
        String m = null;
        for (int i = 1; i <= CollapseWatch.WINDOW; i++) {
            m = w.record(i, 0.5);
        }
        assertNotNull(m);
        assertTrue(m, m.contains("--lr") && m.contains("step 50"));
        assertNull(w.record(51, 0.5));
    }
}
