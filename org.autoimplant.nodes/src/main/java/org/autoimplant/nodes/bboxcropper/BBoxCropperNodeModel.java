package org.autoimplant.nodes.bboxcropper;

import java.util.ArrayList;
import java.util.List;
import org.autoimplant.core.nodecore.NodeSettingsException;
import org.autoimplant.core.nodecore.crop.BBoxCropping;
import org.autoimplant.core.util.Progress;
import org.autoimplant.core.volume.Mask;
import org.autoimplant.nodes.common.Columns;
import org.autoimplant.nodes.common.CoreNodeModel;
import org.autoimplant.nodes.data.VolumeCell;
import org.autoimplant.nodes.data.VolumeCells;
import org.autoimplant.nodes.data.VolumeValue;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.RowKey;
import org.knime.core.data.container.CloseableRowIterator;
import org.knime.core.data.def.DefaultRow;
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
 * BBox Cropper: one row per N2 tile (row id CASE#TILE), each carrying its case's input row, the
 * Case id, the tile number, the zero-padded crops and the crop plan that the BBox Restorer inverts.
 */
final class BBoxCropperNodeModel extends CoreNodeModel<BBoxCropperNodeSettings> {
    static final String CASE = "Case";
    static final String TILE = "Tile";
    static final String DEFECTIVE_CROP = "Defective skull crop";
    static final String IMPLANT_CROP = "Implant crop";
    static final String PLAN = "Crop plan";

    BBoxCropperNodeModel() {
        super(new PortType[] {BufferedDataTable.TYPE}, new PortType[] {BufferedDataTable.TYPE},
                BBoxCropperNodeSettings::new);
    }

    private boolean withImplant() {
        return settings.implant.getStringValue() != null && !settings.implant.getStringValue().isEmpty();
    }

    @Override
    protected PortObjectSpec[] outputSpecs(PortObjectSpec[] in) throws NodeSettingsException, InvalidSettingsException {
        settings.toCore();
        DataTableSpec spec = (DataTableSpec) in[0];
        if (spec == null) {
            return new PortObjectSpec[] {null};
        }
        Columns.require(spec, settings.defective, VolumeValue.class, "defective skulls", "Defective skull");
        Columns.require(spec, settings.coarse, VolumeValue.class, "coarse implants", "Coarse implant");
        if (withImplant()) {
            Columns.require(spec, settings.implant, VolumeValue.class, "true implants", "Implant");
        }
        return new PortObjectSpec[] {outSpec(spec)};
    }

    private DataTableSpec outSpec(DataTableSpec in) {
        List<DataColumnSpec> cols = new ArrayList<>();
        for (String name : withImplant() ? new String[] {CASE, TILE, DEFECTIVE_CROP, IMPLANT_CROP, PLAN}
                : new String[] {CASE, TILE, DEFECTIVE_CROP, PLAN}) {
            cols.add(new DataColumnSpecCreator(DataTableSpec.getUniqueColumnName(in, name), name.equals(TILE)
                    ? IntCell.TYPE : name.equals(CASE) || name.equals(PLAN) ? StringCell.TYPE : VolumeCell.TYPE)
                            .createSpec());
        }
        return new DataTableSpec(in, new DataTableSpec(cols.toArray(DataColumnSpec[]::new)));
    }

    @Override
    protected PortObject[] run(PortObject[] in, ExecutionContext exec, Progress progress) throws Exception {
        BBoxCropping.Settings s = settings.toCore();
        BufferedDataTable table = (BufferedDataTable) in[0];
        DataTableSpec spec = table.getDataTableSpec();
        int d = spec.findColumnIndex(settings.defective.getStringValue());
        int c = spec.findColumnIndex(settings.coarse.getStringValue());
        int t = withImplant() ? spec.findColumnIndex(settings.implant.getStringValue()) : -1;
        BufferedDataContainer out = exec.createDataContainer(outSpec(spec));
        List<String> empty = new ArrayList<>();
        progress.start("Cropping", table.size());
        long done = 0;
        try (CloseableRowIterator it = table.iterator()) {
            while (it.hasNext()) {
                progress.checkCancelled();
                DataRow r = it.next();
                String id = r.getKey().getString();
                try {
                    Mask implant = t < 0 || r.getCell(t).isMissing() ? null : ((VolumeValue) r.getCell(t)).getMask();
                    List<BBoxCropping.Tile> tiles = BBoxCropping.apply(s, mask(r, d, "defective skull"),
                            mask(r, c, "coarse implant"), implant);
                    for (BBoxCropping.Tile tile : tiles) {
                        if (tile.none()) {
                            empty.add(id);
                        }
                        List<DataCell> cells = new ArrayList<>();
                        r.forEach(cells::add);
                        cells.add(new StringCell(id));
                        cells.add(new IntCell(tile.index()));
                        cells.add(volume(tile.defective(), exec));
                        if (t >= 0) {
                            cells.add(volume(tile.implant(), exec));
                        }
                        cells.add(new StringCell(tile.plan()));
                        out.addRowToTable(new DefaultRow(new RowKey(id + "#" + tile.index()), cells));
                    }
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("Row '" + id + "': " + e.getMessage(), e);
                }
                progress.update(++done, id);
            }
        } finally {
            progress.finish();
        }
        out.close();
        if (!empty.isEmpty()) {
            setWarningMessage(empty.size() + " case(s) without any coarse implant: one row without crops each (plan"
                    + " 'no implant'; the BBox Restorer gives them an empty implant): "
                    + String.join(", ", empty.subList(0, Math.min(5, empty.size()))));
        }
        return new PortObject[] {out.getTable()};
    }

    /** A volume cell, or a missing cell for the crops of a case without implant. */
    private static DataCell volume(Mask m, ExecutionContext exec) throws java.io.IOException {
        return m == null ? org.knime.core.data.DataType.getMissingCell() : VolumeCells.create(exec::createFileStore, m);
    }

    private static Mask mask(DataRow r, int col, String what) throws java.io.IOException {
        DataCell cell = r.getCell(col);
        if (cell.isMissing()) {
            throw new IllegalArgumentException("no " + what + " (missing value)");
        }
        return ((VolumeValue) cell).getMask();
    }
}
