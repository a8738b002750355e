package org.autoimplant.nodes.bboxcropper;

import org.autoimplant.nodes.common.SimpleNodeFactory;

/** BBox Cropper. */
public final class BBoxCropperNodeFactory extends SimpleNodeFactory<BBoxCropperNodeModel> {
    public BBoxCropperNodeFactory() {
        super(BBoxCropperNodeModel::new, BBoxCropperNodeSettings::new);
    }
}
