package org.autoimplant.nodes.common;

import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeView;

/**
 * Factory base of the AutoImplant nodes: a dialog, no classic node views (results are shown in
 * port and table views, and pictures in the data itself). The description is the factory's
 * {@code *NodeFactory.xml} beside it.
 */
public abstract class CoreNodeFactory<T extends NodeModel> extends NodeFactory<T> {
    @Override
    protected final int getNrNodeViews() {
        return 0;
    }

    @Override
    public final NodeView<T> createNodeView(int viewIndex, T nodeModel) {
        throw new IndexOutOfBoundsException("AutoImplant nodes have no node views");
    }

    @Override
    protected boolean hasDialog() {
        return true;
    }
}
