package org.autoimplant.nodes.dicomreader;

import org.autoimplant.core.nodecore.NodeSettingsException;
import org.autoimplant.core.nodecore.dicomreader.DicomReading;
import org.autoimplant.nodes.common.CoreSettings;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/** The DICOM Series Reader's options: the folder, CT series only, and what a failing series does. */
public final class DicomReaderNodeSettings extends CoreSettings<DicomReading.Settings> {
    private static final DicomReading.Settings DEFAULTS = DicomReading.Settings.defaults();

    public final SettingsModelString folder = location("folder", "Folder (searched with its sub-folders)", true, false);
    public final SettingsModelBoolean ctOnly = check("ct_only", DEFAULTS.ctOnly(), "CT series only");
    public final SettingsModelString failures = onFailure();

    @Override
    public DicomReading.Settings toCore() throws NodeSettingsException {
        DicomReading.Settings s = new DicomReading.Settings(folder.getStringValue(), ctOnly.getBooleanValue());
        s.validate();
        return s;
    }
}
