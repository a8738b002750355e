package org.autoimplant.nodes.nrrdwriter;

import org.autoimplant.nodes.common.CoreNodeFactory;
import org.knime.core.node.NodeDialogPane;

/** NRRD Writer. */
public final class NrrdWriterNodeFactory extends CoreNodeFactory<NrrdWriterNodeModel> {
    @Override
    public NrrdWriterNodeModel createNodeModel() {
        return new NrrdWriterNodeModel();
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new NrrdWriterNodeDialog();
    }
}
