package org.autoimplant.nodes.designer;

import org.autoimplant.nodes.common.SimpleNodeFactory;

/** Implant Designer. */
public final class ImplantDesignerNodeFactory extends SimpleNodeFactory<ImplantDesignerNodeModel> {
    public ImplantDesignerNodeFactory() {
        super(ImplantDesignerNodeModel::new, ImplantDesignerNodeSettings::new);
    }
}
