package org.autoimplant.nodes.bboxrestorer;

import org.autoimplant.core.nodecore.crop.BBoxRestoring;
import org.autoimplant.nodes.common.CoreSettings;
import org.autoimplant.nodes.data.VolumeValue;
import org.knime.core.data.StringValue;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/** The BBox Restorer's options. */
public final class BBoxRestorerNodeSettings extends CoreSettings<BBoxRestoring.Settings> {
    public final SettingsModelString fine = column("fine_column", "Fine implant crop column", 0, false,
            VolumeValue.class);
    public final SettingsModelString plan = column("plan_column", "Crop plan column", 0, false, StringValue.class);
    public final SettingsModelString caseColumn = column("case_column", "Case column", 0, false, StringValue.class);
    public final SettingsModelString defective = column("defective_column",
            "Defective skull column (to remove remaining bone)", 0, true, VolumeValue.class);
    public final SettingsModelBoolean largest = check("largest_component", false,
            "Keep only the largest connected part");

    @Override
    public BBoxRestoring.Settings toCore() {
        return new BBoxRestoring.Settings(largest.getBooleanValue());
    }
}
