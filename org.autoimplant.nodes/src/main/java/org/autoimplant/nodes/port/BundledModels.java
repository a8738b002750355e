package org.autoimplant.nodes.port;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.autoimplant.core.model.ModelFile;
import org.autoimplant.core.model.Role;
import org.autoimplant.nodes.AutoImplantPlugin;
import org.autoimplant.nodes.Nd4jSetup;
import org.eclipse.core.runtime.FileLocator;

/**
 * The models trained on SkullFix that ship inside this plugin ({@code models/n1.zip}, {@code n2.zip},
 * {@code completion.zip}), used by the nodes whose model ports are left unconnected. Loaded once
 * per KNIME session.
 */
public final class BundledModels {
    private static final Map<Role, ModelFile.Loaded> LOADED = new ConcurrentHashMap<>();

    private BundledModels() {
    }

    /** The file name of a role's bundled model. */
    public static String fileName(Role r) {
        return r.id() + ".zip";
    }

    /** The bundled model of {@code role}, or an IOException saying that this installation has none. */
    public static ModelFile.Loaded get(Role role) throws IOException {
        ModelFile.Loaded m = LOADED.get(role);
        if (m == null) {
            Nd4jSetup.ensure();
            m = ModelFile.load(file(role), role);
            LOADED.put(role, m);
        }
        return m;
    }

    /** Where the bundled model of {@code role} lies in the installed plugin. */
    public static Path file(Role role) throws IOException {
        if (AutoImplantPlugin.bundle() == null) {
            throw new IOException("bundled models are only available inside KNIME");
        }
        URL entry = AutoImplantPlugin.bundle().getEntry("models/" + fileName(role));
        if (entry == null) {
            throw new IOException("this installation carries no bundled " + role.id() + " model: connect a model to the"
                    + " node (Model Reader or a learner)");
        }
        Path p = Path.of(FileLocator.toFileURL(entry).getPath());
        if (!Files.isRegularFile(p)) {
            throw new IOException("bundled model " + p + " is missing");
        }
        return p;
    }
}
