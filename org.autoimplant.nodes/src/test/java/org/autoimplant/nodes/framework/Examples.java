package org.autoimplant.nodes.framework;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.autoimplant.core.data.DefectShape;
import org.autoimplant.core.data.PhantomDataset;
import org.autoimplant.core.model.Role;
import org.autoimplant.core.nodecore.Choices;
import org.autoimplant.core.nodecore.IfExists;
import org.autoimplant.core.nodecore.design.ImplantDesign;
import org.autoimplant.core.util.Progress;
import org.autoimplant.nodes.bboxcropper.BBoxCropperNodeFactory;
import org.autoimplant.nodes.bboxcropper.BBoxCropperNodeSettings;
import org.autoimplant.nodes.bboxrestorer.BBoxRestorerNodeFactory;
import org.autoimplant.nodes.bboxrestorer.BBoxRestorerNodeSettings;
import org.autoimplant.nodes.coarsepredictor.CompletionPredictorNodeFactory;
import org.autoimplant.nodes.coarsepredictor.N1PredictorNodeFactory;
import org.autoimplant.nodes.defectinjector.DefectInjectorNodeFactory;
import org.autoimplant.nodes.defectinjector.DefectInjectorNodeSettings;
import org.autoimplant.nodes.designer.ImplantDesignerNodeFactory;
import org.autoimplant.nodes.learner.CompletionLearnerNodeFactory;
import org.autoimplant.nodes.learner.LearnerNodeSettings;
import org.autoimplant.nodes.learner.N1LearnerNodeFactory;
import org.autoimplant.nodes.learner.N2LearnerNodeFactory;
import org.autoimplant.nodes.metrics.ImplantMetricsNodeFactory;
import org.autoimplant.nodes.modelwriter.ModelWriterNodeFactory;
import org.autoimplant.nodes.modelwriter.ModelWriterNodeSettings;
import org.autoimplant.nodes.n2predictor.N2PredictorNodeFactory;
import org.autoimplant.nodes.n2predictor.N2PredictorNodeSettings;
import org.autoimplant.nodes.nrrdreader.NrrdReaderNodeFactory;
import org.autoimplant.nodes.nrrdwriter.NrrdWriterNodeFactory;
import org.autoimplant.nodes.nrrdwriter.NrrdWriterNodeSettings;
import org.autoimplant.nodes.report.ImplantReportNodeFactory;
import org.autoimplant.nodes.report.ImplantReportNodeSettings;
import org.autoimplant.nodes.resampler.DownsamplerNodeFactory;
import org.autoimplant.nodes.resampler.ResamplerNodeSettings;
import org.autoimplant.nodes.stlwriter.StlWriterNodeFactory;
import org.autoimplant.nodes.stlwriter.StlWriterNodeSettings;
import org.knime.core.node.workflow.FlowVariable;
import org.knime.core.node.workflow.NodeID;

/**
 * The three example workflows a no-code user opens first, each configured through workflow
 * variables (for batch runs and Hub/Server jobs) and explained by annotations. Their defaults run
 * in minutes on the tiny phantoms stored inside them; for real skulls set {@code data_dir} and the
 * sizes (see the annotations).
 */
final class Examples {
    static final String TWO_STEP = "AutoImplant - train and predict (two-step)";
    static final String DESIGN = "AutoImplant - design implants with saved or bundled models";
    static final String COMPLETION = "AutoImplant - skull shape completion";

    static final String TRAIN = "knime://knime.workflow/data/train";
    static final String TEST = "knime://knime.workflow/data/test";
    static final String CASES = "knime://knime.workflow/data/cases";
    static final String OUT = "knime://knime.workflow/output";
    /** Crop margin at 128-voxel phantoms (the paper's 20 at 512 voxels, doubled for a rough N1). */
    static final int MARGIN = 10;

    private Examples() {
    }

