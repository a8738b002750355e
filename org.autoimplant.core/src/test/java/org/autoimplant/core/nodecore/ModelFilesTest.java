package org.autoimplant.core.nodecore;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.autoimplant.core.model.ImplantNetworks;
import org.autoimplant.core.model.ModelFile;
import org.autoimplant.core.model.ModelMetadata;
import org.autoimplant.core.model.NetworkSpec;
import org.autoimplant.core.model.Role;
import org.autoimplant.core.nodecore.modelio.ModelFiles;
import org.autoimplant.core.nodecore.modelio.ModelReaderSettings;
import org.autoimplant.core.nodecore.modelio.ModelWriterSettings;
import org.autoimplant.core.volume.Shape;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The Model Reader and Writer nodes' behaviour, without KNIME: complete checks, clear refusals, atomic copies. */
public class ModelFilesTest {
    @ClassRule
    public static TemporaryFolder tmp = new TemporaryFolder();
    private static Path model;

    @BeforeClass
    public static void smallModel() throws IOException {
        NetworkSpec spec = new NetworkSpec(Role.N2, new Shape(32, 32, 32), 0.25, 3, 1e-4, 0.3, 0);
        model = tmp.getRoot().toPath().resolve("n2.zip");
        ModelFile.save(ImplantNetworks.build(spec), ModelMetadata.of(spec, 20, "fp", "test"), model);
    }

    @Test
    public void readChecksTheWholeFileAndDescribesItFromTheMetadata() throws Exception {
        ModelReaderSettings s = new ModelReaderSettings(model.toString());
        assertEquals(Role.N2, ModelFiles.describe(s, PathResolver.LOCAL).role());
        ModelFiles.Checked c = ModelFiles.read(s, PathResolver.LOCAL);
        assertEquals(model, c.file());
        assertEquals(20, c.metadata().getMargin());
    }

    @Test
    public void truncatedOrCorruptFilesAreRefusedByName() throws Exception {
        byte[] whole = Files.readAllBytes(model);
        Path cut = tmp.getRoot().toPath().resolve("cut.zip");
        Files.write(cut, Arrays.copyOf(whole, whole.length / 2));
        IOException e = assertThrows(IOException.class, () -> ModelFiles.read(new ModelReaderSettings(cut.toString()),
                PathResolver.LOCAL));
        assertTrue(e.getMessage(), e.getMessage().startsWith(cut + ": "));
        // Flip bytes inside the weights: the zip's directory is intact, the entry's checksum is not.
        Path flipped = tmp.getRoot().toPath().resolve("flipped.zip");
        byte[] copy = whole.clone();
        int at = indexOf(copy, "coefficients.bin".getBytes()) + 200;
        for (int i = at; i < at + 64; i++) {
            copy[i] ^= 0x5A;
        }
        Files.write(flipped, copy);
        IOException f = assertThrows(IOException.class, () -> ModelFile.verify(flipped));
        assertTrue(f.getMessage(), f.getMessage().startsWith(flipped + ": corrupt model file"));
        Path notModel = tmp.getRoot().toPath().resolve("notes.zip");
        Files.writeString(notModel, "hello");
        assertThrows(IOException.class, () -> ModelFiles.describe(new ModelReaderSettings(notModel.toString()),
                PathResolver.LOCAL));
        NodeSettingsException empty = assertThrows(NodeSettingsException.class,
                () -> ModelFiles.describe(new ModelReaderSettings(" "), PathResolver.LOCAL));
        assertEquals("Choose the AutoImplant model file (.zip) to read", empty.getMessage());
    }

    @Test
    public void writeCopiesAtomicallyAndHonoursTheExistingFilePolicy() throws Exception {
        Path target = tmp.newFolder("w").toPath().resolve("copy.zip");
        assertTrue(ModelFiles.write(model, ModelFiles.target(new ModelWriterSettings(target.toString(), IfExists.FAIL, false),
                PathResolver.LOCAL), IfExists.FAIL));
        assertEquals(Files.size(model), Files.size(target));
        assertThrows(IOException.class, () -> ModelFiles.target(new ModelWriterSettings(target.toString(),
                IfExists.FAIL, false), PathResolver.LOCAL));
        Files.writeString(target, "older");
        assertFalse(ModelFiles.write(model, target, IfExists.SKIP));
        assertEquals("older", Files.readString(target));
        assertTrue(ModelFiles.write(model, target, IfExists.OVERWRITE));
        ModelFile.verify(target);
        IOException self = assertThrows(IOException.class, () -> ModelFiles.write(model, model, IfExists.OVERWRITE));
        assertTrue(self.getMessage(), self.getMessage().contains("is the model's own file"));
        IOException noDir = assertThrows(IOException.class, () -> ModelFiles.target(new ModelWriterSettings(
                target.resolveSibling("missing/x.zip").toString(), IfExists.FAIL, false), PathResolver.LOCAL));
        assertTrue(noDir.getMessage(), noDir.getMessage().contains("does not exist"));
        Path made = ModelFiles.target(new ModelWriterSettings(target.resolveSibling("made/x.zip").toString(),
                IfExists.FAIL, true), PathResolver.LOCAL);
        assertTrue(Files.isDirectory(made.getParent()));
    }

    private static int indexOf(byte[] a, byte[] b) {
        outer:
        for (int i = 0; i + b.length <= a.length; i++) {
            for (int k = 0; k < b.length; k++) {
                if (a[i + k] != b[k]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
