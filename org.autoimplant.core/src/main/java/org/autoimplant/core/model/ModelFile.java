package org.autoimplant.core.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Locale;
import java.util.zip.ZipEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.autoimplant.core.io.AtomicFiles;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.shade.jackson.databind.DeserializationFeature;
import org.nd4j.shade.jackson.databind.ObjectMapper;

/**
 * A model file: the zip DL4J's ModelSerializer writes (configuration, weights, Adam state for
 * resuming) plus a JSON entry with {@link ModelMetadata}. Saved atomically; loading checks the
 * role and reports unreadable files as {@link ModelFileException} naming the file.
 */
public final class ModelFile {
    public static final String METADATA_ENTRY = "autoimplant.json";
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** A network with its metadata. */
    public record Loaded(ComputationGraph network, ModelMetadata metadata) {
        /** A new network for prediction only ({@link InferenceNetwork}), normalising as the metadata says. */
        public InferenceNetwork inferenceNetwork() {
            return InferenceNetwork.of(network, metadata.spec(), metadata.normalisation());
        }
    }

    /** A model file that cannot be used. */
    public static final class ModelFileException extends IOException {
        private static final long serialVersionUID = 1L;

        public ModelFileException(Path file, String problem, Throwable cause) {
            super(file + ": " + problem, cause);
        }
    }

    private ModelFile() {
    }

    public static void save(ComputationGraph g, ModelMetadata meta, Path file) throws IOException {
        save(g, meta, file, true);
    }

    /**
     * Saves with the training state (Adam's moments, twice the weights' size) so training can
     * resume, or without it: a model for prediction only, a third of the size, same predictions.
     */
    public static void save(ComputationGraph g, ModelMetadata meta, Path file, boolean trainingState)
            throws IOException {
        Path dl4j = Files.createTempFile(file.toAbsolutePath().getParent(), ".dl4j-", ".zip");
        try {
            ModelSerializer.writeModel(g, dl4j.toFile(), trainingState);
            byte[] json = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(meta);
            AtomicFiles.write(file, out -> copyAddingMetadata(dl4j, json, out));
        } finally {
            Files.deleteIfExists(dl4j);
        }
    }

    // The weights are copied as stored (no recompression of hundreds of MB); only the JSON is new.
    private static void copyAddingMetadata(Path dl4j, byte[] json, OutputStream out) throws IOException {
        try (ZipFile in = ZipFile.builder().setPath(dl4j).get();
                ZipArchiveOutputStream zip = new ZipArchiveOutputStream(out)) {
            for (ZipArchiveEntry e : Collections.list(in.getEntries())) {
                try (InputStream raw = in.getRawInputStream(e)) {
                    zip.addRawArchiveEntry(e, raw);
                }
            }
            ZipArchiveEntry m = new ZipArchiveEntry(METADATA_ENTRY);
            m.setMethod(ZipEntry.DEFLATED);
            zip.putArchiveEntry(m);
            zip.write(json);
            zip.closeArchiveEntry();
            zip.finish();
        }
    }

    /** Reads only the metadata. */
    public static ModelMetadata metadata(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new ModelFileException(file, Files.isDirectory(file) ? "is a folder, not a model file (.zip)"
                    : "model file does not exist", null);
        }
        try (ZipFile zip = ZipFile.builder().setPath(file).get()) {
            ZipArchiveEntry e = zip.getEntry(METADATA_ENTRY);
            if (e == null) {
                throw new ModelFileException(file, "not an AutoImplant model (no " + METADATA_ENTRY + " inside)", null);
            }
            try (InputStream in = zip.getInputStream(e)) {
                return JSON.readValue(new String(in.readAllBytes(), StandardCharsets.UTF_8), ModelMetadata.class);
            }
        } catch (ModelFileException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new ModelFileException(file, "not a readable model file (truncated or corrupt zip: " + e.getMessage()
                    + ")", e);
        }
    }

    /** True when the file carries Adam's state, so training can resume from it. */
    public static boolean hasTrainingState(Path file) throws IOException {
        try (ZipFile zip = ZipFile.builder().setPath(file).get()) {
            return zip.getEntry("updaterState.bin") != null;
        } catch (IOException | RuntimeException e) {
            throw new ModelFileException(file, "not a readable model file (" + e.getMessage() + ")", e);
        }
    }

    /** Entries DL4J's ModelSerializer writes and cannot restore a network without. */
    private static final String[] NETWORK_ENTRIES = {"configuration.json", "coefficients.bin"};

    /**
     * Checks a model file completely without building the network: its metadata, that the network
     * entries are there, and that every entry decompresses with a correct checksum (a truncated or
     * corrupted download fails here, not halfway through a prediction). Returns the metadata.
     */
    public static ModelMetadata verify(Path file) throws IOException {
        ModelMetadata meta = metadata(file);
        try {
            meta.role();
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(file, e.getMessage(), e);
        }
        try (ZipFile zip = ZipFile.builder().setPath(file).get()) {
            for (String name : NETWORK_ENTRIES) {
                if (zip.getEntry(name) == null) {
                    throw new ModelFileException(file, "no network inside (" + name + " is missing)", null);
                }
            }
            byte[] buf = new byte[1 << 16];
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            for (ZipArchiveEntry e : Collections.list(zip.getEntries())) {
                // commons-compress does not check checksums when reading: compare them here.
                crc.reset();
                try (InputStream in = zip.getInputStream(e)) {
                    for (int n; (n = in.read(buf)) >= 0;) {
                        crc.update(buf, 0, n);
                    }
                }
                if (e.getCrc() != -1 && crc.getValue() != e.getCrc()) {
                    throw new ModelFileException(file, "corrupt model file (entry " + e.getName()
                            + " fails its checksum)", null);
                }
            }
        } catch (ModelFileException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new ModelFileException(file, "corrupt model file (" + e.getMessage() + ")", e);
        }
        return meta;
    }

    /** Loads a model that must have role {@code expected}. */
    public static Loaded load(Path file, Role expected) throws IOException {
        // The whole file is checked first: DL4J reports a damaged one as nested RuntimeExceptions.
        ModelMetadata meta = verify(file);
        Role actual;
        try {
            actual = meta.role();
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(file, e.getMessage(), e);
        }
        if (actual != expected) {
            throw new ModelFileException(file, "is " + article(actual) + " model, but " + article(expected)
                    + " model is needed here", null);
        }
        try {
            ComputationGraph g = ModelSerializer.restoreComputationGraph(file.toFile(), true);
            return new Loaded(g, meta);
        } catch (IOException | RuntimeException e) {
            throw new ModelFileException(file, "the network inside cannot be read (" + rootCause(e) + ")", e);
        }
    }

    /** The innermost cause, as "EOFException: message": DL4J wraps it in layers of RuntimeException. */
    static String rootCause(Throwable e) {
        Throwable r = e;
        while (r.getCause() != null && r.getCause() != r) {
            r = r.getCause();
        }
        return r.getClass().getSimpleName() + (r.getMessage() == null ? "" : ": " + r.getMessage());
    }

    private static String article(Role r) {
        String id = r.id().toUpperCase(Locale.ROOT);
        return (r == Role.N1 || r == Role.N2 ? "an " : "a ") + (r == Role.COMPLETION ? "skull-completion" : id);
    }
}