    /** Writes the workflows and their .knwf archives; returns their names. */
    static List<String> write(Path dir) throws Exception {
        twoStep(dir.resolve(TWO_STEP));
        design(dir.resolve(DESIGN));
        completion(dir.resolve(COMPLETION));
        List<String> names = List.of(TWO_STEP, DESIGN, COMPLETION);
        for (String n : names) {
            knwf(dir.resolve(n), dir.resolve(n + ".knwf"));
        }
        return names;
    }

    static void twoStep(Path dir) throws Exception {
        Workflows w = Workflows.create(TWO_STEP, dir);
        w.variables(new FlowVariable("data_dir", TRAIN),
                new FlowVariable("test_dir", TEST),
                new FlowVariable("out_dir", OUT),
                new FlowVariable("n1_steps", 300), new FlowVariable("n2_steps", 300),
                new FlowVariable("n1_input", "32,32,16"), new FlowVariable("n2_input", "64,64,32"),
                new FlowVariable("n1_width", 0.125));
        NodeID train = w.add(NrrdReaderNodeFactory.class, 60, 100, Testflows.reader(TRAIN));
        w.control(train, "folder", "data_dir");
        NodeID downDefective = w.add(DownsamplerNodeFactory.class, 200, 100, downsampler("Defective skull"));
        w.control(downDefective, "size", "n1_input");
        w.connect(train, 1, downDefective, 1);
        NodeID downImplant = w.add(DownsamplerNodeFactory.class, 340, 100, downsampler("Implant"));
        w.control(downImplant, "size", "n1_input");
        w.connect(downDefective, 1, downImplant, 1);
        NodeID n1 = w.add(N1LearnerNodeFactory.class, 480, 100, Testflows.learner(Role.N1,
                "Defective skull (downsampled)", "Implant (downsampled)", "", 0.25, 2000));
        w.control(n1, "steps", "n1_steps");
        w.control(n1, "input_size", "n1_input");
        w.control(n1, "width", "n1_width");
        w.connect(downImplant, 1, n1, 1);
        NodeID n1Train = w.add(N1PredictorNodeFactory.class, 620, 220, Testflows.coarse(false));
        w.connect(n1, 1, n1Train, 1);
        w.connect(train, 1, n1Train, 2);
        NodeID cropTrain = w.add(BBoxCropperNodeFactory.class, 760, 220, cropper(true));
        w.control(cropTrain, "input_size", "n2_input");
        w.connect(n1Train, 1, cropTrain, 1);
        LearnerNodeSettings n2s = Testflows.learner(Role.N2, "Defective skull crop", "Implant crop", "", 0.5, 2000);
        n2s.learningRate.setDoubleValue(1e-3); // the demo's measured choice for small data (see Demo)
        n2s.margin.setIntValue(MARGIN);
        NodeID n2 = w.add(N2LearnerNodeFactory.class, 900, 220, n2s);
        w.control(n2, "steps", "n2_steps");
        w.control(n2, "input_size", "n2_input");
        w.connect(cropTrain, 1, n2, 1);

        NodeID test = w.add(NrrdReaderNodeFactory.class, 60, 360, Testflows.reader(TEST));
        w.control(test, "folder", "test_dir");
        NodeID n1Test = w.add(N1PredictorNodeFactory.class, 620, 360, Testflows.coarse(false));
        w.connect(n1, 1, n1Test, 1);
        w.connect(test, 1, n1Test, 2);
        NodeID cropTest = w.add(BBoxCropperNodeFactory.class, 760, 360, cropper(false));
        w.control(cropTest, "input_size", "n2_input");
        w.connect(n1Test, 1, cropTest, 1);
        N2PredictorNodeSettings n2ps = new N2PredictorNodeSettings();
        n2ps.crop.setStringValue("Defective skull crop");
        NodeID n2Test = w.add(N2PredictorNodeFactory.class, 900, 360, n2ps);
        w.connect(n2, 1, n2Test, 1);
        w.connect(cropTest, 1, n2Test, 2);
        BBoxRestorerNodeSettings rest = new BBoxRestorerNodeSettings();
        rest.defective.setStringValue("Defective skull");
        NodeID restorer = w.add(BBoxRestorerNodeFactory.class, 1040, 360, rest);
        w.connect(n2Test, 1, restorer, 1);
        NodeID metrics = w.add(ImplantMetricsNodeFactory.class, 1180, 260, Testflows.metrics("Implant (restored)"));
        w.connect(restorer, 1, metrics, 1);
        NodeID stl = w.add(StlWriterNodeFactory.class, 1180, 360, stl("Implant (restored)", OUT));
        w.control(stl, "folder", "out_dir");
        w.connect(restorer, 1, stl, 1);
        NodeID nrrd = w.add(NrrdWriterNodeFactory.class, 1180, 460, nrrdWriter("Implant (restored)"));
        w.control(nrrd, "folder", "out_dir");
        w.connect(restorer, 1, nrrd, 1);
        NodeID saveN1 = w.add(ModelWriterNodeFactory.class, 620, 100, modelWriter("knime://knime.workflow/output/n1.zip"));
        w.connect(n1, 1, saveN1, 1);
        NodeID saveN2 = w.add(ModelWriterNodeFactory.class, 1040, 220, modelWriter("knime://knime.workflow/output/n2.zip"));
        w.connect(n2, 1, saveN2, 1);
        w.annotate("1. Training cases (data_dir: defective_skull/, implant/, complete_skull/). The Downsamplers bring"
                + " skull and implant to N1's grid (n1_input); N1 learns the coarse implant there; its predictions"
                + " place the crops N2 learns from (the paper's method).",
                40, 20, 700, 50);
        w.annotate("2. Test cases (test_dir): N1 predicts, the BBox Cropper cuts the skull around it, N2 predicts the"
                + " fine implant, the BBox Restorer puts it back in each skull's grid.", 40, 450, 700, 40);
        w.annotate("3. Metrics against the true implants; STL and NRRD files into out_dir, the models into this"
                + " workflow's output/ folder. Defaults run"
                + " in minutes on the tiny phantoms inside this workflow; for real skulls set data_dir and test_dir,"
                + " set n1_input 128,128,64 and n2_input 256,256,128 (the paper's), n1_width 0.25 and 2000 steps each"
                + " (hours on a CPU).", 1000, 540, 420, 80);
        w.saveAndClose(dir);
    }

