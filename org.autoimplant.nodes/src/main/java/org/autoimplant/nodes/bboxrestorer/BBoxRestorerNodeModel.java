package org.autoimplant.nodes.bboxrestorer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.autoimplant.core.nodecore.NodeSettingsException;
import org.autoimplant.core.nodecore.crop.BBoxRestoring;
import org.autoimplant.core.util.Progress;
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
import org.knime.core.data.StringValue;
import org.knime.core.data.container.CloseableRowIterator;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;

/**
 * BBox Restorer: the tiles of each case (consecutive rows with the same Case) back into one
 * implant on the case's full grid; one row per case (row id = Case) with the case's other columns
 * (those of its first tile, without the tile's own crops and plan) and the Implant.
 */
final class BBoxRestorerNodeModel extends CoreNodeModel<BBoxRestorerNodeSettings> {
    static final String IMPLANT = "Implant (restored)";
    /** Columns that belong to one tile, not to its case, as the BBox Cropper names them. */
    private static final Set<String> TILE_COLUMNS = Set.of("Tile", "Defective skull crop", "Implant crop");

    BBoxRestorerNodeModel() {
        super(new PortType[] {BufferedDataTable.TYPE}, new PortType[] {BufferedDataTable.TYPE},
                BBoxRestorerNodeSettings::new);
    }

    private boolean clean() {
        return settings.defective.getStringValue() != null && !settings.defective.getStringValue().isEmpty();
    }

    @Override
    protected PortObjectSpec[] outputSpecs(PortObjectSpec[] in) throws NodeSettingsException, InvalidSettingsException {
        DataTableSpec spec = (DataTableSpec) in[0];
        if (spec == null) {
            return new PortObjectSpec[] {null};
        }
        Columns.require(spec, settings.fine, VolumeValue.class, "fine implant crops", "Fine implant crop");
        Columns.require(spec, settings.plan, StringValue.class, "crop plans", "Crop plan");
        Columns.require(spec, settings.caseColumn, StringValue.class, "case ids", "Case");
        if (clean()) {
            Columns.require(spec, settings.defective, VolumeValue.class, "defective skulls", "Defective skull");
        }
        return new PortObjectSpec[] {outSpec(spec)};
    }

    /** The kept input columns' indices. */
    private int[] kept(DataTableSpec in) {
        Set<String> drop = new HashSet<>(TILE_COLUMNS);
        drop.add(settings.fine.getStringValue());
        drop.add(settings.plan.getStringValue());
        List<Integer> k = new ArrayList<>();
        for (int i = 0; i < in.getNumColumns(); i++) {
            if (!drop.contains(in.getColumnSpec(i).getName())) {
                k.add(i);
            }
        }
        return k.stream().mapToInt(Integer::intValue).toArray();
    }

    private DataTableSpec outSpec(DataTableSpec in) {
        List<DataColumnSpec> cols = new ArrayList<>();
        for (int i : kept(in)) {
            cols.add(in.getColumnSpec(i));
        }
        DataTableSpec base = new DataTableSpec(cols.toArray(DataColumnSpec[]::new));
        return new DataTableSpec(base, new DataTableSpec(new DataColumnSpecCreator(
                DataTableSpec.getUniqueColumnName(base, IMPLANT), VolumeCell.TYPE).createSpec()));
    }

    @Override
    protected PortObject[] run(PortObject[] in, ExecutionContext exec, Progress progress) throws Exception {
        BBoxRestoring.Settings s = settings.toCore();
        BufferedDataTable table = (BufferedDataTable) in[0];
        DataTableSpec spec = table.getDataTableSpec();
        int fine = spec.findColumnIndex(settings.fine.getStringValue());
        int plan = spec.findColumnIndex(settings.plan.getStringValue());
        int caseCol = spec.findColumnIndex(settings.caseColumn.getStringValue());
        int def = clean() ? spec.findColumnIndex(settings.defective.getStringValue()) : -1;
        int[] kept = kept(spec);
        BufferedDataContainer out = exec.createDataContainer(outSpec(spec));
        Set<String> finished = new HashSet<>();
        String current = null;
        DataRow first = null;
        BBoxRestoring.Case c = null;
        progress.start("Restoring", table.size());
        long done = 0;
        try (CloseableRowIterator it = table.iterator()) {
            while (it.hasNext()) {
                progress.checkCancelled();
                DataRow r = it.next();
                String id = string(r, caseCol, "case id");
                if (!id.equals(current)) {
                    if (current != null) {
                        emit(out, current, first, c, s, def, kept, exec);
                        finished.add(current);
                    }
                    if (finished.contains(id)) {
                        throw new IllegalArgumentException("the tiles of case '" + id + "' are not in consecutive rows"
                                + " (row '" + r.getKey() + "'): keep the BBox Cropper's order or sort by "
                                + settings.caseColumn.getStringValue());
                    }
                    current = id;
                    first = r;
                    c = new BBoxRestoring.Case();
                }
                DataCell f = r.getCell(fine);
                try {
                    c.add(f.isMissing() ? null : ((VolumeValue) f).getMask(), string(r, plan, "crop plan"));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("Row '" + r.getKey() + "': " + e.getMessage(), e);
                }
                progress.update(++done, r.getKey().getString());
            }
        } finally {
            progress.finish();
        }
        if (current != null) {
            emit(out, current, first, c, s, def, kept, exec);
        }
        out.close();
        return new PortObject[] {out.getTable()};
    }

    private static void emit(BufferedDataContainer out, String id, DataRow first, BBoxRestoring.Case c,
            BBoxRestoring.Settings s, int def, int[] kept, ExecutionContext exec) throws java.io.IOException {
        List<DataCell> cells = new ArrayList<>();
        for (int i : kept) {
            cells.add(first.getCell(i));
        }
        org.autoimplant.core.volume.Mask defective = def < 0 || first.getCell(def).isMissing() ? null
                : ((VolumeValue) first.getCell(def)).getMask();
        try {
            cells.add(VolumeCells.create(exec::createFileStore, c.implant(s, defective)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Case '" + id + "': " + e.getMessage(), e);
        }
        out.addRowToTable(new DefaultRow(new RowKey(id), cells));
    }

    private static String string(DataRow r, int col, String what) {
        DataCell cell = r.getCell(col);
        if (cell.isMissing()) {
            throw new IllegalArgumentException("Row '" + r.getKey() + "' has no " + what);
        }
        return ((StringValue) cell).getStringValue();
    }
}
