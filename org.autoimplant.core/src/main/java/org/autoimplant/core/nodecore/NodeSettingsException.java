package org.autoimplant.core.nodecore;

/**
 * A node setting that cannot be used, said so that a user without programming background knows
 * what to change ("Choose a folder to read from", not "path must not be null"). The KNIME layer
 * shows it as KNIME's InvalidSettingsException.
 */
public final class NodeSettingsException extends Exception {
    private static final long serialVersionUID = 1L;

    public NodeSettingsException(String message) {
        super(message);
    }

    /** Throws with {@code message} unless {@code ok}. */
    public static void require(boolean ok, String message) throws NodeSettingsException {
        if (!ok) {
            throw new NodeSettingsException(message);
        }
    }
}