    static void design(Path dir) throws Exception {
        Workflows w = Workflows.create(DESIGN, dir);
        w.variables(new FlowVariable("data_dir", CASES),
                new FlowVariable("out_dir", OUT), new FlowVariable("method", "direct"));
        NodeID read = w.add(NrrdReaderNodeFactory.class, 60, 220, Testflows.reader(CASES));
        w.control(read, "folder", "data_dir");
        NodeID design = w.add(ImplantDesignerNodeFactory.class, 260, 220, Testflows.designer(ImplantDesign.Mode.DIRECT));
        w.control(design, "mode", "method");
        w.connect(read, 1, design, 4);
        NodeID stl = w.add(StlWriterNodeFactory.class, 460, 120, stl("Implant (#1)", OUT));
        w.control(stl, "folder", "out_dir");
        w.connect(design, 1, stl, 1);
        NodeID nrrd = w.add(NrrdWriterNodeFactory.class, 460, 240, nrrdWriter("Implant (#1)"));
        w.control(nrrd, "folder", "out_dir");
        w.connect(design, 1, nrrd, 1);
        ImplantReportNodeSettings rep = new ImplantReportNodeSettings();
        rep.prediction.setStringValue("Implant (#1)");
        rep.truth.setStringValue("Implant");
        rep.defective.setStringValue("Defective skull");
        rep.folder.setStringValue(OUT);
        NodeID report = w.add(ImplantReportNodeFactory.class, 460, 360, rep);
        w.control(report, "folder", "out_dir");
        w.connect(design, 1, report, 1);
        w.annotate("The Implant Designer's model ports are empty, so it uses the models bundled with the extension"
                + " (trained on SkullFix). To use your own, connect AutoImplant Model Readers (N1 and N2 for method"
                + " 'direct', a completion model for 'completion'). The cases in data_dir carry true implants, so the"
                + " report can score the designs; for new patients drop the report.", 40, 10, 640, 70);
        w.saveAndClose(dir);
    }

