package org.autoimplant.core.cli;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.autoimplant.core.io.NrrdReader;
import org.autoimplant.core.io.NrrdWriter;
import org.autoimplant.core.model.ModelFile;
import org.autoimplant.core.volume.Geometry;
import org.autoimplant.core.volume.Mask;
import org.autoimplant.core.volume.Shape;
import org.autoimplant.core.volume.Volume;
import org.autoimplant.core.volume.VoxelType;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * What a demanding user's probe found (issue 18), each as a test that failed before: outputs never
 * replace inputs or each other, a trained model is never replaced by accident, wrong inputs are
 * refused with what is wrong, folder runs process every case and say which failed, messages name
 * the real file and the problem.
 */
public class CliSafetyTest extends CliRunner {
    @ClassRule
    public static TemporaryFolder tmp = new TemporaryFolder();
    private static Path data;
    private static Path n1;
    private static Path n2;

    @BeforeClass
    public static void phantomsAndTinyModels() throws Exception {
        Path root = tmp.getRoot().toPath();
        data = root.resolve("set");
        CliSafetyTest t = new CliSafetyTest();
        assertEquals(0, t.run("phantom", data.toString(), "--count", "2", "--voxels", "64", "--defect-size", "16"));
        n1 = root.resolve("n1.zip");
        n2 = root.resolve("n2.zip");
        assertEquals(t.err, 0, t.run("train-n1", "--data", data.toString(), "--out", n1.toString(), "--input", "16,16,16",
                "--width", "0.0625", "--steps", "1"));
        assertEquals(t.err, 0, t.run("train-n2", "--data", data.toString(), "--crops", "truth", "--out", n2.toString(),
                "--input", "32,32,32", "--width", "0.125", "--steps", "1", "--margin", "4"));
    }


    private Path copyOf(String folder, String name, Path dir) throws Exception {
        Files.createDirectories(dir);
        return Files.copy(data.resolve(folder).resolve("000.nrrd"), dir.resolve(name));
    }

    // 1. Outputs that are inputs.
    @Test
    public void anOutputThatIsAnInputIsRefusedAndTheInputSurvives() throws Exception {
        Path dir = tmp.newFolder().toPath();
        Path in = copyOf("defective_skull", "skull.nrrd", dir);
        byte[] before = Files.readAllBytes(in);
        assertEquals(1, run("predict", in.toString(), "--n1", n1.toString(), "--n2", n2.toString(), "--out", in.toString()));
        assertTrue(err, err.contains(in + ": is the input " + in));
        assertEquals(1, run("predict", dir.toString(), "--n1", n1.toString(), "--n2", n2.toString(), "--out",
                dir.resolve("../" + dir.getFileName()).toString()));
        assertTrue(err, err.contains("inputs are never overwritten"));
        Path link = dir.resolve("link.nrrd");
        Files.createSymbolicLink(link, in);
        assertEquals(1, run("resample", in.toString(), link.toString(), "--size", "8,8,8"));
        assertTrue(err, err.contains("is the input"));
        assertEquals(1, run("defect", in.toString(), "--defective", in.toString(), "--implant", dir.resolve("i.nrrd")
                .toString()));
        assertEquals(1, run("defect", in.toString(), "--defective", dir.resolve("x.nrrd").toString(), "--implant",
                dir.resolve("x.nrrd").toString()));
        assertTrue(err, err.contains("would be written twice"));
        assertArrayEquals(before, Files.readAllBytes(in));
        assertFalse(Files.exists(dir.resolve("x.nrrd")));
    }

