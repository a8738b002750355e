package org.autoimplant.core.model;

import java.util.Locale;

/**
 * How batch norm normalises when a trained network predicts. The networks train at batch size 1,
 * so each training step normalises with that one case's statistics; the running averages kept for
 * prediction need not reproduce them (measured: SPEC notes, LearningTest), and the reference code
 * keeps batch norm in training mode at test time.
 */
public enum Normalisation {
    /** The running statistics learnt in training, folded into the convolutions: the fast form. */
    RUNNING,
    /** Each case's own statistics, as in training (the reference's test-time batch norm); slower. */
    CASE;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** "running" or "case" (any case); null or blank is RUNNING, what model files without the field mean. */
    public static Normalisation parse(String s) {
        if (s == null || s.isBlank()) {
            return RUNNING;
        }
        for (Normalisation n : values()) {
            if (n.id().equalsIgnoreCase(s.strip())) {
                return n;
            }
        }
        throw new IllegalArgumentException("normalisation must be running or case, not '" + s + "'");
    }
}
