package org.autoimplant.nodes.metrics;

import org.autoimplant.nodes.common.CoreSettings;
import org.autoimplant.nodes.data.VolumeValue;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/** The Implant Metrics node's options: which columns to compare. */
public final class ImplantMetricsNodeSettings extends CoreSettings<String> {
    public final SettingsModelString prediction = column("prediction_column", "Predicted implant column", 0, false,
            VolumeValue.class);
    public final SettingsModelString truth = column("truth_column", "True implant column", 0, false, VolumeValue.class);
    public final SettingsModelString defective = column("defective_column",
            "Defective skull column (for the border DSC)", 0, true, VolumeValue.class);
    public final SettingsModelString failures = onFailure();

    @Override
    public String toCore() {
        return prediction.getStringValue();
    }
}
