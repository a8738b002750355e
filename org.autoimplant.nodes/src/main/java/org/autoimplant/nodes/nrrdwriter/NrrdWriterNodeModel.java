package org.autoimplant.nodes.nrrdwriter;

import java.util.List;
import org.autoimplant.core.nodecore.FileTargets;
import org.autoimplant.core.nodecore.NodeSettingsException;
import org.autoimplant.core.nodecore.nrrdwriter.NrrdWriterCore;
import org.autoimplant.core.nodecore.nrrdwriter.NrrdWriterSettings;
import org.autoimplant.core.util.Progress;
import org.autoimplant.nodes.common.Columns;
import org.autoimplant.nodes.common.CoreNodeModel;
import org.autoimplant.nodes.common.KnimePaths;
import org.autoimplant.nodes.common.PerRowFiles;
import org.autoimplant.nodes.data.VolumeValue;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.StringValue;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;

/** NRRD Writer: a volume column → one NRRD file per row, written atomically. */
final class NrrdWriterNodeModel extends CoreNodeModel<NrrdWriterNodeSettings> {

    NrrdWriterNodeModel() {
        super(new PortType[] {BufferedDataTable.TYPE}, new PortType[] {BufferedDataTable.TYPE},
                NrrdWriterNodeSettings::new);
    }

    @Override
    protected PortObjectSpec[] outputSpecs(PortObjectSpec[] in) throws NodeSettingsException, InvalidSettingsException {
        DataTableSpec spec = (DataTableSpec) in[0];
        Columns.Choice c = Columns.require(spec, settings.volumeColumn, VolumeValue.class, "volumes to write", false);
        if (c.guessed() != null) {
            setWarningMessage(c.guessed());
        }
        NrrdWriterSettings s = settings.toCore();
        if (!s.namesFromRowIds()) {
            Columns.require(spec, settings.nameColumn, StringValue.class, "file names", false);
        }
        return new PortObjectSpec[] {PerRowFiles.OUT};
    }

    @Override
    protected PortObject[] run(PortObject[] in, ExecutionContext exec, Progress progress) throws Exception {
        BufferedDataTable table = (BufferedDataTable) in[0];
        NrrdWriterSettings s = settings.toCore();
        PerRowFiles files = new PerRowFiles(table, s.nameColumn());
        List<FileTargets.Target> targets = NrrdWriterCore.plan(s, KnimePaths.INSTANCE, files.ids(), files.names());
        return new PortObject[] {files.write(targets, s.ifExists(), s.volumeColumn(),
                (v, t) -> {
                    NrrdWriterCore.write(s, v.getVolume(), t.file());
                    return true;
                }, exec, progress)};
    }
}
