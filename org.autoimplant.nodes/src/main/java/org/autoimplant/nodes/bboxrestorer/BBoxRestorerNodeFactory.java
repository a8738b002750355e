package org.autoimplant.nodes.bboxrestorer;

import org.autoimplant.nodes.common.SimpleNodeFactory;

/** BBox Restorer. */
public final class BBoxRestorerNodeFactory extends SimpleNodeFactory<BBoxRestorerNodeModel> {
    public BBoxRestorerNodeFactory() {
        super(BBoxRestorerNodeModel::new, BBoxRestorerNodeSettings::new);
    }
}
