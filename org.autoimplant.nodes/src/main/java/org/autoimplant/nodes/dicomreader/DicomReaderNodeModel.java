package org.autoimplant.nodes.dicomreader;

import java.util.ArrayList;
import java.util.List;
import org.autoimplant.core.io.dicom.DicomSeries;
import org.autoimplant.core.io.dicom.DicomVolumes;
import org.autoimplant.core.nodecore.NodeSettingsException;
import org.autoimplant.core.nodecore.dicomreader.DicomReading;
import org.autoimplant.core.util.Progress;
import org.autoimplant.core.volume.Volume;
import org.autoimplant.nodes.common.CoreNodeModel;
import org.autoimplant.nodes.common.KnimePaths;
import org.autoimplant.nodes.common.RowFailures;
import org.autoimplant.nodes.data.VolumeCell;
import org.autoimplant.nodes.data.VolumeCells;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.RowKey;
import org.knime.core.data.collection.CollectionCellFactory;
import org.knime.core.data.collection.ListCell;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;

/**
 * DICOM Series Reader: a study folder → one row per image series (CT only by default): its UID,
 * number, description, modality, sizes, spacing, the volume (Hounsfield units for CT) and what
 * reading noticed. Headers are scanned first; then one series at a time is read into the table.
 */
final class DicomReaderNodeModel extends CoreNodeModel<DicomReaderNodeSettings> {
    static final String[] COLUMNS = {"Series UID", "Series number", "Description", "Modality", "Volume", "Sizes",
        "Spacing (mm)", "Notes"};

    DicomReaderNodeModel() {
        super(new PortType[0], new PortType[] {BufferedDataTable.TYPE}, DicomReaderNodeSettings::new);
    }

    private DataTableSpec spec() {
        List<DataColumnSpec> cols = new ArrayList<>();
        DataType[] types = {StringCell.TYPE, IntCell.TYPE, StringCell.TYPE, StringCell.TYPE, VolumeCell.TYPE,
            ListCell.getCollectionType(IntCell.TYPE), ListCell.getCollectionType(DoubleCell.TYPE), StringCell.TYPE};
        for (int i = 0; i < COLUMNS.length; i++) {
            cols.add(new DataColumnSpecCreator(COLUMNS[i], types[i]).createSpec());
        }
        if (settings.rowFailures() == RowFailures.SKIP) {
            cols.add(new DataColumnSpecCreator(RowFailures.STATUS, StringCell.TYPE).createSpec());
        }
        return new DataTableSpec(cols.toArray(DataColumnSpec[]::new));
    }

    @Override
    protected PortObjectSpec[] outputSpecs(PortObjectSpec[] in) throws NodeSettingsException {
        settings.toCore();
        return new PortObjectSpec[] {spec()};
    }

    @Override
    protected PortObject[] run(PortObject[] in, ExecutionContext exec, Progress progress) throws Exception {
        DicomReading.Settings s = settings.toCore();
        exec.setMessage("Scanning the DICOM files");
        DicomReading.Plan plan = DicomReading.plan(s, KnimePaths.INSTANCE, progress);
        BufferedDataContainer out = exec.createDataContainer(spec());
        boolean skip = settings.rowFailures() == RowFailures.SKIP;
        List<String> failed = new ArrayList<>();
        int i = 0;
        for (DicomSeries.Series series : plan.series()) {
            progress.checkCancelled();
            exec.setProgress((double) i++ / plan.series().size(), "Reading " + series);
            List<DataCell> cells = new ArrayList<>(List.of(new StringCell(series.uid()), new IntCell(series.number()),
                    new StringCell(series.description()), new StringCell(series.modality())));
            String status = "read";
            try {
                DicomVolumes.Read r = DicomReading.read(plan, series, Progress.NONE);
                Volume v = r.volume();
                cells.add(VolumeCells.create(exec::createFileStore, v, false));
                cells.add(CollectionCellFactory.createListCell(List.of(new IntCell(v.shape().nx()),
                        new IntCell(v.shape().ny()), new IntCell(v.shape().nz()))));
                double[] sp = v.geometry().spacings();
                cells.add(CollectionCellFactory.createListCell(List.of(new DoubleCell(sp[0]), new DoubleCell(sp[1]),
                        new DoubleCell(sp[2]))));
                cells.add(new StringCell(String.join("; ", r.notes())));
            } catch (java.io.IOException e) {
                if (!skip) {
                    throw new java.io.IOException("Series " + series.number() + " (" + series.uid() + "): "
                            + e.getMessage(), e);
                }
                failed.add(Integer.toString(series.number()));
                for (int c = 0; c < 3; c++) {
                    cells.add(DataType.getMissingCell());
                }
                cells.add(new StringCell(""));
                status = "failed: " + e.getMessage();
            }
            if (skip) {
                cells.add(new StringCell(status));
            }
            out.addRowToTable(new DefaultRow(new RowKey(series.uid()), cells));
        }
        out.close();
        List<String> warnings = new ArrayList<>();
        if (!failed.isEmpty()) {
            warnings.add(failed.size() + " series could not be read (see Status): " + String.join(", ", failed));
        }
        if (!plan.notes().isEmpty()) {
            warnings.add(String.join("; ", plan.notes()));
        }
        if (!warnings.isEmpty()) {
            setWarningMessage(String.join("; ", warnings));
        }
        return new PortObject[] {out.getTable()};
    }
}
