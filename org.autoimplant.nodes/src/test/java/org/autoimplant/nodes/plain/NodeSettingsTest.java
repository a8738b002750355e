package org.autoimplant.nodes.plain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.autoimplant.core.model.Role;
import org.autoimplant.nodes.bboxcropper.BBoxCropperNodeSettings;
import org.autoimplant.nodes.bboxrestorer.BBoxRestorerNodeSettings;
import org.autoimplant.nodes.coarsepredictor.CoarsePredictorNodeSettings;
import org.autoimplant.nodes.common.CoreSettings;
import org.autoimplant.nodes.defectinjector.DefectInjectorNodeSettings;
import org.autoimplant.nodes.dicomreader.DicomReaderNodeSettings;
import org.autoimplant.nodes.designer.ImplantDesignerNodeSettings;
import org.autoimplant.nodes.learner.LearnerNodeSettings;
import org.autoimplant.nodes.metrics.ImplantMetricsNodeSettings;
import org.autoimplant.nodes.modelreader.ModelReaderNodeSettings;
import org.autoimplant.nodes.modelwriter.ModelWriterNodeSettings;
import org.autoimplant.nodes.n2predictor.N2PredictorNodeSettings;
import org.autoimplant.nodes.nrrdreader.NrrdReaderNodeSettings;
import org.autoimplant.nodes.nrrdwriter.NrrdWriterNodeSettings;
import org.autoimplant.nodes.report.ImplantReportNodeSettings;
import org.autoimplant.nodes.resampler.ResamplerNodeSettings;
import org.autoimplant.nodes.skullextractor.SkullExtractorNodeSettings;
import org.autoimplant.nodes.stlwriter.StlWriterNodeSettings;
import org.junit.jupiter.api.Test;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeSettingsRO;

/**
 * Every node's settings through KNIME's real NodeSettings: saved, written to XML and read back,
 * validated and loaded give the same settings; defaults name what is missing; a settings object
 * from an older version that lacks a newer option loads with that option's default.
 */
class NodeSettingsTest {
    /** A node's settings, a way to configure them, and what its defaults lack (null: they are valid as they are). */
    record Case(String node, Supplier<CoreSettings<?>> fresh, Consumer<CoreSettings<?>> configure, String missing) {
    }

