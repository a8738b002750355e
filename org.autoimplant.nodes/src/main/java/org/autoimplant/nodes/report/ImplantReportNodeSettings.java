package org.autoimplant.nodes.report;

import org.autoimplant.core.nodecore.NodeSettingsException;
import org.autoimplant.core.nodecore.report.ReportWriting;
import org.autoimplant.nodes.common.CoreSettings;
import org.autoimplant.nodes.data.VolumeValue;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/** The Implant Report's options. */
public final class ImplantReportNodeSettings extends CoreSettings<ReportWriting.Settings> {
    private static final ReportWriting.Settings DEFAULTS = ReportWriting.Settings.defaults();

    public final SettingsModelString prediction = column("prediction_column", "Predicted implant column", 0, false,
            VolumeValue.class);
    public final SettingsModelString truth = column("truth_column", "True implant column", 0, false, VolumeValue.class);
    public final SettingsModelString defective = column("defective_column", "Defective skull column", 0, false,
            VolumeValue.class);
    public final SettingsModelString folder = location("folder", "Folder", true, true);
    public final SettingsModelString title = text("title", DEFAULTS.title(), "Title");
    public final SettingsModelString method = text("method", DEFAULTS.method(), "Method name");
    public final SettingsModelIntegerBounded figures = integer("figure_cases", DEFAULTS.figureCases(), 0, 10_000,
            "Cases with pictures");

    @Override
    public ReportWriting.Settings toCore() throws NodeSettingsException {
        ReportWriting.Settings s = new ReportWriting.Settings(folder.getStringValue(), title.getStringValue(),
                method.getStringValue(), figures.getIntValue());
        s.validate();
        return s;
    }
}
