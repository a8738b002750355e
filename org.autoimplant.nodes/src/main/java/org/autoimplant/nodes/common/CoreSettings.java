package org.autoimplant.nodes.common;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.swing.JFileChooser;
import org.autoimplant.core.nodecore.Choices;
import org.autoimplant.core.nodecore.NodeSettingsException;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.data.DataValue;
import org.knime.core.node.defaultnodesettings.DialogComponent;
import org.knime.core.node.defaultnodesettings.DialogComponentBoolean;
import org.knime.core.node.defaultnodesettings.DialogComponentButtonGroup;
import org.knime.core.node.defaultnodesettings.DialogComponentColumnNameSelection;
import org.knime.core.node.defaultnodesettings.DialogComponentFileChooser;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentString;
import org.knime.core.node.defaultnodesettings.SettingsModel;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelDoubleBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelLongBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/**
 * A node's settings as KNIME stores them: one SettingsModel per option, translated to the node
 * core's settings record by {@link #toCore()}. The model and the dialog use the same instance's
 * models, so keys and defaults exist in one place. Settings saved by an older version, which lack
 * an option added since, load with that option's default.
 *
 * @param <S> the core settings record
 */
public abstract class CoreSettings<S> {
    private final Map<String, SettingsModel> models = new LinkedHashMap<>();
    private final List<Supplier<DialogComponent>> dialog = new ArrayList<>();
    private final List<String> groups = new ArrayList<>();
    private SettingsModelString failures;

    /** Registers an option under {@code key}, which must be the model's own config name. */
    protected final <M extends SettingsModel> M add(String key, M model) {
        if (models.putIfAbsent(key, model) != null) {
            throw new IllegalStateException("two options with key " + key);
        }
        return model;
    }

    /**
     * Registers an option and the dialog component that edits it (made only when a dialog is
     * opened: a server executor never creates Swing components). Dialog labels are the option
     * names of the node description.
     */
    protected final <M extends SettingsModel> M add(String key, M model, Function<M, DialogComponent> component) {
        add(key, model);
        dialog.add(() -> component.apply(model));
        groups.add(null);
        return model;
    }

    /** Starts a titled group of dialog components (until the next group). */
    protected final void group(String title) {
        dialog.add(null);
        groups.add(title);
    }

    protected final SettingsModelString column(String key, String label, int port, boolean optional,
            Class<? extends DataValue> type) {
        return add(key, new SettingsModelString(key, ""),
                m -> new DialogComponentColumnNameSelection(m, label, port, !optional, optional, type));
    }

    protected final SettingsModelString text(String key, String value, String label) {
        return add(key, new SettingsModelString(key, value), m -> new DialogComponentString(m, label, false, 24));
    }

    protected final SettingsModelIntegerBounded integer(String key, int value, int min, int max, String label) {
        return add(key, new SettingsModelIntegerBounded(key, value, min, max), m -> new DialogComponentNumber(m, label,
                1));
    }

    protected final SettingsModelLongBounded longInteger(String key, long value, long min, long max, String label) {
        return add(key, new SettingsModelLongBounded(key, value, min, max), m -> new DialogComponentNumber(m, label,
                100));
    }

    protected final SettingsModelDoubleBounded number(String key, double value, double min, double max, String label) {
        return add(key, new SettingsModelDoubleBounded(key, value, min, max), m -> new DialogComponentNumber(m, label,
                value == 0 ? 0.1 : Math.abs(value) / 10));
    }

    protected final SettingsModelBoolean check(String key, boolean value, String label) {
        return add(key, new SettingsModelBoolean(key, value), m -> new DialogComponentBoolean(m, label));
    }

    /** A choice among enum constants, stored as their lower-case names, shown with {@code labels}. */
    protected final <E extends Enum<E>> SettingsModelString choice(String key, E value, String label, E[] values,
            String... labels) {
        String[] ids = java.util.Arrays.stream(values).map(Choices::id).toArray(String[]::new);
        return add(key, new SettingsModelString(key, Choices.id(value)),
                m -> new DialogComponentButtonGroup(m, label, false, labels, ids));
    }

    /** A file or folder location (path or KNIME URL). */
    protected final SettingsModelString location(String key, String label, boolean folder, boolean save,
            String... extensions) {
        return add(key, new SettingsModelString(key, ""), m -> {
            DialogComponentFileChooser c = new DialogComponentFileChooser(m, "autoimplant-" + key,
                    save ? JFileChooser.SAVE_DIALOG : JFileChooser.OPEN_DIALOG, folder, extensions);
            c.setBorderTitle(label);
            return c;
        });
    }

    /** The row-failure policy option ({@link RowFailures}); a node that offers it calls this once. */
    protected final SettingsModelString onFailure() {
        failures = choice("on_failure", RowFailures.FAIL, "If a row fails", RowFailures.values(),
                "Stop the node", "Skip the row (Status column)");
        return failures;
    }

    /** The row-failure policy, FAIL when the node offers none. */
    public final RowFailures rowFailures() {
        if (failures == null) {
            return RowFailures.FAIL;
        }
        return RowFailures.SKIP.name().equalsIgnoreCase(failures.getStringValue()) ? RowFailures.SKIP : RowFailures.FAIL;
    }

    /** The dialog components in order, null entries opening the groups of {@link #groupTitles()}. */
    final List<Supplier<DialogComponent>> dialogComponents() {
        return java.util.Collections.unmodifiableList(dialog);
    }

    final List<String> groupTitles() {
        return java.util.Collections.unmodifiableList(groups);
    }

    /** The options, by key, in the order they were added. */
    public final Map<String, SettingsModel> models() {
        return java.util.Collections.unmodifiableMap(models);
    }

    /** The core settings the current values describe; throws when they cannot be used. */
    public abstract S toCore() throws NodeSettingsException;

    public final void save(NodeSettingsWO settings) {
        for (SettingsModel m : models.values()) {
            m.saveSettingsTo(settings);
        }
    }

    /** Loads what {@code settings} holds; options it lacks keep their defaults. */
    public final void load(NodeSettingsRO settings) throws InvalidSettingsException {
        for (Map.Entry<String, SettingsModel> e : models.entrySet()) {
            if (settings.containsKey(e.getKey())) {
                e.getValue().loadSettingsFrom(settings);
            }
        }
    }

    /**
     * Checks {@code settings} without changing these: loads them into {@code fresh} (a new instance
     * of the same class, with defaults) and asks the core whether the result can be used.
     */
    public final void validate(NodeSettingsRO settings, CoreSettings<?> fresh) throws InvalidSettingsException {
        if (fresh.getClass() != getClass()) {
            throw new IllegalArgumentException(fresh.getClass() + " is not a " + getClass());
        }
        fresh.load(settings);
        try {
            fresh.toCore();
        } catch (NodeSettingsException e) {
            throw new InvalidSettingsException(e.getMessage(), e);
        }
    }
}
