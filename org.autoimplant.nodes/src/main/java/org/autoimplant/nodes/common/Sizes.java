package org.autoimplant.nodes.common;

import org.autoimplant.core.nodecore.NodeSettingsException;
import org.autoimplant.core.volume.Shape;

/** Sizes typed as text ("128,128,64") in dialogs. */
public final class Sizes {
    private Sizes() {
    }

    /** Parses {@code text} for the option {@code what}; empty gives {@code fallback} (may be null). */
    public static Shape parse(String text, String what, Shape fallback) throws NodeSettingsException {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return Shape.parse(text);
        } catch (IllegalArgumentException e) {
            throw new NodeSettingsException(what + ": " + e.getMessage());
        }
    }
}
