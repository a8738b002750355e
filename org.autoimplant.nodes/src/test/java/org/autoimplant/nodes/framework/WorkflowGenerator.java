package org.autoimplant.nodes.framework;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.autoimplant.core.data.DefectShape;
import org.autoimplant.core.data.PhantomDataset;
import org.autoimplant.core.model.ImplantNetworks;
import org.autoimplant.core.model.ModelFile;
import org.autoimplant.core.model.ModelMetadata;
import org.autoimplant.core.model.NetworkSpec;
import org.autoimplant.core.model.Role;
import org.autoimplant.core.model.Trainer;
import org.autoimplant.core.nodecore.Choices;
import org.autoimplant.core.nodecore.IfExists;
import org.autoimplant.core.nodecore.nrrdreader.NrrdReaderSettings.Source;
import org.autoimplant.core.pipeline.TrainingPairs;
import org.autoimplant.core.util.Progress;
import org.autoimplant.core.volume.Shape;
import org.autoimplant.nodes.Nd4jSetup;
import org.autoimplant.nodes.dicomreader.DicomReaderNodeFactory;
import org.autoimplant.nodes.dicomreader.DicomReaderNodeSettings;
import org.autoimplant.nodes.modelreader.ModelReaderNodeFactory;
import org.autoimplant.nodes.modelreader.ModelReaderNodeSettings;
import org.autoimplant.nodes.modelwriter.ModelWriterNodeFactory;
import org.autoimplant.nodes.modelwriter.ModelWriterNodeSettings;
import org.autoimplant.nodes.nrrdreader.NrrdReaderNodeFactory;
import org.autoimplant.nodes.nrrdreader.NrrdReaderNodeSettings;
import org.autoimplant.nodes.nrrdwriter.NrrdWriterNodeFactory;
import org.autoimplant.nodes.nrrdwriter.NrrdWriterNodeSettings;
import org.knime.core.node.workflow.NodeID;

/**
 * Writes the example workflows ({@code workflows/}, also as .knwf archives) and the test workflows
 * ({@code test-workflows/}) with KNIME's own WorkflowManager, so the files are exactly what KNIME
 * 5.5 saves and stay in step with the nodes' settings. Run inside the headless framework by
 * {@code workflows/generate.sh ROOT}; {@code --data} also remakes the tiny phantoms and model stored
 * with them (otherwise they are kept).
 */
public final class WorkflowGenerator {
    static final String IO = "AutoImplant-testflow-io";
    static final String BROKEN = "AutoImplant-testflow-broken-input";
    /** Phantom cases in the I/O testflow's data folder. */
    static final int CASES = 2;
    /** The message the broken-input testflow must fail with: the file and the problem. */
    static final String EXPECTED_FAILURE = "data/broken/defective_skull/000.nrrd: truncated data";

    private WorkflowGenerator() {
    }

    /** Entry point for knime.headless.Launcher --main: REPOSITORY_ROOT [--data]. */
    public static int run(String[] args) throws Exception {
        Path repo = Path.of(args[0]).toAbsolutePath();
        boolean data = List.of(args).contains("--data");
        Path tests = repo.resolve("test-workflows");
        Path examples = repo.resolve("workflows");
        if (data) {
            writeData(tests);
            Examples.writeData(examples, tests);
        }
        generate(tests, examples);
        System.out.println("[generator] wrote the test workflows under " + tests + " and the examples under "
                + examples);
        return 0;
    }

    /** Writes the workflows (not their data) into {@code tests} and {@code examples}. */
    static void generate(Path tests, Path examples) throws Exception {
        ioWorkflow(tests.resolve(IO));
        brokenWorkflow(tests.resolve(BROKEN));
        Testflows.pipeline(tests.resolve(Testflows.PIPELINE));
        Testflows.brokenColumn(tests.resolve(Testflows.BROKEN_COLUMN));
        Examples.write(examples);
    }