    // 2. Trained models are not replaced by accident; resumed runs keep their settings and data.
    @Test
    public void anExistingModelNeedsResumeOrOverwriteAndResumeKeepsItsSettings() throws Exception {
        Path m = tmp.newFolder().toPath().resolve("m.zip");
        Files.copy(n1, m);
        long steps = ModelFile.metadata(m).getSteps();
        String[] base = {"train-n1", "--data", data.toString(), "--out", m.toString(), "--input", "16,16,16", "--width",
            "0.0625", "--steps", "2"};
        assertEquals(1, run(base));
        assertTrue(err, err.contains("already holds an n1 model trained " + steps + " steps; add --resume"));
        assertEquals(steps, ModelFile.metadata(m).getSteps());
        assertEquals(1, run(concat(base, "--resume", "--lr", "3e-4")));
        assertTrue(err, err.contains("cannot resume with other settings: learning rate 3.0E-4 (trained with 1.0E-4)"));
        Path other = tmp.newFolder().toPath().resolve("other");
        assertEquals(0, run("phantom", other.toString(), "--count", "3", "--voxels", "64", "--seed", "9"));
        String[] otherData = base.clone();
        otherData[2] = other.toString();
        assertEquals(1, run(concat(otherData, "--resume")));
        assertTrue(err, err.contains("the training data"));
        assertEquals(1, run(concat(base, "--resume", "--overwrite")));
        assertEquals(err, 0, run(concat(base, "--overwrite")));
        assertEquals(2, ModelFile.metadata(m).getSteps());
        assertEquals(1, run("train-n1", "--data", data.toString(), "--out", tmp.getRoot().toPath().resolve("no/such/x.zip")
                .toString(), "--steps", "1"));
        assertTrue(err, err.contains("does not exist"));
        assertFalse(err, err.contains("Exception"));
    }

    // 3. Planned output names: a coarse file never replaces another case's output.
    @Test
    public void keepCoarseCollisionsAreRefusedBeforeAnyWork() throws Exception {
        Path dir = tmp.newFolder().toPath();
        copyOf("defective_skull", "b.nrrd", dir);
        copyOf("defective_skull", "b-coarse.nrrd", dir);
        Path preds = dir.resolveSibling(dir.getFileName() + "-out");
        assertEquals(1, run("predict", dir.toString(), "--n1", n1.toString(), "--n2", n2.toString(), "--out",
                preds.toString(), "--keep-coarse"));
        assertTrue(err, err.contains("b-coarse.nrrd: would be written twice"));
        assertFalse(Files.exists(preds));
    }

    // 4. Metrics compare masks on the same grid only.
    @Test
    public void metricsRefuseMasksInOtherPlacesOrOrientations() throws Exception {
        Path truth = data.resolve("implant/000.nrrd");
        Mask m = NrrdReader.readMask(truth);
        Geometry g = m.geometry();
        double[] o = g.origin().clone();
        o[0] += 20;
        double[][] d = {g.direction(0), g.direction(1), g.direction(2)};
        Path moved = tmp.getRoot().toPath().resolve("moved.nrrd");
        NrrdWriter.write(m.withGeometry(Geometry.ofSpace(g.space(), d, o)), moved);
        assertEquals(1, run("metrics", "--pred", moved.toString(), "--truth", truth.toString()));
        assertTrue(err, err.contains("not on the same grid: origin"));
        double[][] flipped = {scale(d[0], -1), d[1], d[2]};
        Path flip = tmp.getRoot().toPath().resolve("flipped.nrrd");
        NrrdWriter.write(m.withGeometry(Geometry.ofSpace(g.space(), flipped, g.origin())), flip);
        assertEquals(1, run("metrics", "--pred", flip.toString(), "--truth", truth.toString()));
        assertTrue(err, err.contains("direction of axis 0"));
        assertEquals(0, run("metrics", "--pred", truth.toString(), "--truth", truth.toString()));
    }

    // 5. Geometry: a single-slice axis resamples to a valid file.
    @Test
    public void resamplingFromASingleSliceWritesAValidGeometry() throws Exception {
        Mask slab = Mask.empty(new Shape(8, 8, 1), Geometry.ofSpacings(1, 1, 2));
        slab.set(3, 3, 0, true);
        Path in = tmp.getRoot().toPath().resolve("slab.nrrd");
        Path res = tmp.getRoot().toPath().resolve("slab4.nrrd");
        NrrdWriter.write(slab, in);
        assertEquals(err, 0, run("resample", in.toString(), res.toString(), "--size", "8,8,4"));
        assertEquals(0.5, NrrdReader.readMask(res).geometry().spacing(2), 1e-12);
    }

