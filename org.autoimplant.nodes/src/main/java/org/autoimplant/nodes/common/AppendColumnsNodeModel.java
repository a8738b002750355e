package org.autoimplant.nodes.common;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.autoimplant.core.nodecore.NodeSettingsException;
import org.autoimplant.core.util.Progress;
import org.autoimplant.core.volume.Mask;
import org.autoimplant.core.volume.Volume;
import org.autoimplant.nodes.data.VolumeCells;
import org.autoimplant.nodes.data.VolumeValue;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.DataValue;
import org.knime.core.data.StringValue;
import org.knime.core.data.container.AbstractCellFactory;
import org.knime.core.data.container.ColumnRearranger;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;

/**
 * Base of the nodes that append columns computed row by row from volume columns (Skull Extractor,
 * Defect Injector, resamplers, predictors, Implant Designer): input columns checked (and guessed
 * when unset) at configure, rows processed one at a time through KNIME's ColumnRearranger (one
 * row's volumes in memory, progress per row, cancel between rows), new volumes stored in file
 * stores, and a failing row either stops the node with the row's id in the message or, under
 * {@link RowFailures#SKIP}, gets missing cells and its reason in a Status column.
 *
 * @param <C> the node's settings
 */
public abstract class AppendColumnsNodeModel<C extends CoreSettings<?>> extends CoreNodeModel<C> {
    private final int tablePort;
    private final List<String> warnings = java.util.Collections.synchronizedList(new ArrayList<>());

    /** A column the node reads. */
    public record InputColumn(SettingsModelString model, Class<? extends DataValue> type, String what,
            boolean optional, boolean preferLast) {
        public static InputColumn volume(SettingsModelString model, String what) {
            return new InputColumn(model, VolumeValue.class, what, false, false);
        }

        public static InputColumn optionalVolume(SettingsModelString model, String what) {
            return new InputColumn(model, VolumeValue.class, what, true, false);
        }
    }

    protected AppendColumnsNodeModel(PortType[] in, int tablePort, Supplier<C> settings) {
        super(in, new PortType[] {BufferedDataTable.TYPE}, settings);
        this.tablePort = tablePort;
    }

    /** The columns read, in the order {@link Row#cell} indexes them. */
    protected abstract List<InputColumn> inputColumns();

    /** Names and types of the appended columns; {@code in} holds every input port's spec (null when unknown). */
    protected abstract List<DataColumnSpec> newColumns(PortObjectSpec[] in) throws NodeSettingsException,
            InvalidSettingsException;

    /** Runs once before the rows, e.g. to build a network from the model port. */
    protected void beforeRows(PortObject[] in, ExecutionContext exec) throws Exception {
    }

    /** One row's new cells, in the order of {@link #newColumns}. */
    protected abstract DataCell[] compute(Row row) throws Exception;

    @Override
    protected final PortObjectSpec[] outputSpecs(PortObjectSpec[] in) throws NodeSettingsException,
            InvalidSettingsException {
        DataTableSpec spec = (DataTableSpec) in[tablePort];
        if (spec == null) {
            return new PortObjectSpec[] {null};
        }
        List<String> guesses = new ArrayList<>();
        for (InputColumn c : inputColumns()) {
            if (c.optional() && isNone(c.model())) {
                continue;
            }
            Columns.Choice choice = Columns.require(spec, c.model(), c.type(), c.what(), c.preferLast());
            if (choice.guessed() != null) {
                guesses.add(choice.guessed());
            }
        }
        settings.toCore();
        if (!guesses.isEmpty()) {
            setWarningMessage(String.join("; ", guesses));
        }
        return new PortObjectSpec[] {rearranger(spec, newColumns(in), null).createSpec()};
    }

    @Override
    protected final PortObject[] run(PortObject[] in, ExecutionContext exec, Progress progress) throws Exception {
        BufferedDataTable table = (BufferedDataTable) in[tablePort];
        beforeRows(in, exec);
        warnings.clear();
        PortObjectSpec[] specs = new PortObjectSpec[in.length];
        for (int i = 0; i < in.length; i++) {
            specs[i] = in[i] == null ? null : in[i].getSpec();
        }
        BufferedDataTable out = exec.createColumnRearrangeTable(table, rearranger(table.getDataTableSpec(),
                newColumns(specs), progress), exec);
        if (!warnings.isEmpty()) {
            setWarningMessage(warnings.size() == 1 ? warnings.get(0) : warnings.size() + " warnings; the first: "
                    + warnings.get(0));
        }
        return new PortObject[] {out};
    }

