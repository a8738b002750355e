package org.autoimplant.core.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.autoimplant.core.io.NrrdReader;
import org.autoimplant.core.model.ModelFile;
import org.autoimplant.core.volume.Mask;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The training and prediction commands end to end on tiny networks (a few steps; no accuracy claims). */
public class TrainPredictCliTest extends CliRunner {
    @ClassRule
    public static TemporaryFolder tmp = new TemporaryFolder();

    private static Path data;

    @BeforeClass
    public static void phantoms() {
        data = tmp.getRoot().toPath().resolve("set");
        StringWriter o = new StringWriter();
        assertEquals(0, AutoImplantCli.execute(new String[] {"phantom", data.toString(), "--count", "2", "--voxels", "64",
            "--defect-size", "16"}, new PrintWriter(o), new PrintWriter(new StringWriter())));
    }


    @Test
    public void trainResumePredictBothModes() throws Exception {
        Path n1 = tmp.getRoot().toPath().resolve("n1.zip");
        assertEquals(err, 0, run("train-n1", "--data", data.toString(), "--out", n1.toString(), "--input", "16,16,16",
                "--width", "0.0625", "--steps", "3", "--checkpoint-every", "2"));
        assertTrue(out, out.contains("ND4J Cpu backend"));
        assertTrue(out, out.contains("saved " + n1 + " after 3 steps"));
        assertEquals(err, 0, run("train-n1", "--data", data.toString(), "--out", n1.toString(), "--input", "16,16,16",
                "--width", "0.0625", "--steps", "5", "--resume"));
        assertTrue(out, out.contains("resuming " + n1 + " at step 3"));
        assertEquals(5, ModelFile.metadata(n1).getSteps());
        assertEquals(5, ModelFile.metadata(n1).getLosses().size());
        // What the data was and how long it took, as the model card needs them.
        org.autoimplant.core.model.ModelMetadata meta = ModelFile.metadata(n1);
        assertEquals(2, meta.getTrainingCases());
        assertTrue(meta.getTrainingSeconds() > 0);
        org.autoimplant.core.volume.SpacingRange.Accumulator files = new org.autoimplant.core.volume.SpacingRange
                .Accumulator();
        for (String c : new String[] {"000", "001"}) {
            files.add(NrrdReader.readMask(data.resolve("defective_skull/" + c + ".nrrd")).geometry());
        }
        assertEquals(files.range(), meta.trainingSpacingRange());
        // A file from a version that did not record them gets them on its next resumed run.
        ModelFile.Loaded loaded = ModelFile.load(n1, org.autoimplant.core.model.Role.N1);
        loaded.metadata().setTrainingSpacing(null);
        ModelFile.save(loaded.network(), loaded.metadata(), n1);
        assertEquals(err, 0, run("train-n1", "--data", data.toString(), "--out", n1.toString(), "--input", "16,16,16",
                "--width", "0.0625", "--steps", "5", "--resume"));
        assertTrue(out, out.contains("recorded its training data's spacing"));
        assertEquals(files.range(), ModelFile.metadata(n1).trainingSpacingRange());

        Path n2 = tmp.getRoot().toPath().resolve("n2.zip");
        assertEquals(err, 0, run("train-n2", "--data", data.toString(), "--n1", n1.toString(), "--out", n2.toString(),
                "--input", "32,32,32", "--width", "0.125", "--steps", "2", "--margin", "4"));
        assertEquals("n1", ModelFile.metadata(n2).getN2Crops());
        assertEquals(4, ModelFile.metadata(n2).getMargin());

        Path defective = data.resolve("defective_skull/000.nrrd");
        Path pred = tmp.getRoot().toPath().resolve("pred.nrrd");
        assertEquals(err, 0, run("predict", defective.toString(), "--n1", n1.toString(), "--n2", n2.toString(),
                "--out", pred.toString(), "--keep-coarse"));
        assertTrue(out, out.contains("000.nrrd → " + pred));
        Mask in = NrrdReader.readMask(defective);
        Mask p = NrrdReader.readMask(pred);
        assertEquals(in.shape(), p.shape());
        assertEquals(in.geometry(), p.geometry());
        assertTrue(Files.exists(pred.resolveSibling("pred-coarse.nrrd")));

        Path folder = tmp.getRoot().toPath().resolve("preds");
        assertEquals(err, 0, run("predict", data.resolve("defective_skull").toString(), "--n1", n1.toString(), "--n2",
                n2.toString(), "--out", folder.toString()));
        assertTrue(Files.exists(folder.resolve("001.nrrd")));

        assertEquals(1, run("predict", defective.toString(), "--n1", n2.toString(), "--n2", n1.toString(), "--out",
                pred.toString()));
        assertTrue(err, err.contains("is an N2 model, but an N1 model is needed here"));

        Path completion = tmp.getRoot().toPath().resolve("completion.zip");
        assertEquals(err, 0, run("train-completion", "--data", data.toString(), "--out", completion.toString(),
                "--input", "16,16,16", "--width", "0.0625", "--steps", "2"));
        assertEquals(err, 0, run("predict", defective.toString(), "--mode", "completion", "--model",
                completion.toString(), "--out", pred.toString()));
        Path empty = java.nio.file.Files.createDirectories(tmp.getRoot().toPath().resolve("no-models"));
        assertEquals(1, run("predict", defective.toString(), "--mode", "completion", "--models", empty.toString(),
                "--out", pred.toString()));
        assertTrue(err, err.contains(empty + " hold no completion.zip (the completion model)"));
    }
}
