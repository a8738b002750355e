package org.autoimplant.nodes.stlwriter;

import java.util.List;
import org.autoimplant.core.mesh.MaskMeshing;
import org.autoimplant.core.nodecore.FileTargets;
import org.autoimplant.core.nodecore.NodeSettingsException;
import org.autoimplant.core.nodecore.stl.StlWriting;
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

/** STL Writer: an implant column → one printable STL file per row, in patient millimetres. */
final class StlWriterNodeModel extends CoreNodeModel<StlWriterNodeSettings> {
    StlWriterNodeModel() {
        super(new PortType[] {BufferedDataTable.TYPE}, new PortType[] {BufferedDataTable.TYPE},
                StlWriterNodeSettings::new);
    }

    @Override
    protected PortObjectSpec[] outputSpecs(PortObjectSpec[] in) throws NodeSettingsException, InvalidSettingsException {
        StlWriting.Settings s = settings.toCore();
        DataTableSpec spec = (DataTableSpec) in[0];
        if (spec != null) {
            Columns.Choice c = Columns.require(spec, settings.implant, VolumeValue.class, "implants", true);
            if (c.guessed() != null) {
                setWarningMessage(c.guessed());
            }
            if (!s.nameColumn().isEmpty()) {
                Columns.require(spec, settings.names, StringValue.class, "file names", false);
            }
        }
        return new PortObjectSpec[] {PerRowFiles.OUT};
    }

    @Override
    protected PortObject[] run(PortObject[] in, ExecutionContext exec, Progress progress) throws Exception {
        StlWriting.Settings s = settings.toCore();
        BufferedDataTable table = (BufferedDataTable) in[0];
        PerRowFiles files = new PerRowFiles(table, s.nameColumn());
        List<FileTargets.Target> targets = StlWriting.plan(s, KnimePaths.INSTANCE, files.ids(), files.names());
        return new PortObject[] {files.write(targets, s.ifExists(), settings.implant.getStringValue(),
                (v, t) -> {
                    if (v.getSummary().nonZero() == 0) {
                        return false; // an empty implant has no surface: status "empty", no file
                    }
                    MaskMeshing.writeStl(v.getMask(), s.smoothing(), t.file(), Progress.NONE);
                    return true;
                }, exec, progress)};
    }
}
