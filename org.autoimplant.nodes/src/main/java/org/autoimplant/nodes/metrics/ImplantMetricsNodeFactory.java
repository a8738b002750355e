package org.autoimplant.nodes.metrics;

import org.autoimplant.nodes.common.SimpleNodeFactory;

/** Implant Metrics. */
public final class ImplantMetricsNodeFactory extends SimpleNodeFactory<ImplantMetricsNodeModel> {
    public ImplantMetricsNodeFactory() {
        super(ImplantMetricsNodeModel::new, ImplantMetricsNodeSettings::new);
    }
}
