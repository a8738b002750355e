package org.autoimplant.nodes;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/**
 * The plugin's activator. Decides at start which ND4J backend this KNIME session will use (ND4J
 * loads one backend per JVM, so the choice cannot change later); ND4J itself starts only when a
 * node first needs a network ({@link Nd4jSetup}), so KNIME's start is not slowed by it.
 */
public final class AutoImplantPlugin implements BundleActivator {
    private static volatile Bundle bundle;

    @Override
    public void start(BundleContext context) {
        bundle = context.getBundle();
        Nd4jSetup.choose(BackendChoice.fromEnvironment());
    }

    @Override
    public void stop(BundleContext context) {
        bundle = null;
    }

    /** This plugin's bundle, or null outside OSGi (plain unit tests). */
    public static Bundle bundle() {
        return bundle;
    }
}