    // 7. Prediction refuses inputs that are not skull masks, and says when it wrote no STL.
    @Test
    public void predictRefusesWhatIsNotASkullMask() throws Exception {
        Path dir = tmp.newFolder().toPath();
        Mask skull = NrrdReader.readMask(data.resolve("defective_skull/000.nrrd"));
        Volume ct = Volume.allocate(skull.shape(), VoxelType.INT16, skull.geometry());
        for (int i = 0; i < skull.data().length; i++) {
            ct.data().setDouble(i, skull.data()[i] != 0 ? 1200 : (i % 7 == 0 ? -1000 : 40));
        }
        Path ctFile = dir.resolve("ct.nrrd");
        NrrdWriter.write(ct, ctFile);
        assertEquals(1, predict(ctFile, dir.resolve("p1.nrrd")));
        assertTrue(err, err.contains("looks like a CT in Hounsfield units") && err.contains("autoimplant skull"));
        Volume nan = Volume.allocate(skull.shape(), VoxelType.FLOAT, skull.geometry());
        nan.data().setDouble(5, Double.NaN);
        nan.data().setDouble(6, 1);
        Path nanFile = dir.resolve("nan.nrrd");
        NrrdWriter.write(nan, nanFile);
        assertEquals(1, predict(nanFile, dir.resolve("p2.nrrd")));
        assertTrue(err, err.contains("NaN or infinite"));
        Path empty = dir.resolve("empty.nrrd");
        NrrdWriter.write(Mask.empty(skull.shape(), skull.geometry()), empty);
        assertEquals(1, predict(empty, dir.resolve("p3.nrrd")));
        assertTrue(err, err.contains("the skull mask is empty"));
        for (Shape s : new Shape[] {new Shape(1, 1, 1), new Shape(48, 48, 16)}) {
            Path tiny = dir.resolve("tiny" + s.nx() + ".nrrd");
            Mask t = Mask.empty(s, Geometry.unknown());
            t.set(0, 0, 0, true);
            NrrdWriter.write(t, tiny);
            assertEquals(1, predict(tiny, dir.resolve("p4.nrrd")));
            assertTrue(err, err.contains("too small to be a skull scan") || err.contains("not a head"));
            assertFalse("models must not load before the input is checked: " + out, out.contains("ND4J"));
        }
        assertFalse(Files.exists(dir.resolve("p1.nrrd")) || Files.exists(dir.resolve("p3.nrrd")));
    }

    private int predict(Path in, Path to) {
        return run("predict", in.toString(), "--n1", n1.toString(), "--n2", n2.toString(), "--out", to.toString(), "--stl");
    }

    // 8, 15. Evaluation names every case it could not score and counts infinite distances.
    @Test
    public void evaluateNamesUnscoredCasesAndCountsInfiniteDistances() throws Exception {
        Path preds = tmp.newFolder().toPath();
        Files.copy(data.resolve("implant/000.nrrd"), preds.resolve("000.nrrd"));
        NrrdWriter.write(Mask.empty(NrrdReader.readMask(data.resolve("implant/001.nrrd")).shape(),
                NrrdReader.readMask(data.resolve("implant/001.nrrd")).geometry()), preds.resolve("001.nrrd"));
        Files.copy(data.resolve("implant/000.nrrd"), preds.resolve("020.nrrd"));
        Path csv = tmp.getRoot().toPath().resolve("r.csv");
        assertEquals(1, run("evaluate", "--pred", preds.toString(), "--truth", data.resolve("implant").toString(), "--out",
                csv.toString()));
        assertTrue(out, out.contains("2 cases → " + csv));
        assertTrue(err, err.contains("2 of 3 cases; not scored: 020 (a prediction without a truth file"));
        assertTrue(out, out.contains("hd_mm is infinite in 1 of 2 cases") || out.contains("is infinite in 1 of 2"));
        assertEquals(1, run("evaluate", "--pred", tmp.getRoot().toPath().resolve("none").toString(), "--truth",
                data.resolve("implant").toString(), "--out", csv.toString()));
        assertTrue(err, err.contains("none: no such folder"));
    }

    // 9. A defect that removes most of the skull is flagged.
    @Test
    public void aDefectRemovingMostOfTheSkullIsFlagged() throws Exception {
        Path dir = tmp.newFolder().toPath();
        assertEquals(err, 0, run("defect", data.resolve("complete_skull/000.nrrd").toString(), "--defective",
                dir.resolve("d.nrrd").toString(), "--implant", dir.resolve("i.nrrd").toString(), "--size", "1000"));
        assertTrue(err, err.contains("warning: the defect removes") && err.contains("choose a smaller size"));
    }

