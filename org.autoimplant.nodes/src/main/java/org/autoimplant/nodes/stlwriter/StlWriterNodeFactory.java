package org.autoimplant.nodes.stlwriter;

import org.autoimplant.nodes.common.SimpleNodeFactory;

/** STL Writer. */
public final class StlWriterNodeFactory extends SimpleNodeFactory<StlWriterNodeModel> {
    public StlWriterNodeFactory() {
        super(StlWriterNodeModel::new, StlWriterNodeSettings::new);
    }
}
