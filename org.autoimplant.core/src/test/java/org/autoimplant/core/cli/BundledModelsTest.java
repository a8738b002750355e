package org.autoimplant.core.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.autoimplant.core.io.NrrdReader;
import org.autoimplant.core.model.ModelFile;
import org.autoimplant.core.model.ModelMetadata;
import org.autoimplant.core.model.ModelSet;
import org.autoimplant.core.model.Role;
import org.autoimplant.core.volume.Mask;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The models in models/ (trained on real SkullFix skulls) and the sample in samples/: they load,
 * their metadata says how they were made, the demo reproduces on the sample the DSCs that
 * models/README.md states, and damaged model files given by {@code --models} are refused.
 */
public class BundledModelsTest extends CliRunner {
    @ClassRule
    public static final TemporaryFolder TMP = new TemporaryFolder();

    private static Path models;
    private static Path sample;

    @BeforeClass
    public static void locate() throws IOException {
        models = ModelSet.bundled().folder();
        sample = Path.of(System.getProperty("autoimplant.sample"));
    }

    @Test
    public void everyBundledModelLoadsWithCompleteMetadata() throws IOException {
        ModelSet set = ModelSet.bundled();
        for (Role role : Role.values()) {
            ModelFile.Loaded m = set.load(role);
            ModelMetadata meta = m.metadata();
            String what = ModelSet.fileName(role) + ": ";
            assertEquals(what + "role", role, meta.role());
            assertTrue(what + "steps " + meta.getSteps(), meta.getSteps() >= 100);
            assertEquals(what + "one loss per step", meta.getSteps(), meta.getLosses().size());
            assertTrue(what + "training cases " + meta.getTrainingCases(), meta.getTrainingCases() >= 20);
            assertTrue(what + "training time " + meta.getTrainingSeconds(), meta.getTrainingSeconds() > 60);
            // SkullFix: 0.39-0.54 mm in-plane, 0.5-0.69 mm between slices (../shared/data/README.md)
            org.autoimplant.core.volume.SpacingRange sp = meta.trainingSpacingRange();
            assertTrue(what + "training spacing " + sp, sp != null && sp.inPlaneMin() > 0.3 && sp.inPlaneMax() < 0.7
                    && sp.sliceMin() > 0.3 && sp.sliceMax() < 1.0);
            assertTrue(what + "learning rate", meta.getLearningRate() > 0);
            assertTrue(what + "data fingerprint", meta.getDataFingerprint() != null
                    && !meta.getDataFingerprint().isBlank());
            // The loss curve says it learnt: the last 50 steps' mean well below the first 10's.
            assertTrue(what + "loss curve", mean(meta, meta.getLosses().size() - 50, meta.getLosses().size())
                    < 0.8 * mean(meta, 0, 10));
            // Exported for prediction: no optimiser state (it would triple the file).
            assertTrue(what + Files.size(set.file(role)) + " bytes", Files.size(set.file(role)) < 30_000_000L);
        }
        assertEquals("N2's crops come from N1", "n1", set.load(Role.N2).metadata().getN2Crops());
    }

    @Test
    public void demoOnTheSampleGivesTheModelCardsDsc() throws IOException {
        Path dir = TMP.getRoot().toPath().resolve("demo");
        assertEquals(err, 0, run("demo", "--out", dir.toString()));
        String printed = out;
        Path out = dir;
        for (String f : new String[] {"implant.nrrd", "implant.stl", "report.html"}) {
            assertTrue(f + " missing: " + out, Files.size(out.resolve(f)) > 0);
        }
        Mask truth = NrrdReader.readMask(sample.resolve("implant/024.nrrd"));
        double twoStep = dice(NrrdReader.readMask(out.resolve("implant.nrrd")), truth);
        double completion = dice(NrrdReader.readMask(out.resolve("predictions/completion/024.nrrd")), truth);
        assertEquals("two-step DSC on the sample", cardDsc("two-step"), twoStep, 0.005);
        assertEquals("completion DSC on the sample", cardDsc("completion"), completion, 0.005);
        assertTrue(printed, printed.contains(String.format(java.util.Locale.ROOT, "two-step (N1 + N2): DSC %.4f", twoStep)));
    }

    @Test
    public void damagedModelFilesAreRefusedByName() throws IOException {
        Path in = sample.resolve("defective_skull/024.nrrd");
        Path truncated = copyModels("truncated");
        byte[] n2 = Files.readAllBytes(truncated.resolve("n2.zip"));
        Files.write(truncated.resolve("n2.zip"), java.util.Arrays.copyOf(n2, n2.length / 2));
        assertRefused(truncated, in, "n2.zip");

        Path flipped = copyModels("flipped");
        byte[] n1 = Files.readAllBytes(flipped.resolve("n1.zip"));
        n1[n1.length / 2] ^= 0x5A; // inside the weights: the zip's CRC catches it
        Files.write(flipped.resolve("n1.zip"), n1);
        assertRefused(flipped, in, "n1.zip");

        Path missing = copyModels("missing");
        Files.delete(missing.resolve("n2.zip"));
        assertRefused(missing, in, "n2.zip");
    }

    private void assertRefused(Path set, Path in, String file) {
        Path out = set.resolve("out.nrrd");
        assertEquals(err, 1, run("predict", in.toString(), "--models", set.toString(), "--out", out.toString()));
        assertTrue(err, err.contains(file));
        assertFalse("a stack trace: " + err, err.contains("\tat "));
        assertFalse("output written from a damaged model", Files.exists(out));
    }

    private static Path copyModels(String name) throws IOException {
        Path d = Files.createDirectories(TMP.getRoot().toPath().resolve(name));
        for (Role r : Role.values()) {
            Files.copy(models.resolve(ModelSet.fileName(r)), d.resolve(ModelSet.fileName(r)));
        }
        return d;
    }

    private static double mean(ModelMetadata m, int from, int to) {
        return m.getLosses().subList(from, to).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    /** The DSC that models/README.md states on its line "Sample 024 … METHOD DSC x.xxxx". */
    static double cardDsc(String method) throws IOException {
        String card = Files.readString(models.resolve("README.md"));
        Matcher m = Pattern.compile("Sample 024.*?" + Pattern.quote(method) + " DSC (0\\.\\d{4})").matcher(card);
        assertTrue("models/README.md states no sample DSC for " + method, m.find());
        return Double.parseDouble(m.group(1));
    }

    /** Dice from the voxels themselves, not from the metrics code. */
    static double dice(Mask a, Mask b) {
        long both = 0, na = 0, nb = 0;
        byte[] x = a.data(), y = b.data();
        for (int i = 0; i < x.length; i++) {
            na += x[i] != 0 ? 1 : 0;
            nb += y[i] != 0 ? 1 : 0;
            both += x[i] != 0 && y[i] != 0 ? 1 : 0;
        }
        return na + nb == 0 ? 1 : 2.0 * both / (na + nb);
    }
}
