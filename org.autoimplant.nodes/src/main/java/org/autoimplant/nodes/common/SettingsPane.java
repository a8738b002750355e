package org.autoimplant.nodes.common;

import java.util.List;
import java.util.function.Supplier;
import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponent;

/**
 * The dialog of a node from its {@link CoreSettings}: one component per option, in the order
 * and groups the settings declare, bound to the same keys the node model saves.
 */
public class SettingsPane extends DefaultNodeSettingsPane {
    public SettingsPane(CoreSettings<?> settings) {
        List<Supplier<DialogComponent>> components = settings.dialogComponents();
        List<String> groups = settings.groupTitles();
        boolean open = false;
        for (int i = 0; i < components.size(); i++) {
            if (components.get(i) == null) {
                if (open) {
                    closeCurrentGroup();
                }
                createNewGroup(groups.get(i));
                open = true;
            } else {
                addDialogComponent(components.get(i).get());
            }
        }
        if (open) {
            closeCurrentGroup();
        }
    }
}
