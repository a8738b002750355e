package org.autoimplant.nodes;

import java.util.Locale;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.preferences.IPreferencesService;

/**
 * Which ND4J backend the plugin starts. CPU (oneDNN) is the one this plugin carries; CUDA needs
 * the optional CUDA fragment (its natives and nd4j-cuda on this bundle's class path). Chosen on
 * the preference page (File → Preferences → KNIME → AutoImplant), stored in the instance scope of
 * this bundle; the system property {@value #PROPERTY} (a {@code -D} line in knime.ini) overrides
 * it, for executors without a user interface. A CUDA choice without a usable GPU falls back to the
 * CPU with a warning (see {@link Nd4jSetup}).
 */
public enum BackendChoice {
    CPU, CUDA;

    /** The plugin's id: the preference node of the choice. */
    public static final String PREFERENCE_NODE = "org.autoimplant.nodes";
    /** The preference key (values "cpu", "cuda"). */
    public static final String PREFERENCE_KEY = "backend";
    /** The overriding system property. */
    public static final String PROPERTY = "autoimplant.backend";

    /** Class of ND4J's CUDA backend: present only when the CUDA fragment is installed. */
    static final String CUDA_BACKEND_CLASS = "org.nd4j.linalg.jcublas.JCublasBackend";

    /** The choice in effect: the system property if set, else the preference, else CPU. */
    public static BackendChoice fromEnvironment() {
        String property = System.getProperty(PROPERTY);
        if (property != null && !property.isBlank()) {
            return parse(property);
        }
        // Null outside OSGi (plain unit tests): there are no preferences there.
        IPreferencesService preferences = Platform.getPreferencesService();
        return preferences == null ? CPU : parse(preferences.getString(PREFERENCE_NODE, PREFERENCE_KEY, "cpu", null));
    }

    /** "cuda" (any case) is CUDA; anything else the CPU, the safe choice. */
    public static BackendChoice parse(String value) {
        return value.strip().toLowerCase(Locale.ROOT).equals("cuda") ? CUDA : CPU;
    }

    /** The preference value of this choice. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
