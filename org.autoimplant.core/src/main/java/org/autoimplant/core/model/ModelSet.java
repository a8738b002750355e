package org.autoimplant.core.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A folder of models for prediction: {@code n1.zip}, {@code n2.zip} and {@code completion.zip}.
 * The bundled set is the installation's {@code models/} folder, which the {@code autoimplant}
 * launcher names in system property {@value #PROPERTY}; {@code --models DIR} picks another.
 */
public final class ModelSet {
    /** System property naming the bundled models' folder. */
    public static final String PROPERTY = "autoimplant.models";

    private final Path dir;
    private final boolean bundled;

    private ModelSet(Path dir, boolean bundled) {
        this.dir = dir;
        this.bundled = bundled;
    }

    /** The models that ship with this installation. */
    public static ModelSet bundled() throws IOException {
        String p = System.getProperty(PROPERTY);
        if (p == null || p.isBlank()) {
            throw new IOException("no bundled models here (system property " + PROPERTY + " is not set; the autoimplant"
                    + " launcher sets it): pass --models DIR, or the model files themselves");
        }
        Path d = Path.of(p);
        if (!Files.isDirectory(d)) {
            throw new IOException("the bundled models' folder " + d + " does not exist: pass --models DIR, or the model"
                    + " files themselves");
        }
        return new ModelSet(d, true);
    }

    /** The models in {@code dir}. */
    public static ModelSet in(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException(dir + ": no such folder of models (it should hold n1.zip, n2.zip, completion.zip)");
        }
        return new ModelSet(dir, false);
    }

    public Path folder() {
        return dir;
    }

    /** The file of {@code role}'s model; an IOException naming the folder when it has none. */
    public Path file(Role role) throws IOException {
        Path f = dir.resolve(fileName(role));
        if (!Files.isRegularFile(f)) {
            throw new IOException((bundled ? "the bundled models (" + dir + ")" : dir.toString()) + " hold no "
                    + fileName(role) + " (the " + role.id() + " model)");
        }
        return f;
    }

    /** Loads {@code role}'s model, checked entry by entry; errors name the file. */
    public ModelFile.Loaded load(Role role) throws IOException {
        Path f = file(role);
        ModelFile.verify(f);
        return ModelFile.load(f, role);
    }

    public static String fileName(Role role) {
        return role.id() + ".zip";
    }

    @Override
    public String toString() {
        return (bundled ? "bundled models " : "models ") + dir;
    }
}
