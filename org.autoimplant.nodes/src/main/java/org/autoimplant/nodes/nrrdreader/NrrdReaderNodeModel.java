package org.autoimplant.nodes.nrrdreader;

import java.util.ArrayList;
import java.util.List;
import org.autoimplant.core.nodecore.NodeSettingsException;
import org.autoimplant.core.nodecore.nrrdreader.NrrdReaderCore;
import org.autoimplant.core.nodecore.nrrdreader.NrrdReaderSettings;
import org.autoimplant.core.nodecore.nrrdreader.NrrdReaderSettings.ReadAs;
import org.autoimplant.core.util.Progress;
import org.autoimplant.core.volume.Volume;
import org.autoimplant.nodes.common.CoreNodeModel;
import org.autoimplant.nodes.common.KnimePaths;
import org.autoimplant.nodes.data.VolumeCell;
import org.autoimplant.nodes.data.VolumeCells;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataTableSpec;
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

/** NRRD Reader: files, a folder or an AutoImplant dataset → one row per file or case. */
final class NrrdReaderNodeModel extends CoreNodeModel<NrrdReaderNodeSettings> {
    static final String CASE = "Case";
    static final String SIZES = "Sizes";
    static final String SPACING = "Spacing (mm)";
    static final String FILE = "File";

    NrrdReaderNodeModel() {
        super(new PortType[0], new PortType[] {BufferedDataTable.TYPE}, NrrdReaderNodeSettings::new);
    }

    @Override
    protected PortObjectSpec[] outputSpecs(PortObjectSpec[] in) throws NodeSettingsException {
        return new PortObjectSpec[] {spec(NrrdReaderCore.columns(settings.toCore(), KnimePaths.INSTANCE))};
    }

    static DataTableSpec spec(List<String> volumeColumns) {
        List<org.knime.core.data.DataColumnSpec> cols = new ArrayList<>();
        cols.add(new DataColumnSpecCreator(CASE, StringCell.TYPE).createSpec());
        for (String c : volumeColumns) {
            cols.add(new DataColumnSpecCreator(c, VolumeCell.TYPE).createSpec());
        }
        cols.add(new DataColumnSpecCreator(SIZES, ListCell.getCollectionType(IntCell.TYPE)).createSpec());
        cols.add(new DataColumnSpecCreator(SPACING, ListCell.getCollectionType(DoubleCell.TYPE)).createSpec());
        cols.add(new DataColumnSpecCreator(FILE, StringCell.TYPE).createSpec());
        return new DataTableSpec(cols.toArray(org.knime.core.data.DataColumnSpec[]::new));
    }

    @Override
    protected PortObject[] run(PortObject[] in, ExecutionContext exec, Progress progress) throws Exception {
        NrrdReaderSettings s = settings.toCore();
        NrrdReaderCore.Plan plan = NrrdReaderCore.plan(s, KnimePaths.INSTANCE);
        BufferedDataContainer out = exec.createDataContainer(spec(plan.columns()));
        boolean mask = s.readAs() == ReadAs.MASK;
        NrrdReaderCore.execute(s, plan, (row, volumes) -> {
            List<DataCell> cells = new ArrayList<>();
            cells.add(new StringCell(row.id()));
            for (Volume v : volumes) {
                cells.add(VolumeCells.create(exec::createFileStore, v, mask));
            }
            Volume first = volumes.get(0);
            cells.add(CollectionCellFactory.createListCell(List.of(new IntCell(first.shape().nx()),
                    new IntCell(first.shape().ny()), new IntCell(first.shape().nz()))));
            double[] sp = first.geometry().spacings();
            cells.add(CollectionCellFactory.createListCell(List.of(new DoubleCell(sp[0]), new DoubleCell(sp[1]),
                    new DoubleCell(sp[2]))));
            cells.add(new StringCell(row.files().get(0).toString()));
            out.addRowToTable(new DefaultRow(new RowKey(row.id()), cells));
        }, progress);
        out.close();
        return new PortObject[] {out.getTable()};
    }
}