    static final List<Case> CASES = List.of(
            new Case("NRRD Reader", NrrdReaderNodeSettings::new, s -> {
                NrrdReaderNodeSettings r = (NrrdReaderNodeSettings) s;
                r.source.setStringValue("folder");
                r.folder.setStringValue("/data/skulls");
                r.pattern.setStringValue("case_*.nrrd");
                r.recursive.setBooleanValue(true);
                r.readAs.setStringValue("keep_type");
            }, "Choose the dataset folder"),
            new Case("NRRD Writer", NrrdWriterNodeSettings::new, s -> {
                NrrdWriterNodeSettings w = (NrrdWriterNodeSettings) s;
                w.volumeColumn.setStringValue("Implant");
                w.folder.setStringValue("knime://knime.workflow/out");
                w.nameColumn.setSelection("Case", false);
                w.encoding.setStringValue("bzip2");
                w.ifExists.setStringValue("skip");
                w.createFolder.setBooleanValue(false);
            }, "Choose the folder to write"),
            new Case("Model Reader", ModelReaderNodeSettings::new,
                    s -> ((ModelReaderNodeSettings) s).file.setStringValue("/models/n1.zip"), "Choose the AutoImplant model"),
            new Case("Model Writer", ModelWriterNodeSettings::new, s -> {
                ModelWriterNodeSettings w = (ModelWriterNodeSettings) s;
                w.file.setStringValue("/models/copy.zip");
                w.ifExists.setStringValue("overwrite");
            }, "Choose the file to save the model to"),
            new Case("DICOM Series Reader", DicomReaderNodeSettings::new, s -> {
                DicomReaderNodeSettings d = (DicomReaderNodeSettings) s;
                d.folder.setStringValue("/studies/42");
                d.ctOnly.setBooleanValue(false);
                d.failures.setStringValue("skip");
            }, "Choose the folder with the DICOM files"),
            new Case("Skull Extractor", SkullExtractorNodeSettings::new, s -> {
                SkullExtractorNodeSettings k = (SkullExtractorNodeSettings) s;
                k.ct.setStringValue("CT");
                k.threshold.setDoubleValue(300);
                k.largest.setBooleanValue(false);
                k.failures.setStringValue("skip");
            }, null),
            new Case("Defect Injector", DefectInjectorNodeSettings::new, s -> {
                DefectInjectorNodeSettings d = (DefectInjectorNodeSettings) s;
                d.skull.setStringValue("Complete skull");
                d.shape.setStringValue("varied");
                d.size.setIntValue(48);
                d.seed.setLongValue(-7);
            }, null),
            new Case("Downsampler", () -> new ResamplerNodeSettings(false), s -> {
                ResamplerNodeSettings r = (ResamplerNodeSettings) s;
                r.volume.setStringValue("Defective skull");
                r.size.setStringValue("64,64,32");
                r.order.setIntValue(3);
            }, null),
            new Case("Upsampler", () -> new ResamplerNodeSettings(true), s -> {
                ResamplerNodeSettings r = (ResamplerNodeSettings) s;
                r.volume.setStringValue("Coarse implant (low-res)");
                r.reference.setStringValue("Defective skull");
                r.order.setIntValue(1);
            }, null),
            new Case("N1 Learner", () -> new LearnerNodeSettings(Role.N1), s -> learner(s, "32,32,16"), null),
            new Case("N2 Learner", () -> new LearnerNodeSettings(Role.N2), s -> {
                learner(s, "64,64,32");
                ((LearnerNodeSettings) s).margin.setIntValue(10);
            }, null),
            new Case("Shape Completion Learner", () -> new LearnerNodeSettings(Role.COMPLETION),
                    s -> learner(s, "64,64,32"), null),
            new Case("N1 Predictor", () -> new CoarsePredictorNodeSettings(false),
                    s -> ((CoarsePredictorNodeSettings) s).defective.setStringValue("Skull"), null),
            new Case("Shape Completion Predictor", () -> new CoarsePredictorNodeSettings(true), s -> {
                CoarsePredictorNodeSettings c = (CoarsePredictorNodeSettings) s;
                c.defective.setStringValue("Skull");
                c.largest.setBooleanValue(true);
            }, null),
            new Case("BBox Cropper", BBoxCropperNodeSettings::new, s -> {
                BBoxCropperNodeSettings c = (BBoxCropperNodeSettings) s;
                c.defective.setStringValue("Defective skull");
                c.coarse.setStringValue("Coarse implant");
                c.implant.setStringValue("Implant");
                c.margin.setIntValue(12);
                c.size.setStringValue("128,128,64");
            }, null),
            new Case("N2 Predictor", N2PredictorNodeSettings::new,
                    s -> ((N2PredictorNodeSettings) s).crop.setStringValue("Defective skull crop"), null),
            new Case("BBox Restorer", BBoxRestorerNodeSettings::new, s -> {
                BBoxRestorerNodeSettings r = (BBoxRestorerNodeSettings) s;
                r.fine.setStringValue("Fine implant crop");
                r.plan.setStringValue("Crop plan");
                r.caseColumn.setStringValue("Case");
                r.defective.setStringValue("Defective skull");
                r.largest.setBooleanValue(true);
            }, null),
            new Case("Implant Designer", ImplantDesignerNodeSettings::new, s -> {
                ImplantDesignerNodeSettings d = (ImplantDesignerNodeSettings) s;
                d.input.setStringValue("CT");
                d.ct.setBooleanValue(true);
                d.threshold.setDoubleValue(250);
                d.mode.setStringValue("completion");
            }, null),
            new Case("Implant Metrics", ImplantMetricsNodeSettings::new, s -> {
                ImplantMetricsNodeSettings m = (ImplantMetricsNodeSettings) s;
                m.prediction.setStringValue("Implant (restored)");
                m.truth.setStringValue("Implant");
                m.defective.setStringValue("Defective skull");
            }, null),
            new Case("STL Writer", StlWriterNodeSettings::new, s -> {
                StlWriterNodeSettings w = (StlWriterNodeSettings) s;
                w.implant.setStringValue("Implant");
                w.folder.setStringValue("/out/stl");
                w.names.setStringValue("Case");
                w.smoothing.setIntValue(50);
                w.ifExists.setStringValue("skip");
            }, "Choose the folder"),
            new Case("Implant Report", ImplantReportNodeSettings::new, s -> {
                ImplantReportNodeSettings r = (ImplantReportNodeSettings) s;
                r.prediction.setStringValue("Implant (restored)");
                r.truth.setStringValue("Implant");
                r.defective.setStringValue("Defective skull");
                r.folder.setStringValue("/out/report");
                r.title.setStringValue("Ward 3, November");
                r.figures.setIntValue(2);
            }, "Choose the folder to write report.html into"));

