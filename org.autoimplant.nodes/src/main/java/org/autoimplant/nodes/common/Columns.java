package org.autoimplant.nodes.common;

import org.autoimplant.nodes.data.VolumeValue;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataValue;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/** Column choices checked against an input table, with KNIME's usual guess when none is set yet. */
public final class Columns {
    private Columns() {
    }

    /**
     * The index of the column {@code model} names, which must hold {@code type}. When none is set,
     * the first (for {@code preferLast} false) or last suitable column is chosen and written back
     * to {@code model}; the returned message says so (null when nothing was guessed).
     */
    public static Choice require(DataTableSpec spec, SettingsModelString model, Class<? extends DataValue> type,
            String what, boolean preferLast) throws InvalidSettingsException {
        String name = model.getStringValue();
        if (name == null || name.isEmpty()) {
            int found = -1;
            for (int i = 0; i < spec.getNumColumns(); i++) {
                if (spec.getColumnSpec(i).getType().isCompatible(type)) {
                    found = i;
                    if (!preferLast) {
                        break;
                    }
                }
            }
            if (found < 0) {
                throw new InvalidSettingsException("The input table has no " + typeName(type) + " column for the "
                        + what + (type == VolumeValue.class ? " (read volumes with the NRRD Reader)" : ""));
            }
            String guess = spec.getColumnSpec(found).getName();
            model.setStringValue(guess);
            return new Choice(found, "Chose column '" + guess + "' as the " + what);
        }
        int i = spec.findColumnIndex(name);
        if (i < 0) {
            throw new InvalidSettingsException("The " + what + " column '" + name + "' is not in the input table");
        }
        DataColumnSpec c = spec.getColumnSpec(i);
        if (!c.getType().isCompatible(type)) {
            throw new InvalidSettingsException("Column '" + name + "' holds " + c.getType() + ", not "
                    + typeName(type) + " as the " + what + " needs");
        }
        return new Choice(i, null);
    }

    /**
     * As {@link #require(DataTableSpec, SettingsModelString, Class, String, boolean)}, guessing the
     * column named {@code preferredName} first (a predictor's "Coarse implant" rather than its
     * low-resolution sibling), else the first suitable one.
     */
    public static Choice require(DataTableSpec spec, SettingsModelString model, Class<? extends DataValue> type,
            String what, String preferredName) throws InvalidSettingsException {
        String name = model.getStringValue();
        int p = spec.findColumnIndex(preferredName);
        if ((name == null || name.isEmpty()) && p >= 0 && spec.getColumnSpec(p).getType().isCompatible(type)) {
            model.setStringValue(preferredName);
            return new Choice(p, "Chose column '" + preferredName + "' as the " + what);
        }
        return require(spec, model, type, what, false);
    }

    /** A column index and, when it was guessed, a message for the node's warning. */
    public record Choice(int index, String guessed) {
    }

    private static String typeName(Class<? extends DataValue> type) {
        return type == VolumeValue.class ? "volume" : type.getSimpleName().replace("Value", "").toLowerCase();
    }
}
