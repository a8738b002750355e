package org.autoimplant.nodes.port;

import java.util.Locale;
import org.autoimplant.core.model.Role;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.port.PortObjectSpec;

/** Checks that a model port carries the network a node needs, in words a user can act on. */
public final class ModelPorts {
    private ModelPorts() {
    }

    /** The spec at a model port, which must be a model of {@code role}; null when the port is not connected yet. */
    public static ImplantModelPortObjectSpec require(PortObjectSpec spec, Role role, String node)
            throws InvalidSettingsException {
        if (spec == null) {
            return null;
        }
        ImplantModelPortObjectSpec m = (ImplantModelPortObjectSpec) spec;
        if (m.role() != role) {
            throw new InvalidSettingsException("The " + node + " needs " + name(role) + " model, but the connected one"
                    + " is " + name(m.role()) + " model (" + m.summary() + ")");
        }
        return m;
    }

    /** "an N1", "an N2", "a skull-completion". */
    public static String name(Role r) {
        return r == Role.COMPLETION ? "a skull-completion" : "an " + r.id().toUpperCase(Locale.ROOT);
    }
}
