package org.autoimplant.core.nodecore.modelio;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.autoimplant.core.io.AtomicFiles;
import org.autoimplant.core.model.ModelFile;
import org.autoimplant.core.model.ModelMetadata;
import org.autoimplant.core.nodecore.IfExists;
import org.autoimplant.core.nodecore.NodeSettingsException;
import org.autoimplant.core.nodecore.PathResolver;

/**
 * What the Model Reader and Model Writer nodes do, without KNIME. A model travels between nodes
 * as its zip file, unchanged: reading checks it completely (metadata, entries, checksums) without
 * building the network; writing copies it atomically.
 */
public final class ModelFiles {
    private ModelFiles() {
    }

    /** The metadata of the file the settings name, for configure (reads only the small JSON entry). */
    public static ModelMetadata describe(ModelReaderSettings s, PathResolver resolver)
            throws IOException, NodeSettingsException {
        s.validate();
        return ModelFile.metadata(resolver.resolve(s.file()));
    }

    /** A model file that passed {@link ModelFile#verify}, with its metadata. */
    public record Checked(Path file, ModelMetadata metadata) {
    }

    /** The file the settings name, checked completely. */
    public static Checked read(ModelReaderSettings s, PathResolver resolver) throws IOException, NodeSettingsException {
        s.validate();
        Path p = resolver.resolve(s.file());
        return new Checked(p, ModelFile.verify(p));
    }

    /** The target of the writer, refused up front when it exists under "fail" or is a folder. */
    public static Path target(ModelWriterSettings s, PathResolver resolver) throws IOException, NodeSettingsException {
        s.validate();
        Path p = resolver.resolve(s.file());
        if (Files.isDirectory(p)) {
            throw new IOException(p + ": is a folder; name the model file, e.g. " + p.resolve("model.zip"));
        }
        Path dir = p.toAbsolutePath().getParent();
        if (dir != null && !Files.isDirectory(dir) && s.createFolder()) {
            Files.createDirectories(dir);
        }
        if (dir == null || !Files.isDirectory(dir)) {
            throw new IOException(p + ": the folder " + dir + " does not exist (tick \"create folder\" to make it)");
        }
        if (s.ifExists() == IfExists.FAIL && Files.exists(p)) {
            throw new IOException(p + ": already exists; choose \"overwrite\" to replace it");
        }
        return p;
    }

    /** Copies the model file {@code source} to {@code target} atomically; false when skipped. */
    public static boolean write(Path source, Path target, IfExists ifExists) throws IOException {
        if (Files.exists(target)) {
            if (Files.isSameFile(source, target)) {
                throw new IOException(target + ": is the model's own file; choose another file to write");
            }
            if (ifExists == IfExists.SKIP) {
                return false;
            }
            if (ifExists == IfExists.FAIL) {
                throw new IOException(target + ": already exists; choose \"overwrite\" to replace it");
            }
        }
        AtomicFiles.write(target, out -> Files.copy(source, out));
        return true;
    }
}