    static void completion(Path dir) throws Exception {
        Workflows w = Workflows.create(COMPLETION, dir);
        w.variables(new FlowVariable("data_dir", TRAIN),
                new FlowVariable("test_dir", TEST),
                new FlowVariable("out_dir", OUT), new FlowVariable("steps", 300),
                new FlowVariable("input", "32,32,16"), new FlowVariable("width", 0.125));
        NodeID train = w.add(NrrdReaderNodeFactory.class, 60, 100, Testflows.reader(TRAIN));
        w.control(train, "folder", "data_dir");
        NodeID defects = w.add(DefectInjectorNodeFactory.class, 220, 100, varied(7));
        w.connect(train, 1, defects, 1);
        NodeID learn = w.add(CompletionLearnerNodeFactory.class, 380, 100, Testflows.learner(Role.COMPLETION,
                "Defective skull (#1)", "Complete skull", "", 0.25, 2000));
        w.control(learn, "steps", "steps");
        w.control(learn, "input_size", "input");
        w.control(learn, "width", "width");
        w.connect(defects, 1, learn, 1);
        NodeID test = w.add(NrrdReaderNodeFactory.class, 60, 260, Testflows.reader(TEST));
        w.control(test, "folder", "test_dir");
        NodeID testDefects = w.add(DefectInjectorNodeFactory.class, 220, 260, varied(8));
        w.connect(test, 1, testDefects, 1);
        org.autoimplant.nodes.coarsepredictor.CoarsePredictorNodeSettings cp = Testflows.coarse(true);
        cp.defective.setStringValue("Defective skull (#1)");
        NodeID predict = w.add(CompletionPredictorNodeFactory.class, 540, 180, cp);
        w.connect(learn, 1, predict, 1);
        w.connect(testDefects, 1, predict, 2);
        org.autoimplant.nodes.metrics.ImplantMetricsNodeSettings m = Testflows.metrics("Implant (#2)");
        m.truth.setStringValue("Implant (#1)");
        m.defective.setStringValue("Defective skull (#1)");
        NodeID metrics = w.add(ImplantMetricsNodeFactory.class, 700, 100, m);
        w.connect(predict, 1, metrics, 1);
        NodeID stl = w.add(StlWriterNodeFactory.class, 700, 260, stl("Implant (#2)", OUT));
        w.control(stl, "folder", "out_dir");
        w.connect(predict, 1, stl, 1);
        w.annotate("Skull shape completion: varied defects (ellipsoids, blobs, ball clusters anywhere on the vault) are"
                + " cut from complete skulls; the network learns to complete the skull; the implant is the completed"
                + " skull minus the defective one. It fills defects the direct method has never seen.", 40, 20, 700,
                50);
        w.saveAndClose(dir);
    }

    private static BBoxCropperNodeSettings cropper(boolean training) {
        BBoxCropperNodeSettings c = new BBoxCropperNodeSettings();
        c.defective.setStringValue("Defective skull");
        c.coarse.setStringValue("Coarse implant");
        c.implant.setStringValue(training ? "Implant" : "");
        c.margin.setIntValue(MARGIN);
        return c;
    }

    private static ResamplerNodeSettings downsampler(String column) {
        ResamplerNodeSettings d = new ResamplerNodeSettings(false);
        d.volume.setStringValue(column);
        return d;
    }

