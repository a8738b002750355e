package org.autoimplant.core.io;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Output checks before work starts, and write failures that name the real output. */
public class OutputsTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void outputsAreComparedAsRealPaths() throws Exception {
        Path dir = tmp.newFolder("d").toPath();
        Path in = Files.writeString(dir.resolve("a.nrrd"), "x");
        Files.createSymbolicLink(dir.resolve("alias.nrrd"), in);
        Path sub = Files.createDirectory(dir.resolve("sub"));
        for (Path sameFile : new Path[] {in, dir.resolve("alias.nrrd"), sub.resolve("../a.nrrd"),
            Path.of(".").toAbsolutePath().relativize(in.toAbsolutePath())}) {
            IOException e = assertThrows(IOException.class, () -> Outputs.check(List.of(in), List.of(sameFile)));
            assertTrue(e.getMessage(), e.getMessage().contains("is the input"));
        }
        Outputs.check(List.of(in), List.of(dir.resolve("b.nrrd"), dir.resolve("new/c.nrrd")));
    }

    @Test
    public void detachedHeadersCountWithTheirDataFiles() throws Exception {
        Path dir = tmp.newFolder("n").toPath();
        Path header = dir.resolve("v.nhdr");
        Files.writeString(header, "NRRD0004\ntype: uchar\ndimension: 3\nsizes: 1 1 1\nencoding: raw\ndata file: v.raw\n");
        Files.write(dir.resolve("v.raw"), new byte[1]);
        IOException e = assertThrows(IOException.class, () -> Outputs.check(List.of(header), List.of(dir.resolve("v.raw"))));
        assertTrue(e.getMessage(), e.getMessage().contains("v.raw: is the input"));
        IOException twice = assertThrows(IOException.class, () -> Outputs.check(List.of(),
                List.of(dir.resolve("w.nhdr"), dir.resolve("w.raw.gz"))));
        assertTrue(twice.getMessage(), twice.getMessage().contains("written twice"));
    }

    @Test
    public void outputFoldersMustBeUsable() throws Exception {
        Path file = tmp.newFile("plain.txt").toPath();
        IOException e = assertThrows(IOException.class, () -> Outputs.check(List.of(), List.of(file.resolve("x.nrrd"))));
        assertTrue(e.getMessage(), e.getMessage().contains("is a file, not a folder"));
        Path folder = tmp.newFolder("f").toPath();
        IOException f = assertThrows(IOException.class, () -> Outputs.check(List.of(), List.of(folder)));
        assertTrue(f.getMessage(), f.getMessage().contains("is a folder; name a file"));
    }

    @Test
    public void aFailedWriteNamesTheOutputNotItsTemporary() throws Exception {
        Path target = tmp.getRoot().toPath().resolve("out.nrrd");
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
            out.write(1);
            throw new java.nio.file.FileSystemException(target.resolveSibling(".out.nrrd.tmp-0badc0de").toString(), null,
                    "No space left on device");
        }));
        assertEquals(target + ": cannot write (No space left on device)", e.getMessage());
        assertFalse(e.getMessage().contains(".tmp-"));
        try (var s = Files.list(tmp.getRoot().toPath())) {
            assertEquals("no temporary left behind", 0, s.count());
        }
    }
}
