package org.autoimplant.nodes.report;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.autoimplant.core.nodecore.NodeSettingsException;
import org.autoimplant.core.nodecore.report.ReportWriting;
import org.autoimplant.core.util.Progress;
import org.autoimplant.nodes.common.Columns;
import org.autoimplant.nodes.common.CoreNodeModel;
import org.autoimplant.nodes.common.KnimePaths;
import org.autoimplant.nodes.data.VolumeValue;
import org.autoimplant.nodes.port.ImplantModelPortObject;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.container.CloseableRowIterator;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;
import org.knime.core.util.FileUtil;

/**
 * Implant Report: the HTML report for a table of predictions and truths, written as report.html
 * into a folder; its path is the output and flow variable {@value #PATH_VARIABLE}. An optional
 * model port adds that model's training-loss curve.
 */
final class ImplantReportNodeModel extends CoreNodeModel<ImplantReportNodeSettings> {
    static final String PATH_VARIABLE = "autoimplant_report";
    static final DataTableSpec OUT = new DataTableSpec(new DataColumnSpecCreator("Report", StringCell.TYPE).createSpec());

    ImplantReportNodeModel() {
        super(new PortType[] {BufferedDataTable.TYPE, ImplantModelPortObject.TYPE_OPTIONAL},
                new PortType[] {BufferedDataTable.TYPE}, ImplantReportNodeSettings::new);
    }

    @Override
    protected PortObjectSpec[] outputSpecs(PortObjectSpec[] in) throws NodeSettingsException, InvalidSettingsException {
        settings.toCore();
        DataTableSpec spec = (DataTableSpec) in[0];
        if (spec != null) {
            Columns.require(spec, settings.prediction, VolumeValue.class, "predicted implants", true);
            Columns.require(spec, settings.truth, VolumeValue.class, "true implants", "Implant");
            Columns.require(spec, settings.defective, VolumeValue.class, "defective skulls", "Defective skull");
        }
        return new PortObjectSpec[] {OUT};
    }

    @Override
    protected PortObject[] run(PortObject[] in, ExecutionContext exec, Progress progress) throws Exception {
        ReportWriting.Settings s = settings.toCore();
        BufferedDataTable table = (BufferedDataTable) in[0];
        DataTableSpec spec = table.getDataTableSpec();
        int p = spec.findColumnIndex(settings.prediction.getStringValue());
        int t = spec.findColumnIndex(settings.truth.getStringValue());
        int d = spec.findColumnIndex(settings.defective.getStringValue());
        File work = FileUtil.createTempDir("autoimplant-report");
        ReportWriting.Staging staging = new ReportWriting.Staging(work.toPath());
        progress.start("Collecting cases", table.size());
        long done = 0;
        try (CloseableRowIterator it = table.iterator()) {
            while (it.hasNext()) {
                progress.checkCancelled();
                DataRow r = it.next();
                staging.add(r.getKey().getString(), mask(r, p), mask(r, t), mask(r, d));
                progress.update(++done, r.getKey().getString());
            }
        } finally {
            progress.finish();
        }
        Map<String, List<Double>> losses = in[1] == null ? Map.of()
                : Map.of(((ImplantModelPortObject) in[1]).getSpec().role().id(),
                        ((ImplantModelPortObject) in[1]).metadata().getLosses());
        Path html = staging.write(s, KnimePaths.INSTANCE, losses, true, progress);
        FileUtil.deleteRecursively(work);
        pushFlowVariableString(PATH_VARIABLE, html.toString());
        BufferedDataContainer out = exec.createDataContainer(OUT);
        out.addRowToTable(new DefaultRow("report", new StringCell(html.toString())));
        out.close();
        return new PortObject[] {out.getTable()};
    }

    private static org.autoimplant.core.volume.Mask mask(DataRow r, int col) throws java.io.IOException {
        DataCell c = r.getCell(col);
        if (c.isMissing()) {
            throw new IllegalArgumentException("Row '" + r.getKey() + "' has a missing volume");
        }
        return ((VolumeValue) c).getMask();
    }
}
