package org.autoimplant.nodes.common;

import java.util.function.Supplier;
import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeModel;

/**
 * Factory of a node whose dialog is its settings' {@link SettingsPane}: the model and a fresh
 * settings object for the dialog are all a node package provides.
 */
public abstract class SimpleNodeFactory<T extends NodeModel> extends CoreNodeFactory<T> {
    private final Supplier<T> model;
    private final Supplier<? extends CoreSettings<?>> settings;

    protected SimpleNodeFactory(Supplier<T> model, Supplier<? extends CoreSettings<?>> settings) {
        this.model = model;
        this.settings = settings;
    }

    @Override
    public final T createNodeModel() {
        return model.get();
    }

    @Override
    protected final NodeDialogPane createNodeDialogPane() {
        return new SettingsPane(settings.get());
    }
}
