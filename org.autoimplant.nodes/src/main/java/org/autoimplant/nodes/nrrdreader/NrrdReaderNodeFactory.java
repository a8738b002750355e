package org.autoimplant.nodes.nrrdreader;

import org.autoimplant.nodes.common.CoreNodeFactory;
import org.knime.core.node.NodeDialogPane;

/** NRRD Reader. */
public final class NrrdReaderNodeFactory extends CoreNodeFactory<NrrdReaderNodeModel> {
    @Override
    public NrrdReaderNodeModel createNodeModel() {
        return new NrrdReaderNodeModel();
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new NrrdReaderNodeDialog();
    }
}
