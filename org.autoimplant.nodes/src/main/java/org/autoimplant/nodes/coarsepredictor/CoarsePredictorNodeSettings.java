package org.autoimplant.nodes.coarsepredictor;

import org.autoimplant.nodes.common.CoreSettings;
import org.autoimplant.nodes.data.VolumeValue;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/** The N1 and Shape Completion Predictors' options: the defective-skull column, largest part (completion). */
public final class CoarsePredictorNodeSettings extends CoreSettings<Boolean> {
    public final SettingsModelString defective = column("defective_column", "Defective skull column", 1, false,
            VolumeValue.class);
    public final SettingsModelBoolean largest;
    public final SettingsModelString failures;

    /** @param completion the Shape Completion Predictor's options (with the largest-part clean-up) */
    public CoarsePredictorNodeSettings(boolean completion) {
        largest = completion ? check("largest_component", true, "Keep only the largest connected part") : null;
        failures = onFailure();
    }

    /** Whether to keep only the largest connected part of the implant. */
    @Override
    public Boolean toCore() {
        return largest != null && largest.getBooleanValue();
    }
}
