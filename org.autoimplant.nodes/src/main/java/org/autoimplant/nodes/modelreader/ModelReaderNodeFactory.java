package org.autoimplant.nodes.modelreader;

import org.autoimplant.nodes.common.CoreNodeFactory;
import org.knime.core.node.NodeDialogPane;

/** Model Reader. */
public final class ModelReaderNodeFactory extends CoreNodeFactory<ModelReaderNodeModel> {
    @Override
    public ModelReaderNodeModel createNodeModel() {
        return new ModelReaderNodeModel();
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new ModelReaderNodeDialog();
    }
}