    private static StlWriterNodeSettings stl(String column, String folder) {
        StlWriterNodeSettings s = new StlWriterNodeSettings();
        s.implant.setStringValue(column);
        s.folder.setStringValue(folder);
        s.ifExists.setStringValue(Choices.id(IfExists.OVERWRITE));
        return s;
    }

    private static NrrdWriterNodeSettings nrrdWriter(String column) {
        NrrdWriterNodeSettings s = new NrrdWriterNodeSettings();
        s.volumeColumn.setStringValue(column);
        s.folder.setStringValue(OUT);
        s.ifExists.setStringValue(Choices.id(IfExists.OVERWRITE));
        return s;
    }

    private static ModelWriterNodeSettings modelWriter(String file) {
        ModelWriterNodeSettings s = new ModelWriterNodeSettings();
        s.file.setStringValue(file);
        s.ifExists.setStringValue(Choices.id(IfExists.OVERWRITE));
        return s;
    }

    private static DefectInjectorNodeSettings varied(long seed) {
        DefectInjectorNodeSettings d = new DefectInjectorNodeSettings();
        d.skull.setStringValue("Complete skull");
        d.shape.setStringValue(Choices.id(DefectShape.VARIED));
        d.size.setIntValue(32);
        d.seed.setLongValue(seed);
        return d;
    }

    /** The sample case the design example carries (see samples/README.md). */
    static final String SAMPLE = "samples/skullfix-024";

    /**
     * The data inside the workflows: phantoms to train on (4 cases) and test on (2) for the
     * learning examples; the real sample case for the designer, whose bundled models know real skulls.
     */
    static void writeData(Path dir, Path tests) throws IOException {
        Path cases = dir.resolve(DESIGN).resolve("data/cases");
        Workflows.delete(cases);
        Path sample = dir.resolveSibling(SAMPLE);
        for (String sub : new String[] {"defective_skull", "implant"}) {
            Files.createDirectories(cases.resolve(sub));
            try (Stream<Path> files = Files.list(sample.resolve(sub))) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    Files.copy(f, cases.resolve(sub).resolve(f.getFileName()));
                }
            }
        }
        Files.copy(sample.resolveSibling("README.md"), cases.resolve("README.md")); // source and licence
        for (String wf : new String[] {TWO_STEP, COMPLETION}) {
            Path data = dir.resolve(wf).resolve("data");
            Workflows.delete(data);
            PhantomDataset.write(data.resolve("train"), phantoms(4, 21), Progress.NONE);
            PhantomDataset.write(data.resolve("test"), phantoms(2, 22), Progress.NONE);
        }
    }

    /**
     * The demo's phantoms (see DemoPlan): 128 voxels across, bone 2.5× anatomical so that it stays
     * several voxels thick at the 32×32×16 N1 input; 32-voxel cube defects.
     */
    static PhantomDataset.Spec phantoms(int count, long seed) {
        return new PhantomDataset.Spec(count, seed, DefectShape.FIXED, 32,
                new org.autoimplant.core.data.SkullPhantom.Options(128).withBoneScale(2.5));
    }

    /** The workflow folder zipped as KNIME exports it: the folder itself at the top, no run-time files. */
    static void knwf(Path workflow, Path archive) throws IOException {
        Path tmp = archive.resolveSibling("." + archive.getFileName() + ".tmp");
        try (OutputStream os = Files.newOutputStream(tmp); ZipOutputStream zip = new ZipOutputStream(os);
                Stream<Path> files = Files.walk(workflow)) {
            for (Path p : (Iterable<Path>) files.sorted()::iterator) {
                String rel = workflow.getParent().relativize(p).toString().replace('\\', '/');
                if (Files.isDirectory(p) || rel.contains("/output/") || p.getFileName().toString().equals(".knimeLock")) {
                    continue;
                }
                ZipEntry e = new ZipEntry(rel);
                e.setTime(0);
                zip.putNextEntry(e);
                Files.copy(p, zip);
                zip.closeEntry();
            }
        }
        Files.move(tmp, archive, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