    private ColumnRearranger rearranger(DataTableSpec spec, List<DataColumnSpec> appended, Progress progress) {
        List<DataColumnSpec> cols = new ArrayList<>();
        DataTableSpec sofar = spec;
        List<DataColumnSpec> wanted = new ArrayList<>(appended);
        boolean skip = settings.rowFailures() == RowFailures.SKIP;
        if (skip) {
            wanted.add(new DataColumnSpecCreator(RowFailures.STATUS, StringCell.TYPE).createSpec());
        }
        for (DataColumnSpec c : wanted) {
            DataColumnSpecCreator unique = new DataColumnSpecCreator(c);
            unique.setName(DataTableSpec.getUniqueColumnName(sofar, c.getName()));
            DataColumnSpec u = unique.createSpec();
            cols.add(u);
            sofar = new DataTableSpec(sofar, new DataTableSpec(u));
        }
        int[] index = new int[inputColumns().size()];
        for (int i = 0; i < index.length; i++) {
            SettingsModelString m = inputColumns().get(i).model();
            index[i] = isNone(m) ? -1 : spec.findColumnIndex(m.getStringValue());
        }
        int computed = cols.size() - (skip ? 1 : 0);
        ColumnRearranger r = new ColumnRearranger(spec);
        r.append(new AbstractCellFactory(cols.toArray(DataColumnSpec[]::new)) {
            @Override
            public DataCell[] getCells(DataRow row) {
                Row ctx = new Row(row, index, this::fileStores, progress, warnings);
                try {
                    DataCell[] cells = compute(ctx);
                    if (!skip) {
                        return cells;
                    }
                    DataCell[] withStatus = java.util.Arrays.copyOf(cells, cells.length + 1);
                    withStatus[cells.length] = new StringCell("ok");
                    return withStatus;
                } catch (Progress.CancelledException e) {
                    throw e;
                } catch (Exception e) {
                    String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                    if (!skip) {
                        throw new IllegalStateException("Row '" + row.getKey() + "': " + why, e);
                    }
                    DataCell[] missing = new DataCell[computed + 1];
                    java.util.Arrays.fill(missing, DataType.getMissingCell());
                    missing[computed] = new StringCell("failed: " + why);
                    return missing;
                }
            }

            private VolumeCells.FileStores fileStores() {
                return getFileStoreFactory()::createFileStore;
            }
        });
        return r;
    }

    private static boolean isNone(SettingsModelString m) {
        return m.getStringValue() == null || m.getStringValue().isEmpty();
    }

    /** One input row as the node sees it. */
    public static final class Row {
        private final DataRow row;
        private final int[] index;
        private final Supplier<VolumeCells.FileStores> stores;
        private final Progress progress;
        private final List<String> warnings;

        Row(DataRow row, int[] index, Supplier<VolumeCells.FileStores> stores, Progress progress, List<String> warnings) {
            this.row = row;
            this.index = index;
            this.stores = stores;
            this.progress = progress;
            this.warnings = warnings;
        }

        /** Notes a warning for this row; the node shows how many rows had one, and the first. */
        public void warn(String message) {
            warnings.add("row '" + id() + "': " + message);
        }

        /**
         * Input column {@code i} as a skull mask to predict from, checked as the command line checks
         * files: a binary mask (not a CT in HU, no NaN), a head-sized grid, some bone.
         */
        public Mask skull(int i, String what) throws java.io.IOException {
            VolumeValue v = volume(i, what);
            List<String> w = new ArrayList<>();
            Mask m;
            if (v.getSummary().mask()) {
                m = v.getMask();
                w.addAll(org.autoimplant.core.pipeline.PredictionInputs.checkGrid(what, m.shape(), m.geometry()));
                org.autoimplant.core.pipeline.PredictionInputs.checkBone(what, m);
            } else {
                m = org.autoimplant.core.pipeline.PredictionInputs.skullMask(what, v.getVolume(), false, w);
            }
            w.forEach(this::warn);
            return m;
        }

        public String id() {
            return row.getKey().getString();
        }

        /** The cell of input column {@code i}, or null when that optional column is not used or missing. */
        public DataCell cell(int i) {
            if (index[i] < 0) {
                return null;
            }
            DataCell c = row.getCell(index[i]);
            return c.isMissing() ? null : c;
        }

        /** The volume of input column {@code i}; a missing cell is an error naming the column's purpose. */
        public VolumeValue volume(int i, String what) {
            DataCell c = cell(i);
            if (c == null) {
                throw new IllegalArgumentException("no " + what + " (missing value)");
            }
            return (VolumeValue) c;
        }

        public Mask mask(int i, String what) throws java.io.IOException {
            return volume(i, what).getMask();
        }

        /** The mask of an optional column, or null. */
        public Mask maskOrNull(int i) throws java.io.IOException {
            DataCell c = cell(i);
            return c == null ? null : ((VolumeValue) c).getMask();
        }

        public String string(int i) {
            DataCell c = cell(i);
            return c == null ? null : ((StringValue) c).getStringValue();
        }

        /** A new volume cell (masks stored as unsigned char). */
        public DataCell store(Volume v, boolean mask) throws java.io.IOException {
            return VolumeCells.create(stores.get(), v, mask);
        }

        public DataCell store(Mask m) throws java.io.IOException {
            return VolumeCells.create(stores.get(), m);
        }

        /**
         * For core work within this row: honours the node's cancel, but leaves the progress bar to
         * the rows (a per-row bar would restart at 0 % on every row).
         */
        public Progress progress() {
            Progress node = progress == null ? Progress.NONE : progress;
            return new Progress() {
                @Override
                public void start(String task, long total) {
                }

                @Override
                public void update(long done, String message) {
                }

                @Override
                public void checkCancelled() {
                    node.checkCancelled();
                }
            };
        }
    }
}
