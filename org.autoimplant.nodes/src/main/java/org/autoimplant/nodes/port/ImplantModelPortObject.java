package org.autoimplant.nodes.port;

import java.io.IOException;
import java.lang.ref.SoftReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import javax.swing.JComponent;
import org.autoimplant.core.model.ModelFile;
import org.autoimplant.core.model.ModelMetadata;
import org.autoimplant.nodes.Nd4jSetup;
import org.knime.core.data.filestore.FileStore;
import org.knime.core.data.filestore.FileStorePortObject;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortObjectZipInputStream;
import org.knime.core.node.port.PortObjectZipOutputStream;
import org.knime.core.node.port.PortType;
import org.knime.core.node.port.PortTypeRegistry;

/**
 * "AutoImplant Model": a trained N1, N2 or completion network travelling between nodes as its
 * model zip in a KNIME file store, saved with the workflow's data like any table. The network is
 * built from the file only when a node predicts with it, and kept behind a soft reference.
 */
public final class ImplantModelPortObject extends FileStorePortObject {
    public static final PortType TYPE = PortTypeRegistry.getInstance().getPortType(ImplantModelPortObject.class);
    public static final PortType TYPE_OPTIONAL =
            PortTypeRegistry.getInstance().getPortType(ImplantModelPortObject.class, true);

    private ImplantModelPortObjectSpec spec;
    private transient SoftReference<ModelFile.Loaded> network;

    /** For KNIME's deserialization. */
    public ImplantModelPortObject() {
        super();
    }

    private ImplantModelPortObject(FileStore store, ImplantModelPortObjectSpec spec) {
        super(java.util.List.of(store));
        this.spec = spec;
    }

    /** A port object holding a copy of the checked model file {@code modelZip}. */
    public static ImplantModelPortObject copyOf(Path modelZip, ModelMetadata metadata, FileStore store)
            throws IOException {
        Files.copy(modelZip, store.getFile().toPath(), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return new ImplantModelPortObject(store, ImplantModelPortObjectSpec.of(metadata));
    }

    /** The model zip in the workflow's data area (read-only for nodes). */
    public Path modelFile() {
        return getFileStore(0).getFile().toPath();
    }

    /** The full metadata, losses included, read from the file. */
    public ModelMetadata metadata() throws IOException {
        return ModelFile.metadata(modelFile());
    }

    /** The network, built on first use (ND4J started for this plugin first). */
    public synchronized ModelFile.Loaded network() throws IOException {
        ModelFile.Loaded n = network == null ? null : network.get();
        if (n == null) {
            Nd4jSetup.ensure();
            n = ModelFile.load(modelFile(), spec.role());
            network = new SoftReference<>(n);
        }
        return n;
    }

    @Override
    public String getSummary() {
        return spec.summary();
    }

    @Override
    public ImplantModelPortObjectSpec getSpec() {
        return spec;
    }

    @Override
    public JComponent[] getViews() {
        return new JComponent[] {ModelViews.properties(spec), ModelViews.lossCurve(this)};
    }

    /** The model zip lives in the file store; the stream holds only a format marker. */
    public static final class Serializer extends PortObjectSerializer<ImplantModelPortObject> {
        private static final String ENTRY = "autoimplant-model-port.txt";

        @Override
        public void savePortObject(ImplantModelPortObject po, PortObjectZipOutputStream out, ExecutionMonitor exec)
                throws IOException {
            out.putNextEntry(new ZipEntry(ENTRY));
            out.write("format 1\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.closeEntry();
        }

        @Override
        public ImplantModelPortObject loadPortObject(PortObjectZipInputStream in, PortObjectSpec spec,
                ExecutionMonitor exec) throws IOException {
            ZipEntry e = in.getNextEntry();
            if (e == null || !ENTRY.equals(e.getName())) {
                throw new IOException("not an AutoImplant model port (expected " + ENTRY + ")");
            }
            ImplantModelPortObject po = new ImplantModelPortObject();
            po.spec = (ImplantModelPortObjectSpec) spec;
            return po;
        }
    }

}
