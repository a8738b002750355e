package org.autoimplant.nodes.framework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.autoimplant.nodes.BackendChoice;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.wiring.BundleWiring;

/**
 * The backend preference page, inside the framework: our bundle wires the optional Eclipse UI
 * bundles, the page class declared in plugin.xml loads and stores the choice where
 * {@link BackendChoice} reads it at bundle start, and -Dautoimplant.backend overrides it.
 */
class BackendPreferenceTest {
    @AfterEach
    void clear() throws Exception {
        System.clearProperty(BackendChoice.PROPERTY);
        IEclipsePreferences node = InstanceScope.INSTANCE.getNode(BackendChoice.PREFERENCE_NODE);
        node.remove(BackendChoice.PREFERENCE_KEY);
        node.flush();
    }

    @Test
    void pageStoresTheChoiceThatThePluginReads() throws Exception {
        Bundle ours = FrameworkUtil.getBundle(BackendChoice.class);
        assertNotNull(ours, "BackendChoice is not loaded from an OSGi bundle");
        var wired = ours.adapt(BundleWiring.class).getRequiredWires("osgi.wiring.bundle").stream()
                .map(w -> w.getProvider().getSymbolicName()).toList();
        assertTrue(wired.contains("org.eclipse.ui.workbench") && wired.contains("org.eclipse.jface"), wired.toString());

        Class<?> c = ours.loadClass("org.autoimplant.nodes.preferences.BackendPreferencePage");
        IWorkbenchPreferencePage page = (IWorkbenchPreferencePage) c.getConstructor().newInstance();
        page.init(null);
        IPreferenceStore store = ((org.eclipse.jface.preference.PreferencePage) page).getPreferenceStore();
        assertEquals("cpu", store.getDefaultString(BackendChoice.PREFERENCE_KEY));
        assertEquals(BackendChoice.CPU, BackendChoice.fromEnvironment(), "nothing chosen: CPU");

        store.setValue(BackendChoice.PREFERENCE_KEY, BackendChoice.CUDA.id());
        ((org.eclipse.ui.preferences.ScopedPreferenceStore) store).save();
        assertEquals("cuda", InstanceScope.INSTANCE.getNode(BackendChoice.PREFERENCE_NODE).get(
                BackendChoice.PREFERENCE_KEY, null), "the page's store is the bundle's instance scope");
        assertEquals(BackendChoice.CUDA, BackendChoice.fromEnvironment(), "chosen on the page");

        System.setProperty(BackendChoice.PROPERTY, "cpu");
        assertEquals(BackendChoice.CPU, BackendChoice.fromEnvironment(), "knime.ini's -D wins");
        System.setProperty(BackendChoice.PROPERTY, "CUDA ");
        assertEquals(BackendChoice.CUDA, BackendChoice.fromEnvironment());
    }
}
