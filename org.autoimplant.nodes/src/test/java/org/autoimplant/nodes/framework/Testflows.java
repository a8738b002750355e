package org.autoimplant.nodes.framework;

import java.nio.file.Files;
import java.nio.file.Path;
import org.autoimplant.core.data.DefectShape;
import org.autoimplant.core.model.Role;
import org.autoimplant.core.nodecore.Choices;
import org.autoimplant.core.nodecore.IfExists;
import org.autoimplant.core.nodecore.design.ImplantDesign;
import org.autoimplant.core.nodecore.nrrdreader.NrrdReaderSettings.ReadAs;
import org.autoimplant.core.nodecore.nrrdreader.NrrdReaderSettings.Source;
import org.autoimplant.nodes.bboxcropper.BBoxCropperNodeFactory;
import org.autoimplant.nodes.bboxcropper.BBoxCropperNodeSettings;
import org.autoimplant.nodes.bboxrestorer.BBoxRestorerNodeFactory;
import org.autoimplant.nodes.bboxrestorer.BBoxRestorerNodeSettings;
import org.autoimplant.nodes.coarsepredictor.CoarsePredictorNodeSettings;
import org.autoimplant.nodes.coarsepredictor.CompletionPredictorNodeFactory;
import org.autoimplant.nodes.coarsepredictor.N1PredictorNodeFactory;
import org.autoimplant.nodes.defectinjector.DefectInjectorNodeFactory;
import org.autoimplant.nodes.defectinjector.DefectInjectorNodeSettings;
import org.autoimplant.nodes.designer.ImplantDesignerNodeFactory;
import org.autoimplant.nodes.designer.ImplantDesignerNodeSettings;
import org.autoimplant.nodes.learner.CompletionLearnerNodeFactory;
import org.autoimplant.nodes.learner.LearnerNodeSettings;
import org.autoimplant.nodes.learner.N1LearnerNodeFactory;
import org.autoimplant.nodes.learner.N2LearnerNodeFactory;
import org.autoimplant.nodes.metrics.ImplantMetricsNodeFactory;
import org.autoimplant.nodes.metrics.ImplantMetricsNodeSettings;
import org.autoimplant.nodes.modelwriter.ModelWriterNodeFactory;
import org.autoimplant.nodes.modelwriter.ModelWriterNodeSettings;
import org.autoimplant.nodes.n2predictor.N2PredictorNodeFactory;
import org.autoimplant.nodes.n2predictor.N2PredictorNodeSettings;
import org.autoimplant.nodes.nrrdreader.NrrdReaderNodeFactory;
import org.autoimplant.nodes.nrrdreader.NrrdReaderNodeSettings;
import org.autoimplant.nodes.nrrdwriter.NrrdWriterNodeFactory;
import org.autoimplant.nodes.nrrdwriter.NrrdWriterNodeSettings;
import org.autoimplant.nodes.report.ImplantReportNodeFactory;
import org.autoimplant.nodes.report.ImplantReportNodeSettings;
import org.autoimplant.nodes.resampler.DownsamplerNodeFactory;
import org.autoimplant.nodes.resampler.ResamplerNodeSettings;
import org.autoimplant.nodes.resampler.UpsamplerNodeFactory;
import org.autoimplant.nodes.skullextractor.SkullExtractorNodeFactory;
import org.autoimplant.nodes.skullextractor.SkullExtractorNodeSettings;
import org.autoimplant.nodes.stlwriter.StlWriterNodeFactory;
import org.autoimplant.nodes.stlwriter.StlWriterNodeSettings;
import org.knime.core.node.workflow.NodeID;

/**
 * The test workflows beyond I/O: one that runs every pipeline node on tiny phantoms with tiny
 * networks (a few training steps: it checks the plumbing, not the accuracy), and one that must
 * fail because a node is given a column of the wrong type.
 */
final class Testflows {
    static final String PIPELINE = "AutoImplant-testflow-pipeline";
    static final String BROKEN_COLUMN = "AutoImplant-testflow-broken-column";
    /** The tiny networks: N1-shaped at 16³, N2 at 32³ (crop margin 4). */
    static final String N1_INPUT = "16,16,16";
    static final String N2_INPUT = "32,32,32";
    static final int MARGIN = 4;
    /** Phantom cases in the pipeline testflow's data folder. */
    static final int CASES = 3;

    private Testflows() {
    }

