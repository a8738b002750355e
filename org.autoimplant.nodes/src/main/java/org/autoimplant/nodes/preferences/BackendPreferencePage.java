package org.autoimplant.nodes.preferences;

import org.autoimplant.nodes.BackendChoice;
import org.autoimplant.nodes.Nd4jSetup;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.jface.preference.RadioGroupFieldEditor;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.eclipse.ui.preferences.ScopedPreferenceStore;

/**
 * File → Preferences → KNIME → AutoImplant: the deep-learning backend, as KNIME's own deep-learning
 * integrations offer it. ND4J loads one backend per JVM, so a change applies from the next KNIME
 * start; the page says which backend runs now.
 */
public final class BackendPreferencePage extends FieldEditorPreferencePage implements IWorkbenchPreferencePage {
    public BackendPreferencePage() {
        super(GRID);
        setDescription("Backend of the AutoImplant learner and predictor nodes. A change takes effect when KNIME is"
                + " restarted.\nNow running: " + Nd4jSetup.runningDescription()
                + "\nThe system property -D" + BackendChoice.PROPERTY + "=cpu|cuda in knime.ini overrides this choice.");
    }

    @Override
    public void init(IWorkbench workbench) {
        ScopedPreferenceStore store = new ScopedPreferenceStore(InstanceScope.INSTANCE, BackendChoice.PREFERENCE_NODE);
        store.setDefault(BackendChoice.PREFERENCE_KEY, BackendChoice.CPU.id());
        setPreferenceStore(store);
    }

    @Override
    protected void createFieldEditors() {
        addField(new RadioGroupFieldEditor(BackendChoice.PREFERENCE_KEY, "Deep-learning backend", 1, new String[][] {
            {"CPU (oneDNN; always available)", BackendChoice.CPU.id()},
            {"CUDA (needs the AutoImplant CUDA fragment and an NVIDIA GPU; falls back to the CPU with a warning)",
                BackendChoice.CUDA.id()}}, getFieldEditorParent(), true));
    }
}
