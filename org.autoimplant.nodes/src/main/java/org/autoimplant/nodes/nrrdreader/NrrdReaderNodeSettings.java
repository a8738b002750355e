package org.autoimplant.nodes.nrrdreader;

import java.util.Arrays;
import org.autoimplant.core.io.VolumeFiles;
import org.autoimplant.core.nodecore.Choices;
import org.autoimplant.core.nodecore.NodeSettingsException;
import org.autoimplant.core.nodecore.nrrdreader.NrrdReaderSettings;
import org.autoimplant.core.nodecore.nrrdreader.NrrdReaderSettings.ReadAs;
import org.autoimplant.core.nodecore.nrrdreader.NrrdReaderSettings.Source;
import org.autoimplant.nodes.common.CoreSettings;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/** The NRRD Reader's options as KNIME settings. */
public final class NrrdReaderNodeSettings extends CoreSettings<NrrdReaderSettings> {
    private static final NrrdReaderSettings DEFAULTS = NrrdReaderSettings.defaults();

    public final SettingsModelString source = add("source", new SettingsModelString("source", Choices.id(DEFAULTS.source())));
    /** One location per line. */
    public final SettingsModelString files = add("files", new SettingsModelString("files", ""));
    public final SettingsModelString folder = add("folder", new SettingsModelString("folder", DEFAULTS.folder()));
    public final SettingsModelString pattern = add("pattern", new SettingsModelString("pattern", VolumeFiles.DEFAULT_PATTERN));
    public final SettingsModelBoolean recursive = add("recursive", new SettingsModelBoolean("recursive", DEFAULTS.recursive()));
    public final SettingsModelString readAs = add("read_as", new SettingsModelString("read_as", Choices.id(DEFAULTS.readAs())));

    @Override
    public NrrdReaderSettings toCore() throws NodeSettingsException {
        NrrdReaderSettings s = new NrrdReaderSettings(Choices.parse(Source.class, source.getStringValue(), "source"),
                Arrays.stream(files.getStringValue().split("\\R")).map(String::strip).filter(l -> !l.isEmpty()).toList(),
                folder.getStringValue(), pattern.getStringValue(), recursive.getBooleanValue(),
                Choices.parse(ReadAs.class, readAs.getStringValue(), "way to read voxels"));
        s.validate();
        return s;
    }
}
