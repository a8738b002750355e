package org.autoimplant.nodes.nrrdwriter;

import org.autoimplant.core.io.NrrdEncoding;
import org.autoimplant.core.nodecore.Choices;
import org.autoimplant.core.nodecore.IfExists;
import org.autoimplant.core.nodecore.NodeSettingsException;
import org.autoimplant.core.nodecore.nrrdwriter.NrrdWriterSettings;
import org.autoimplant.nodes.common.CoreSettings;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelColumnName;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/** The NRRD Writer's options as KNIME settings. */
public final class NrrdWriterNodeSettings extends CoreSettings<NrrdWriterSettings> {
    private static final NrrdWriterSettings DEFAULTS = NrrdWriterSettings.defaults();

    public final SettingsModelString volumeColumn = add("volume_column", new SettingsModelString("volume_column", ""));
    public final SettingsModelString folder = add("folder", new SettingsModelString("folder", ""));
    /** File names: the row ids (default) or a string column. */
    public final SettingsModelColumnName nameColumn = add("name_column", rowIdDefault());
    public final SettingsModelString encoding = add("encoding",
            new SettingsModelString("encoding", DEFAULTS.encoding().headerName()));
    public final SettingsModelString ifExists = add("if_exists",
            new SettingsModelString("if_exists", Choices.id(DEFAULTS.ifExists())));
    public final SettingsModelBoolean createFolder = add("create_folder",
            new SettingsModelBoolean("create_folder", DEFAULTS.createFolder()));

    private static SettingsModelColumnName rowIdDefault() {
        SettingsModelColumnName m = new SettingsModelColumnName("name_column", null);
        m.setSelection(null, true);
        return m;
    }

    @Override
    public NrrdWriterSettings toCore() throws NodeSettingsException {
        NrrdWriterSettings s = new NrrdWriterSettings(volumeColumn.getStringValue(), folder.getStringValue(),
                nameColumn.useRowID() ? "" : nameColumn.getColumnName(),
                Choices.parse(NrrdEncoding.class, encoding.getStringValue(), "encoding"),
                Choices.parse(IfExists.class, ifExists.getStringValue(), "choice for existing files"),
                createFolder.getBooleanValue());
        s.validate();
        return s;
    }
}
