package org.autoimplant.nodes.common;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.autoimplant.core.nodecore.FileTargets;
import org.autoimplant.nodes.data.VolumeValue;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.RowKey;
import org.knime.core.data.StringValue;
import org.knime.core.data.container.CloseableRowIterator;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;

/**
 * What the writer nodes (NRRD, STL) share: the rows' names (row ids or a string column) read in a
 * first, cheap pass so every file can be planned before one is written; then the rows again, in
 * order, one volume at a time; and the output table of paths and outcomes.
 */
public final class PerRowFiles {
    /** The output table: the file written for each row, and written / overwritten / skipped / empty. */
    public static final DataTableSpec OUT = new DataTableSpec(
            new DataColumnSpecCreator("File", StringCell.TYPE).createSpec(),
            new DataColumnSpecCreator("Status", StringCell.TYPE).createSpec());

    private final BufferedDataTable table;
    private final List<String> ids = new ArrayList<>();
    private final List<String> names = new ArrayList<>();

    /** Reads the names: from column {@code nameColumn}, or the row ids when it is empty. */
    public PerRowFiles(BufferedDataTable table, String nameColumn) {
        this.table = table;
        int col = nameColumn.isEmpty() ? -1 : table.getDataTableSpec().findColumnIndex(nameColumn);
        try (CloseableRowIterator it = table.iterator()) {
            while (it.hasNext()) {
                DataRow r = it.next();
                ids.add(r.getKey().getString());
                if (col < 0) {
                    names.add(r.getKey().getString());
                } else if (r.getCell(col).isMissing()) {
                    throw new IllegalArgumentException("Row '" + r.getKey() + "' has no file name (missing value in '"
                            + nameColumn + "')");
                } else {
                    names.add(((StringValue) r.getCell(col)).getStringValue());
                }
            }
        }
    }

    public List<String> ids() {
        return ids;
    }

    public List<String> names() {
        return names;
    }

    /** Writes every target with {@code writer}, handing it row i's volume; returns the output table. */
    public BufferedDataTable write(List<FileTargets.Target> targets, org.autoimplant.core.nodecore.IfExists ifExists,
            String volumeColumn, VolumeWriter writer, ExecutionContext exec, org.autoimplant.core.util.Progress progress)
            throws IOException {
        int col = table.getDataTableSpec().findColumnIndex(volumeColumn);
        BufferedDataContainer out = exec.createDataContainer(OUT);
        try (CloseableRowIterator it = table.iterator()) {
            RowCursor rows = new RowCursor(it);
            FileTargets.write(targets, ifExists, (i, t) -> {
                DataRow r = rows.row(i);
                DataCell c = r.getCell(col);
                if (c.isMissing()) {
                    throw new IOException("no volume (missing value in '" + volumeColumn + "')");
                }
                return writer.write((VolumeValue) c, t);
            }, (t, outcome) -> out.addRowToTable(new DefaultRow(new RowKey(t.rowId()), new StringCell(t.file()
                    .toString()), new StringCell(outcome.name().toLowerCase(java.util.Locale.ROOT)))), progress);
        }
        out.close();
        return out.getTable();
    }

    /** Writes one row's volume to its target; false when there was nothing to write. */
    @FunctionalInterface
    public interface VolumeWriter {
        boolean write(VolumeValue volume, FileTargets.Target target) throws IOException;
    }

    /** Rows by increasing index from one pass over the table (writers ask in order, skipping some). */
    private static final class RowCursor {
        private final CloseableRowIterator it;
        private int index = -1;
        private DataRow current;

        RowCursor(CloseableRowIterator it) {
            this.it = it;
        }

        DataRow row(int i) {
            if (i < index) {
                throw new IllegalStateException("rows are read in order: " + i + " after " + index);
            }
            while (index < i) {
                current = it.next();
                index++;
            }
            return current;
        }
    }
}