    static void ioWorkflow(Path dir) throws Exception {
        Workflows w = Workflows.create(IO, dir);
        NrrdReaderNodeSettings reader = new NrrdReaderNodeSettings();
        reader.source.setStringValue(Choices.id(Source.PAIRED));
        reader.folder.setStringValue("knime://knime.workflow/data/phantoms");
        NodeID read = w.add(NrrdReaderNodeFactory.class, 80, 80, reader);
        NrrdWriterNodeSettings writer = new NrrdWriterNodeSettings();
        writer.volumeColumn.setStringValue("Implant");
        writer.folder.setStringValue("knime://knime.workflow/output/implants");
        writer.ifExists.setStringValue(Choices.id(IfExists.OVERWRITE));
        NodeID write = w.add(NrrdWriterNodeFactory.class, 280, 80, writer);
        w.connect(read, 1, write, 1);
        ModelReaderNodeSettings modelIn = new ModelReaderNodeSettings();
        modelIn.file.setStringValue("knime://knime.workflow/data/model/n1-tiny.zip");
        NodeID readModel = w.add(ModelReaderNodeFactory.class, 80, 240, modelIn);
        ModelWriterNodeSettings modelOut = new ModelWriterNodeSettings();
        modelOut.file.setStringValue("knime://knime.workflow/n1-copy.zip");
        modelOut.ifExists.setStringValue(Choices.id(IfExists.OVERWRITE));
        NodeID writeModel = w.add(ModelWriterNodeFactory.class, 280, 240, modelOut);
        w.connect(readModel, 1, writeModel, 1);
        w.annotate("Reads two tiny phantom cases (data/phantoms, the AutoImplant layout) and writes their implants"
                + " to output/implants.", 40, 20, 400, 40);
        w.annotate("Reads a tiny N1 model (data/model) and saves a copy as n1-copy.zip.", 40, 190, 400, 30);
        DicomReaderNodeSettings dicom = new DicomReaderNodeSettings();
        dicom.folder.setStringValue("knime://knime.workflow/data/dicom");
        w.add(DicomReaderNodeFactory.class, 80, 400, dicom);
        w.annotate("Reads a small oblique CT series written by pydicom (data/dicom, shuffled file names; its geometry"
                + " in data/dicom.json).", 40, 340, 420, 40);
        w.saveAndClose(dir);
    }

    static void brokenWorkflow(Path dir) throws Exception {
        Workflows w = Workflows.create(BROKEN, dir);
        NrrdReaderNodeSettings reader = new NrrdReaderNodeSettings();
        reader.source.setStringValue(Choices.id(Source.PAIRED));
        reader.folder.setStringValue("knime://knime.workflow/data/broken");
        NodeID read = w.add(NrrdReaderNodeFactory.class, 80, 80, reader);
        NrrdWriterNodeSettings writer = new NrrdWriterNodeSettings();
        writer.volumeColumn.setStringValue("Implant");
        writer.folder.setStringValue("knime://knime.workflow/output");
        NodeID write = w.add(NrrdWriterNodeFactory.class, 280, 80, writer);
        w.connect(read, 1, write, 1);
        w.annotate("Must fail: data/broken/defective_skull/000.nrrd is truncated. The reader's error names the file.",
                40, 20, 420, 40);
        w.saveAndClose(dir);
        // What the failure must say (checked by src/test/headless/run.sh against run-workflow.sh's output).
        Files.writeString(dir.resolve("expected-failure.txt"), EXPECTED_FAILURE);
    }

    /** The tiny phantoms, a truncated copy of one, a CT phantom, and a tiny N1 trained for a few steps. */
    static void writeData(Path root) throws IOException {
        for (String flow : new String[] {Testflows.PIPELINE, Testflows.BROKEN_COLUMN}) {
            Path data = root.resolve(flow).resolve("data/phantoms");
            Workflows.delete(data);
            PhantomDataset.write(data, PhantomDataset.Spec.of(flow.equals(Testflows.PIPELINE) ? Testflows.CASES : 1, 11,
                    DefectShape.FIXED, 64), Progress.NONE);
        }
        Path ct = root.resolve(Testflows.PIPELINE).resolve("data/ct/000.nrrd");
        Files.createDirectories(ct.getParent());
        org.autoimplant.core.io.NrrdWriter.write(org.autoimplant.core.data.SyntheticCt.around(
                org.autoimplant.core.data.SkullPhantom.generate(5, new org.autoimplant.core.data.SkullPhantom.Options(64)),
                5), ct);
        Path phantoms = root.resolve(IO).resolve("data/phantoms");
        Workflows.delete(phantoms);
        PhantomDataset.write(phantoms, PhantomDataset.Spec.of(CASES, 7, DefectShape.CUBE, 64), Progress.NONE);
        Path broken = root.resolve(BROKEN).resolve("data/broken");
        Workflows.delete(broken);
        for (String folder : new String[] {"defective_skull", "implant"}) {
            Files.createDirectories(broken.resolve(folder));
            Files.copy(phantoms.resolve(folder).resolve("000.nrrd"), broken.resolve(folder).resolve("000.nrrd"));
        }
        Path cut = broken.resolve("defective_skull/000.nrrd");
        byte[] whole = Files.readAllBytes(cut);
        Files.write(cut, java.util.Arrays.copyOf(whole, whole.length - whole.length / 3));

        Nd4jSetup.ensure();
        NetworkSpec spec = new NetworkSpec(Role.N1, new Shape(32, 32, 16), 1.0 / 32, 7, 1e-3, 0.3, 0);
        TrainingPairs pairs = TrainingPairs.downsampled(org.autoimplant.core.data.Dataset.open(phantoms), spec.input(),
                false, Progress.NONE);
        Path model = root.resolve(IO).resolve("data/model/n1-tiny.zip");
        Files.createDirectories(model.getParent());
        Files.deleteIfExists(model);
        ModelMetadata meta = ModelMetadata.of(spec, 0, "testflow-phantoms", "test");
        Trainer.train(ImplantNetworks.build(spec), meta, pairs, null, new Trainer.Options(3, 100, 100, model),
                Progress.NONE, System.out::println);
        ModelFile.verify(model);
    }
}
