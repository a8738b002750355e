package org.autoimplant.nodes.metrics;

import java.util.ArrayList;
import java.util.List;
import org.autoimplant.core.metrics.Evaluation;
import org.autoimplant.core.metrics.MetricValues;
import org.autoimplant.core.metrics.SegmentationMetrics;
import org.autoimplant.core.nodecore.NodeSettingsException;
import org.autoimplant.core.util.Progress;
import org.autoimplant.nodes.common.Columns;
import org.autoimplant.nodes.common.CoreNodeModel;
import org.autoimplant.nodes.common.RowFailures;
import org.autoimplant.nodes.data.VolumeValue;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.RowKey;
import org.knime.core.data.container.CloseableRowIterator;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;

/**
 * Implant Metrics: per row DSC, border DSC, HD, HD95 (mm) and RE (%) of a prediction against the
 * truth (masks must lie on the same grid), and a summary table: mean, standard deviation, median,
 * min, max and how many cases count, per metric, as the paper's Table 1.
 */
final class ImplantMetricsNodeModel extends CoreNodeModel<ImplantMetricsNodeSettings> {
    static final DataTableSpec SUMMARY = new DataTableSpec(
            new DataColumnSpecCreator("Mean", DoubleCell.TYPE).createSpec(),
            new DataColumnSpecCreator("Std", DoubleCell.TYPE).createSpec(),
            new DataColumnSpecCreator("Median", DoubleCell.TYPE).createSpec(),
            new DataColumnSpecCreator("Min", DoubleCell.TYPE).createSpec(),
            new DataColumnSpecCreator("Max", DoubleCell.TYPE).createSpec(),
            new DataColumnSpecCreator("Cases", IntCell.TYPE).createSpec(),
            new DataColumnSpecCreator("Infinite", IntCell.TYPE).createSpec());

    ImplantMetricsNodeModel() {
        super(new PortType[] {BufferedDataTable.TYPE}, new PortType[] {BufferedDataTable.TYPE, BufferedDataTable.TYPE},
                ImplantMetricsNodeSettings::new);
    }

    private boolean border() {
        return settings.defective.getStringValue() != null && !settings.defective.getStringValue().isEmpty();
    }

    @Override
    protected PortObjectSpec[] outputSpecs(PortObjectSpec[] in) throws NodeSettingsException, InvalidSettingsException {
        DataTableSpec spec = (DataTableSpec) in[0];
        if (spec == null) {
            return new PortObjectSpec[] {null, SUMMARY};
        }
        Columns.require(spec, settings.prediction, VolumeValue.class, "predicted implants", true);
        Columns.require(spec, settings.truth, VolumeValue.class, "true implants", "Implant");
        if (border()) {
            Columns.require(spec, settings.defective, VolumeValue.class, "defective skulls", "Defective skull");
        }
        return new PortObjectSpec[] {perCase(spec), SUMMARY};
    }

    private DataTableSpec perCase(DataTableSpec in) {
        List<DataColumnSpec> cols = new ArrayList<>();
        for (String n : MetricValues.NAMES) {
            cols.add(new DataColumnSpecCreator(DataTableSpec.getUniqueColumnName(in, n), DoubleCell.TYPE).createSpec());
        }
        if (settings.rowFailures() == RowFailures.SKIP) {
            cols.add(new DataColumnSpecCreator(DataTableSpec.getUniqueColumnName(in, RowFailures.STATUS),
                    StringCell.TYPE).createSpec());
        }
        return new DataTableSpec(in, new DataTableSpec(cols.toArray(DataColumnSpec[]::new)));
    }

    @Override
    protected PortObject[] run(PortObject[] in, ExecutionContext exec, Progress progress) throws Exception {
        BufferedDataTable table = (BufferedDataTable) in[0];
        DataTableSpec spec = table.getDataTableSpec();
        int p = spec.findColumnIndex(settings.prediction.getStringValue());
        int t = spec.findColumnIndex(settings.truth.getStringValue());
        int d = border() ? spec.findColumnIndex(settings.defective.getStringValue()) : -1;
        boolean skip = settings.rowFailures() == RowFailures.SKIP;
        BufferedDataContainer rows = exec.createDataContainer(perCase(spec));
        List<Evaluation.CaseResult> results = new ArrayList<>();
        progress.start("Scoring", table.size());
        long done = 0;
        try (CloseableRowIterator it = table.iterator()) {
            while (it.hasNext()) {
                progress.checkCancelled();
                DataRow r = it.next();
                List<DataCell> cells = new ArrayList<>();
                r.forEach(cells::add);
                try {
                    MetricValues v = SegmentationMetrics.compute(mask(r, p, "prediction"), mask(r, t, "truth"),
                            d < 0 ? null : mask(r, d, "defective skull"));
                    results.add(new Evaluation.CaseResult(r.getKey().getString(), v));
                    for (double x : v.asArray()) {
                        cells.add(Double.isNaN(x) ? DataType.getMissingCell() : new DoubleCell(x));
                    }
                    if (skip) {
                        cells.add(new StringCell("ok"));
                    }
                } catch (Exception e) {
                    if (!skip) {
                        throw new IllegalArgumentException("Row '" + r.getKey() + "': " + e.getMessage(), e);
                    }
                    for (int k = 0; k < MetricValues.NAMES.length; k++) {
                        cells.add(DataType.getMissingCell());
                    }
                    cells.add(new StringCell("failed: " + e.getMessage()));
                }
                rows.addRowToTable(new DefaultRow(r.getKey(), cells));
                progress.update(++done, r.getKey().getString());
            }
        } finally {
            progress.finish();
        }
        rows.close();
        BufferedDataContainer summary = exec.createDataContainer(SUMMARY);
        for (Evaluation.Summary s : Evaluation.summarise(results)) {
            int m = java.util.Arrays.asList(MetricValues.NAMES).indexOf(s.metric());
            summary.addRowToTable(new DefaultRow(new RowKey(s.metric()), new DoubleCell(s.mean()), cell(s.std()),
                    new DoubleCell(s.median()), new DoubleCell(s.min()), new DoubleCell(s.max()), new IntCell(s.n()),
                    new IntCell(Evaluation.infinite(results, m))));
        }
        summary.close();
        return new PortObject[] {rows.getTable(), summary.getTable()};
    }

    private static DataCell cell(double v) {
        return Double.isNaN(v) ? DataType.getMissingCell() : new DoubleCell(v);
    }

    private static org.autoimplant.core.volume.Mask mask(DataRow r, int col, String what) throws java.io.IOException {
        DataCell c = r.getCell(col);
        if (c.isMissing()) {
            throw new IllegalArgumentException("no " + what + " (missing value)");
        }
        return ((VolumeValue) c).getMask();
    }
}