    /** Every pipeline node, wired as the example workflows wire them. */
    static void pipeline(Path dir) throws Exception {
        Workflows w = Workflows.create(PIPELINE, dir);
        NodeID read = w.add(NrrdReaderNodeFactory.class, 60, 160, reader("knime://knime.workflow/data/phantoms"));
        NodeID n1 = w.add(N1LearnerNodeFactory.class, 220, 40, learner(Role.N1, "Defective skull", "Implant", N1_INPUT,
                0.0625, 3));
        w.connect(read, 1, n1, 1);
        NodeID n1p = w.add(N1PredictorNodeFactory.class, 380, 160, coarse(false));
        w.connect(n1, 1, n1p, 1);
        w.connect(read, 1, n1p, 2);
        BBoxCropperNodeSettings crop = new BBoxCropperNodeSettings();
        crop.defective.setStringValue("Defective skull");
        crop.coarse.setStringValue("Coarse implant");
        crop.implant.setStringValue("Implant");
        crop.margin.setIntValue(MARGIN);
        crop.size.setStringValue(N2_INPUT);
        NodeID cropper = w.add(BBoxCropperNodeFactory.class, 540, 160, crop);
        w.connect(n1p, 1, cropper, 1);
        LearnerNodeSettings n2s = learner(Role.N2, "Defective skull crop", "Implant crop", N2_INPUT, 0.125, 2);
        n2s.margin.setIntValue(MARGIN);
        NodeID n2 = w.add(N2LearnerNodeFactory.class, 700, 40, n2s);
        w.connect(cropper, 1, n2, 1);
        N2PredictorNodeSettings n2ps = new N2PredictorNodeSettings();
        n2ps.crop.setStringValue("Defective skull crop");
        NodeID n2p = w.add(N2PredictorNodeFactory.class, 860, 160, n2ps);
        w.connect(n2, 1, n2p, 1);
        w.connect(cropper, 1, n2p, 2);
        BBoxRestorerNodeSettings rest = new BBoxRestorerNodeSettings();
        rest.defective.setStringValue("Defective skull");
        NodeID restorer = w.add(BBoxRestorerNodeFactory.class, 1020, 160, rest);
        w.connect(n2p, 1, restorer, 1);
        NodeID metrics = w.add(ImplantMetricsNodeFactory.class, 1180, 80, metrics("Implant (restored)"));
        w.connect(restorer, 1, metrics, 1);
        StlWriterNodeSettings stl = new StlWriterNodeSettings();
        stl.implant.setStringValue("Implant");
        stl.folder.setStringValue("knime://knime.workflow/output/stl");
        stl.ifExists.setStringValue(Choices.id(IfExists.OVERWRITE));
        NodeID stlw = w.add(StlWriterNodeFactory.class, 1180, 200, stl);
        w.connect(restorer, 1, stlw, 1);
        NrrdWriterNodeSettings nw = new NrrdWriterNodeSettings();
        nw.volumeColumn.setStringValue("Implant (restored)");
        nw.folder.setStringValue("knime://knime.workflow/output/implants");
        nw.ifExists.setStringValue(Choices.id(IfExists.OVERWRITE));
        NodeID nrrdw = w.add(NrrdWriterNodeFactory.class, 1180, 320, nw);
        w.connect(restorer, 1, nrrdw, 1);
        ImplantReportNodeSettings rep = new ImplantReportNodeSettings();
        rep.prediction.setStringValue("Implant (restored)");
        rep.truth.setStringValue("Implant");
        rep.defective.setStringValue("Defective skull");
        rep.folder.setStringValue("knime://knime.workflow/output/report");
        rep.figures.setIntValue(1);
        NodeID report = w.add(ImplantReportNodeFactory.class, 1340, 160, rep);
        w.connect(restorer, 1, report, 1);
        w.connect(n2, 1, report, 2);

        NodeID cl = w.add(CompletionLearnerNodeFactory.class, 220, 400, learner(Role.COMPLETION, "Defective skull",
                "Complete skull", N1_INPUT, 0.0625, 2));
        w.connect(read, 1, cl, 1);
        NodeID cp = w.add(CompletionPredictorNodeFactory.class, 380, 400, coarse(true));
        w.connect(cl, 1, cp, 1);
        w.connect(read, 1, cp, 2);
        NodeID direct = w.add(ImplantDesignerNodeFactory.class, 540, 400, designer(ImplantDesign.Mode.DIRECT));
        w.connect(n1, 1, direct, 1);
        w.connect(n2, 1, direct, 2);
        w.connect(read, 1, direct, 4);
        NodeID completion = w.add(ImplantDesignerNodeFactory.class, 700, 400, designer(ImplantDesign.Mode.COMPLETION));
        w.connect(cl, 1, completion, 3);
        w.connect(read, 1, completion, 4);

        DefectInjectorNodeSettings di = new DefectInjectorNodeSettings();
        di.skull.setStringValue("Complete skull");
        di.shape.setStringValue(Choices.id(DefectShape.VARIED));
        di.size.setIntValue(16);
        NodeID inject = w.add(DefectInjectorNodeFactory.class, 220, 540, di);
        w.connect(read, 1, inject, 1);
        ResamplerNodeSettings down = new ResamplerNodeSettings(false);
        down.volume.setStringValue("Defective skull (#1)");
        down.size.setStringValue("32,32,16");
        NodeID ds = w.add(DownsamplerNodeFactory.class, 380, 540, down);
        w.connect(inject, 1, ds, 1);
        ResamplerNodeSettings up = new ResamplerNodeSettings(true);
        up.volume.setStringValue("Defective skull (#1) (downsampled)");
        up.reference.setStringValue("Complete skull");
        NodeID us = w.add(UpsamplerNodeFactory.class, 540, 540, up);
        w.connect(ds, 1, us, 1);
        NrrdReaderNodeSettings ct = new NrrdReaderNodeSettings();
        ct.source.setStringValue(Choices.id(Source.FILES));
        ct.files.setStringValue("knime://knime.workflow/data/ct/000.nrrd");
        ct.readAs.setStringValue(Choices.id(ReadAs.KEEP_TYPE));
        NodeID readCt = w.add(NrrdReaderNodeFactory.class, 60, 680, ct);
        SkullExtractorNodeSettings sk = new SkullExtractorNodeSettings();
        sk.ct.setStringValue("Volume");
        NodeID skull = w.add(SkullExtractorNodeFactory.class, 220, 680, sk);
        w.connect(readCt, 1, skull, 1);
        ModelWriterNodeSettings mw = new ModelWriterNodeSettings();
        mw.file.setStringValue("knime://knime.workflow/n2-copy.zip");
        mw.ifExists.setStringValue(Choices.id(IfExists.OVERWRITE));
        NodeID writeModel = w.add(ModelWriterNodeFactory.class, 860, 40, mw);
        w.connect(n2, 1, writeModel, 1);
        w.annotate("Every node on tiny phantoms with tiny networks (a few steps): checks that data and models flow,"
                + " not how well they learn.", 40, 0, 600, 30);
        w.saveAndClose(dir);
    }

