package org.autoimplant.core.nodecore;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.autoimplant.core.io.NrrdEncoding;
import org.autoimplant.core.io.NrrdReader;
import org.autoimplant.core.io.NrrdWriter;
import org.autoimplant.core.nodecore.nrrdreader.NrrdReaderCore;
import org.autoimplant.core.nodecore.nrrdreader.NrrdReaderSettings;
import org.autoimplant.core.nodecore.nrrdreader.NrrdReaderSettings.ReadAs;
import org.autoimplant.core.nodecore.nrrdreader.NrrdReaderSettings.Source;
import org.autoimplant.core.nodecore.nrrdwriter.NrrdWriterCore;
import org.autoimplant.core.nodecore.nrrdwriter.NrrdWriterSettings;
import org.autoimplant.core.util.Progress;
import org.autoimplant.core.volume.Geometry;
import org.autoimplant.core.volume.Mask;
import org.autoimplant.core.volume.Shape;
import org.autoimplant.core.volume.Volume;
import org.autoimplant.core.volume.VoxelType;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The NRRD Reader and Writer nodes' behaviour, without KNIME. */
public class NrrdNodeCoresTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private static Mask mask(int seed) {
        Mask m = Mask.empty(new Shape(6, 5, 4), Geometry.ofSpacings(0.5, 0.6, 1.5));
        for (int i = 0; i < 7 + seed; i++) {
            m.data()[(i * 7 + seed) % m.data().length] = 1;
        }
        return m;
    }

    @Test
    public void folderSourceListsMatchingVolumeFilesOnlyWithUniqueIds() throws Exception {
        Path dir = tmp.newFolder("in").toPath();
        NrrdWriter.write(mask(1), dir.resolve("a.nrrd"));
        NrrdWriter.write(mask(2), dir.resolve("B.NRRD"));
        NrrdWriter.write(mask(3), dir.resolve(".hidden.nrrd"));
        NrrdWriter.write(mask(3), dir.resolve("._a.nrrd"));
        Files.createDirectory(dir.resolve("folder.nrrd"));
        Files.writeString(dir.resolve("notes.txt"), "x");
        Files.createDirectory(dir.resolve("sub"));
        NrrdWriter.write(mask(4), dir.resolve("sub/a.nrrd"));
        NrrdReaderSettings flat = new NrrdReaderSettings(Source.FOLDER, List.of(), dir.toString(), null, false, ReadAs.MASK);
        List<String> ids = NrrdReaderCore.plan(flat, PathResolver.LOCAL).rows().stream().map(NrrdReaderCore.Row::id).toList();
        assertEquals(List.of("B", "a"), ids);
        NrrdReaderSettings deep = new NrrdReaderSettings(Source.FOLDER, List.of(), dir.toString(), null, true, ReadAs.MASK);
        ids = NrrdReaderCore.plan(deep, PathResolver.LOCAL).rows().stream().map(NrrdReaderCore.Row::id).toList();
        assertEquals(List.of("B", "a", "sub/a"), ids);
        NrrdReaderSettings some = new NrrdReaderSettings(Source.FOLDER, List.of(), dir.toString(), "b*", false, ReadAs.MASK);
        assertEquals(1, NrrdReaderCore.plan(some, PathResolver.LOCAL).rows().size());
        NrrdReaderSettings none = new NrrdReaderSettings(Source.FOLDER, List.of(), dir.toString(), "z*", false, ReadAs.MASK);
        IOException e = assertThrows(IOException.class, () -> NrrdReaderCore.plan(none, PathResolver.LOCAL));
        assertTrue(e.getMessage(), e.getMessage().contains("no NRRD files matching 'z*'"));
    }

    @Test
    public void filesSourceKeepsOrderAndMakesRepeatedNamesUnique() throws Exception {
        Path a = tmp.newFolder("x").toPath().resolve("case.nrrd");
        Path b = tmp.newFolder("y").toPath().resolve("case.nrrd");
        NrrdWriter.write(mask(1), a);
        NrrdWriter.write(mask(2), b);
        NrrdReaderSettings s = new NrrdReaderSettings(Source.FILES, List.of(b.toString(), a.toString()), "", null, false,
                ReadAs.MASK);
        NrrdReaderCore.Plan p = NrrdReaderCore.plan(s, PathResolver.LOCAL);
        assertEquals(List.of("case", "case (2)"), p.rows().stream().map(NrrdReaderCore.Row::id).toList());
        assertEquals(b, p.rows().get(0).files().get(0));
        List<Volume> read = new ArrayList<>();
        assertEquals(2, NrrdReaderCore.execute(s, p, (row, v) -> read.add(v.get(0)), Progress.NONE));
        assertArrayEquals(mask(2).data(), read.get(0).toMask().data());
        NrrdReaderSettings missing = new NrrdReaderSettings(Source.FILES, List.of(a + "-gone"), "", null, false,
                ReadAs.MASK);
        IOException e = assertThrows(IOException.class, () -> NrrdReaderCore.plan(missing, PathResolver.LOCAL));
        assertEquals(a + "-gone: file does not exist", e.getMessage());
    }

    @Test
    public void pairedSourceGivesOneRowPerCaseWithTheFoldersPresent() throws Exception {
        Path root = tmp.newFolder("ds").toPath();
        for (String f : new String[] {"defective_skull", "implant"}) {
            Files.createDirectories(root.resolve(f));
            NrrdWriter.write(mask(1), root.resolve(f).resolve("001.nrrd"));
            NrrdWriter.write(mask(2), root.resolve(f).resolve("000.nrrd"));
        }
        NrrdReaderSettings s = new NrrdReaderSettings(Source.PAIRED, List.of(), root.toString(), null, false, ReadAs.MASK);
        assertEquals(List.of("Defective skull", "Implant"), NrrdReaderCore.columns(s, PathResolver.LOCAL));
        NrrdReaderCore.Plan p = NrrdReaderCore.plan(s, PathResolver.LOCAL);
        assertEquals(List.of("000", "001"), p.rows().stream().map(NrrdReaderCore.Row::id).toList());
        List<String> seen = new ArrayList<>();
        NrrdReaderCore.execute(s, p, (row, v) -> seen.add(row.id() + ":" + v.size()), Progress.NONE);
        assertEquals(List.of("000:2", "001:2"), seen);
        // A case whose files disagree in sizes is refused by name.
        NrrdWriter.write(Mask.empty(new Shape(3, 3, 3), Geometry.ofSpacings(1, 1, 1)), root.resolve("implant/001.nrrd"));
        IOException e = assertThrows(IOException.class, () -> NrrdReaderCore.execute(s, p, (row, v) -> { }, Progress.NONE));
        assertTrue(e.getMessage(), e.getMessage().contains("001.nrrd") && e.getMessage().contains("sizes"));
        NrrdReaderSettings noDataset = new NrrdReaderSettings(Source.PAIRED, List.of(), root.resolve("implant").toString(),
                null, false, ReadAs.MASK);
        NodeSettingsException ns = assertThrows(NodeSettingsException.class,
                () -> NrrdReaderCore.columns(noDataset, PathResolver.LOCAL));
        assertTrue(ns.getMessage(), ns.getMessage().contains("has no defective_skull/ folder"));
    }

    @Test
    public void readerCancelsBetweenRows() throws Exception {
        Path dir = tmp.newFolder("c").toPath();
        for (int i = 0; i < 3; i++) {
            NrrdWriter.write(mask(i), dir.resolve(i + ".nrrd"));
        }
        NrrdReaderSettings s = new NrrdReaderSettings(Source.FOLDER, List.of(), dir.toString(), null, false, ReadAs.MASK);
        int[] rows = {0};
        Progress cancelAfterOne = new Progress() {
            @Override
            public void start(String task, long total) {
            }

            @Override
            public void update(long done, String message) {
            }

            @Override
            public void checkCancelled() {
                if (rows[0] == 1) {
                    throw new CancelledException();
                }
            }
        };
        assertThrows(Progress.CancelledException.class, () -> NrrdReaderCore.execute(s, NrrdReaderCore.plan(s,
                PathResolver.LOCAL), (row, v) -> rows[0]++, cancelAfterOne));
        assertEquals(1, rows[0]);
    }

    @Test
    public void keepTypeReadsTheFilesOwnValues() throws Exception {
        Volume ct = Volume.allocate(new Shape(3, 2, 2), VoxelType.INT16, Geometry.ofSpacings(1, 1, 1));
        ct.set(1, 1, 1, -1000);
        ct.set(2, 0, 0, 1500);
        Path f = tmp.newFile("ct.nrrd").toPath();
        NrrdWriter.write(ct, f);
        Volume v = NrrdReaderCore.read(f, ReadAs.KEEP_TYPE);
        assertEquals(VoxelType.INT16, v.type());
        assertEquals(-1000, v.get(1, 1, 1), 0);
        Volume m = NrrdReaderCore.read(f, ReadAs.MASK);
        assertEquals(VoxelType.UINT8, m.type());
        assertEquals(0, m.get(1, 1, 1), 0);
        assertEquals(1, m.get(2, 0, 0), 0);
    }

    @Test
    public void writerFileNamesAreSafe() throws Exception {
        assertEquals("a_b_c.nrrd", NrrdWriterCore.fileName(" a/b:c "));
        assertEquals("x.NRRD", NrrdWriterCore.fileName("x.NRRD"));
        assertEquals("y.nhdr", NrrdWriterCore.fileName("y.nhdr"));
        assertThrows(NodeSettingsException.class, () -> NrrdWriterCore.fileName(".."));
        assertThrows(NodeSettingsException.class, () -> NrrdWriterCore.fileName("  "));
    }

    @Test
    public void writerRefusesCollisionsAndExistingFilesBeforeWritingAnything() throws Exception {
        Path out = tmp.newFolder("out").toPath();
        NrrdWriterSettings fail = new NrrdWriterSettings("v", out.toString(), "", NrrdEncoding.GZIP, IfExists.FAIL, false);
        IOException twice = assertThrows(IOException.class, () -> NrrdWriterCore.plan(fail, PathResolver.LOCAL,
                List.of("r1", "r2"), List.of("Case", "case")));
        assertTrue(twice.getMessage(), twice.getMessage().startsWith("Rows 'r1' and 'r2' would both write"));
        Files.writeString(out.resolve("b.nrrd"), "old");
        IOException exists = assertThrows(IOException.class, () -> NrrdWriterCore.plan(fail, PathResolver.LOCAL,
                List.of("a", "b"), List.of("a", "b")));
        assertTrue(exists.getMessage(), exists.getMessage().contains("b.nrrd: already exists (row 'b')"));
        assertFalse("nothing may be written when planning fails", Files.exists(out.resolve("a.nrrd")));
        NrrdWriterSettings noFolder = new NrrdWriterSettings("v", out.resolve("new/deeper").toString(), "",
                NrrdEncoding.GZIP, IfExists.FAIL, false);
        assertThrows(IOException.class, () -> NrrdWriterCore.plan(noFolder, PathResolver.LOCAL, List.of("a"),
                List.of("a")));
        NrrdWriterSettings create = new NrrdWriterSettings("v", out.resolve("new/deeper").toString(), "",
                NrrdEncoding.GZIP, IfExists.FAIL, true);
        assertEquals(1, NrrdWriterCore.plan(create, PathResolver.LOCAL, List.of("a"), List.of("a")).size());
        assertTrue(Files.isDirectory(out.resolve("new/deeper")));
    }

    @Test
    public void writerSkipsOrOverwritesAsAskedAndWritesReadableFiles() throws Exception {
        Path out = tmp.newFolder("w").toPath();
        Files.writeString(out.resolve("b.nrrd"), "old");
        List<Mask> masks = List.of(mask(1), mask(2));
        for (IfExists policy : new IfExists[] {IfExists.SKIP, IfExists.OVERWRITE}) {
            NrrdWriterSettings s = new NrrdWriterSettings("v", out.toString(), "", NrrdEncoding.BZIP2, policy, false);
            List<FileTargets.Target> t = NrrdWriterCore.plan(s, PathResolver.LOCAL, List.of("a", "b"),
                    List.of("a", "b"));
            List<String> outcomes = new ArrayList<>();
            int written = FileTargets.write(t, s.ifExists(), (i, target) -> {
                NrrdWriterCore.write(s, masks.get(i).asVolume(), target.file());
                return true;
            }, (target, o) -> outcomes.add(target.rowId() + " " + o), Progress.NONE);
            if (policy == IfExists.SKIP) {
                assertEquals(List.of("a WRITTEN", "b SKIPPED"), outcomes);
                assertEquals(1, written);
                assertEquals("old", Files.readString(out.resolve("b.nrrd")));
            } else {
                assertEquals(List.of("a OVERWRITTEN", "b OVERWRITTEN"), outcomes);
                assertArrayEquals(masks.get(1).data(), NrrdReader.readMask(out.resolve("b.nrrd")).data());
                assertEquals(masks.get(1).geometry(), NrrdReader.readMask(out.resolve("b.nrrd")).geometry());
                assertEquals("bzip2", NrrdReader.readHeader(out.resolve("b.nrrd")).encoding().headerName());
            }
        }
    }
}