    // 10, 15. Folder runs process every case and name each failure; odd entries are no cases.
    @Test
    public void folderPredictionProcessesEveryCaseAndNamesTheFailures() throws Exception {
        Path dir = tmp.newFolder().toPath();
        copyOf("defective_skull", "a.nrrd", dir);
        copyOf("defective_skull", "C.NRRD", dir);
        Files.writeString(dir.resolve("b.nrrd"), "NRRD0004\ntype: uchar\ndimension: 3\nsizes: 64 64 20\nencoding: raw\n\nxx");
        Files.writeString(dir.resolve("._a.nrrd"), "resource fork");
        Files.createDirectory(dir.resolve("folder.nrrd"));
        Path preds = dir.resolveSibling(dir.getFileName() + "-preds");
        assertEquals(1, run("predict", dir.toString(), "--n1", n1.toString(), "--n2", n2.toString(), "--out",
                preds.toString()));
        assertTrue(Files.exists(preds.resolve("a.nrrd")));
        assertTrue("upper-case .NRRD files are volumes too", Files.exists(preds.resolve("C.NRRD")));
        assertTrue(err, err.contains("b.nrrd: failed:"));
        assertTrue(err, err.contains("1 of 3 cases failed: b.nrrd"));
        assertFalse(err, err.contains("._a") || err.contains("folder.nrrd"));
        assertFalse("no carriage returns when stderr is not a terminal", err.contains("\r"));
    }

    // 13. Messages say what is wrong, in words.
    @Test
    public void messagesNameTheProblemNotTheException() throws Exception {
        Path in = data.resolve("defective_skull/000.nrrd");
        Path to = tmp.getRoot().toPath().resolve("m13.nrrd");
        assertEquals(1, run("predict", in.toString(), "--n1", tmp.getRoot().toString(), "--n2", n2.toString(), "--out",
                to.toString()));
        assertTrue(err, err.contains(tmp.getRoot() + ": is a folder, not a model file"));
        Path cut = tmp.getRoot().toPath().resolve("cut.zip");
        byte[] whole = Files.readAllBytes(n1);
        Files.write(cut, java.util.Arrays.copyOf(whole, whole.length - 100));
        assertEquals(1, run("predict", in.toString(), "--n1", cut.toString(), "--n2", n2.toString(), "--out", to.toString()));
        assertFalse(err, err.contains("RuntimeException") || err.contains("EOFException"));
        assertTrue(err, err.contains(cut.toString()));
    }

    // 14. Stale temporaries of killed runs are removed when that folder is next written.
    @Test
    public void staleTemporariesOfKilledRunsAreRemoved() throws Exception {
        Path dir = tmp.newFolder().toPath();
        Path oldTmp = Files.writeString(dir.resolve(".x.nrrd.tmp-45e201d7"), "half");
        Path oldZip = Files.writeString(dir.resolve(".dl4j-123456.zip"), "half");
        Path fresh = Files.writeString(dir.resolve(".y.nrrd.tmp-0000abcd"), "in flight");
        Path theirs = Files.writeString(dir.resolve(".z.tmp-1234"), "not ours");
        FileTime twoDays = FileTime.from(Instant.now().minus(2, ChronoUnit.DAYS));
        for (Path p : new Path[] {oldTmp, oldZip, theirs}) {
            Files.setLastModifiedTime(p, twoDays);
        }
        assertEquals(err, 0, run("convert", data.resolve("implant/000.nrrd").toString(), dir.resolve("c.nrrd").toString()));
        assertFalse(Files.exists(oldTmp));
        assertFalse(Files.exists(oldZip));
        assertTrue("a live run's temporary is kept", Files.exists(fresh));
        assertTrue("other programs' files are kept", Files.exists(theirs));
    }

    private static String[] concat(String[] a, String... b) {
        String[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    private static double[] scale(double[] v, double f) {
        double[] r = v.clone();
        for (int i = 0; i < r.length; i++) {
            r[i] *= f;
        }
        return r;
    }
}
