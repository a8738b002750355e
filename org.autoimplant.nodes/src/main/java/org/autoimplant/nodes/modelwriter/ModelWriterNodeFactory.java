package org.autoimplant.nodes.modelwriter;

import org.autoimplant.nodes.common.CoreNodeFactory;
import org.knime.core.node.NodeDialogPane;

/** Model Writer. */
public final class ModelWriterNodeFactory extends CoreNodeFactory<ModelWriterNodeModel> {
    @Override
    public ModelWriterNodeModel createNodeModel() {
        return new ModelWriterNodeModel();
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new ModelWriterNodeDialog();
    }
}