    /** A Skull Extractor pointed at a text column: configure must refuse it with a readable message. */
    static void brokenColumn(Path dir) throws Exception {
        Workflows w = Workflows.create(BROKEN_COLUMN, dir);
        NodeID read = w.add(NrrdReaderNodeFactory.class, 80, 80, reader("knime://knime.workflow/data/phantoms"));
        SkullExtractorNodeSettings sk = new SkullExtractorNodeSettings();
        sk.ct.setStringValue("Case");
        NodeID skull = w.add(SkullExtractorNodeFactory.class, 280, 80, sk);
        w.connect(read, 1, skull, 1);
        w.annotate("Must fail: the Skull Extractor is given the text column Case instead of a volume column.", 40, 20,
                420, 40);
        w.saveAndClose(dir);
        Files.writeString(dir.resolve("expected-failure.txt"), "Column 'Case' holds String, not volume");
    }

    static NrrdReaderNodeSettings reader(String folder) {
        NrrdReaderNodeSettings r = new NrrdReaderNodeSettings();
        r.source.setStringValue(Choices.id(Source.PAIRED));
        r.folder.setStringValue(folder);
        return r;
    }

    static LearnerNodeSettings learner(Role role, String input, String target, String size, double width, int steps) {
        LearnerNodeSettings l = new LearnerNodeSettings(role);
        l.input.setStringValue(input);
        l.target.setStringValue(target);
        l.size.setStringValue(size);
        l.width.setDoubleValue(width);
        l.steps.setIntValue(steps);
        l.seed.setLongValue(1);
        return l;
    }

    static CoarsePredictorNodeSettings coarse(boolean completion) {
        CoarsePredictorNodeSettings c = new CoarsePredictorNodeSettings(completion);
        c.defective.setStringValue("Defective skull");
        return c;
    }

    static ImplantDesignerNodeSettings designer(ImplantDesign.Mode mode) {
        ImplantDesignerNodeSettings d = new ImplantDesignerNodeSettings();
        d.input.setStringValue("Defective skull");
        d.mode.setStringValue(Choices.id(mode));
        return d;
    }

    static ImplantMetricsNodeSettings metrics(String prediction) {
        ImplantMetricsNodeSettings m = new ImplantMetricsNodeSettings();
        m.prediction.setStringValue(prediction);
        m.truth.setStringValue("Implant");
        m.defective.setStringValue("Defective skull");
        return m;
    }
}
