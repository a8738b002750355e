package org.autoimplant.nodes.n2predictor;

import org.autoimplant.nodes.common.CoreSettings;
import org.autoimplant.nodes.data.VolumeValue;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/** The N2 Predictor's options: the column of defective-skull crops. */
public final class N2PredictorNodeSettings extends CoreSettings<String> {
    public final SettingsModelString crop = column("crop_column", "Crop column", 1, false, VolumeValue.class);
    public final SettingsModelString failures = onFailure();

    @Override
    public String toCore() {
        return crop.getStringValue();
    }
}
