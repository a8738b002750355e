package org.autoimplant.nodes.bboxcropper;

import org.autoimplant.core.nodecore.NodeSettingsException;
import org.autoimplant.core.nodecore.crop.BBoxCropping;
import org.autoimplant.nodes.common.CoreSettings;
import org.autoimplant.nodes.common.Sizes;
import org.autoimplant.nodes.data.VolumeValue;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/** The BBox Cropper's options. */
public final class BBoxCropperNodeSettings extends CoreSettings<BBoxCropping.Settings> {
    private static final BBoxCropping.Settings DEFAULTS = BBoxCropping.Settings.defaults();

    public final SettingsModelString defective = column("defective_column", "Defective skull column", 0, false,
            VolumeValue.class);
    public final SettingsModelString coarse = column("coarse_column", "Coarse implant column", 0, false,
            VolumeValue.class);
    public final SettingsModelString implant = column("implant_column", "True implant column (for training)", 0, true,
            VolumeValue.class);
    public final SettingsModelIntegerBounded margin = integer("margin", DEFAULTS.margin(), 0, 256,
            "Margin (voxels)");
    public final SettingsModelString size = text("input_size", "256,256,128", "N2 input size (x,y,z)");

    @Override
    public BBoxCropping.Settings toCore() throws NodeSettingsException {
        BBoxCropping.Settings s = new BBoxCropping.Settings(margin.getIntValue(),
                Sizes.parse(size.getStringValue(), "N2 input size", null));
        s.validate();
        return s;
    }
}
