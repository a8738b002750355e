package org.autoimplant.nodes.report;

import org.autoimplant.nodes.common.SimpleNodeFactory;

/** Implant Report. */
public final class ImplantReportNodeFactory extends SimpleNodeFactory<ImplantReportNodeModel> {
    public ImplantReportNodeFactory() {
        super(ImplantReportNodeModel::new, ImplantReportNodeSettings::new);
    }
}