    private static void learner(CoreSettings<?> s, String size) {
        LearnerNodeSettings l = (LearnerNodeSettings) s;
        l.input.setStringValue("Defective skull");
        l.target.setStringValue("Implant");
        l.steps.setIntValue(300);
        l.learningRate.setDoubleValue(3e-4);
        l.width.setDoubleValue(0.125);
        l.size.setStringValue(size);
        l.seed.setLongValue(9);
        l.checkpoint.setStringValue("/runs/checkpoint.zip");
        l.checkpointEvery.setIntValue(25);
    }

    @Test
    void configuredSettingsRoundTripThroughXml() throws Exception {
        for (Case c : CASES) {
            CoreSettings<?> s = c.fresh().get();
            c.configure().accept(s);
            NodeSettings saved = save(s);
            NodeSettingsRO reread = fromXml(toXml(saved));
            s.validate(reread, c.fresh().get());
            CoreSettings<?> loaded = c.fresh().get();
            loaded.load(reread);
            assertEquals(toXml(saved), toXml(save(loaded)), c.node());
            assertEquals(s.toCore(), loaded.toCore(), c.node());
            assertTrue(!toXml(save(c.fresh().get())).equals(toXml(saved)), c.node() + ": configure changed nothing");
        }
    }

    @Test
    void defaultsLoadAndSayWhatIsMissing() throws Exception {
        for (Case c : CASES) {
            NodeSettings defaults = save(c.fresh().get());
            CoreSettings<?> loaded = c.fresh().get();
            loaded.load(defaults);
            assertEquals(toXml(defaults), toXml(save(loaded)), c.node());
            if (c.missing() == null) {
                c.fresh().get().validate(defaults, c.fresh().get()); // its defaults are a valid configuration
                continue;
            }
            InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
                    () -> c.fresh().get().validate(defaults, c.fresh().get()), c.node());
            assertTrue(e.getMessage().startsWith(c.missing()), c.node() + ": " + e.getMessage());
        }
    }

    @Test
    void settingsWithoutANewerOptionLoadWithItsDefault() throws Exception {
        for (Case c : CASES) {
            CoreSettings<?> configured = c.fresh().get();
            c.configure().accept(configured);
            // The last option stands for one added in a later version: older workflows lack it.
            List<String> keys = List.copyOf(configured.models().keySet());
            if (keys.size() < 2) {
                continue; // its one option is required: no older version can lack it
            }
            String newest = keys.get(keys.size() - 1);
            NodeSettings older = without(save(configured), newest);
            CoreSettings<?> loaded = c.fresh().get();
            loaded.validate(older, c.fresh().get());
            loaded.load(older);
            assertEquals(toXml(only(save(c.fresh().get()), newest)), toXml(only(save(loaded), newest)),
                    c.node() + ": " + newest + " should keep its default");
            for (String k : keys.subList(0, keys.size() - 1)) {
                assertEquals(toXml(only(save(configured), k)), toXml(only(save(loaded), k)), c.node() + ": " + k);
            }
        }
    }

    @Test
    void unknownChoicesAreRefusedByName() {
        NrrdReaderNodeSettings s = new NrrdReaderNodeSettings();
        s.folder.setStringValue("/data");
        s.source.setStringValue("cloud");
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
                () -> s.validate(save(s), new NrrdReaderNodeSettings()));
        assertEquals("Unknown source 'cloud': choose one of files, folder, paired", e.getMessage());
    }

    static NodeSettings save(CoreSettings<?> s) {
        NodeSettings n = new NodeSettings("model");
        s.save(n);
        return n;
    }

    /** {@code s} without {@code key} and its settings-model bookkeeping ({@code key_Internals}). */
    static NodeSettings without(NodeSettings s, String key) {
        NodeSettings out = new NodeSettings(s.getKey());
        for (String k : s.keySet()) {
            if (!k.equals(key) && !k.equals(key + "_Internals")) {
                out.addEntry(s.getEntry(k));
            }
        }
        return out;
    }

    /** Just {@code key} and its bookkeeping, for comparing one option. */
    static NodeSettings only(NodeSettings s, String key) {
        NodeSettings out = new NodeSettings("option");
        for (String k : s.keySet()) {
            if (k.equals(key) || k.equals(key + "_Internals")) {
                out.addEntry(s.getEntry(k));
            }
        }
        return out;
    }

    static String toXml(NodeSettings s) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        s.saveToXML(out);
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    static NodeSettingsRO fromXml(String xml) throws Exception {
        return NodeSettings.loadFromXML(new ByteArrayInputStream(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
