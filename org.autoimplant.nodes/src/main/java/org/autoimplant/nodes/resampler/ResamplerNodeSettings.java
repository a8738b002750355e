package org.autoimplant.nodes.resampler;

import org.autoimplant.core.model.NetworkSpec;
import org.autoimplant.core.nodecore.NodeSettingsException;
import org.autoimplant.core.nodecore.volumeops.Resampling;
import org.autoimplant.nodes.common.CoreSettings;
import org.autoimplant.nodes.common.Sizes;
import org.autoimplant.nodes.data.VolumeValue;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/**
 * The Downsampler's and Upsampler's options: the volume column, the target (a size for the
 * Downsampler, a reference column for the Upsampler) and the spline order.
 */
public final class ResamplerNodeSettings extends CoreSettings<Resampling.Settings> {
    private static final Resampling.Settings DEFAULTS = Resampling.Settings.defaults();

    public final SettingsModelString volume = column("volume_column", "Volume column", 0, false, VolumeValue.class);
    public final SettingsModelString size;
    public final SettingsModelString reference;
    public final SettingsModelIntegerBounded order;
    public final SettingsModelString failures;

    /** @param up the Upsampler's options (reference column) rather than the Downsampler's (size) */
    public ResamplerNodeSettings(boolean up) {
        size = up ? null : text("size", "128,128,64", "Size (x,y,z)");
        reference = up ? column("reference_column", "Grid of column", 0, false, VolumeValue.class) : null;
        order = integer("order", DEFAULTS.order(), 0, 3, "Spline order");
        failures = onFailure();
    }

    @Override
    public Resampling.Settings toCore() throws NodeSettingsException {
        Resampling.Settings s = new Resampling.Settings(size == null ? NetworkSpec.N1_INPUT
                : Sizes.parse(size.getStringValue(), "Size (x,y,z)", null), order.getIntValue());
        s.validate();
        return s;
    }
}
