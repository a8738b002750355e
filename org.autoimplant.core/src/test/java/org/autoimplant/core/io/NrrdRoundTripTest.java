package org.autoimplant.core.io;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;

import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.autoimplant.core.testing.TestVolumes;
import org.autoimplant.core.volume.Geometry;
import org.autoimplant.core.volume.Mask;
import org.autoimplant.core.volume.Metadata;
import org.autoimplant.core.volume.Shape;
import org.autoimplant.core.volume.Volume;
import org.autoimplant.core.volume.VoxelType;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Property tests: whatever we write, we read back identically (values, geometry, metadata). */
public class NrrdRoundTripTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void randomVolumesSurviveEveryEncoding() throws Exception {
        Random r = new Random(1234);
        for (int trial = 0; trial < 150; trial++) {
            VoxelType t = VoxelType.values()[r.nextInt(VoxelType.values().length)];
            NrrdEncoding e = NrrdEncoding.values()[r.nextInt(NrrdEncoding.values().length)];
            ByteOrder o = r.nextBoolean() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
            Shape s = new Shape(1 + r.nextInt(9), 1 + r.nextInt(9), 1 + r.nextInt(9));
            Geometry g = switch (r.nextInt(3)) {
                case 0 -> TestVolumes.tiltedLps(r);
                case 1 -> Geometry.ofSpacings(0.1 + r.nextDouble(), 0.1 + r.nextDouble(), 0.1 + r.nextDouble());
                default -> Geometry.unknown();
            };
            Metadata m = new Metadata(Map.of("key " + trial, "line1\nline2 \\ := odd"),
                    Map.of("labels", List.of("x", "y axis", "quote\"z")), Map.of("content", "trial " + trial));
            Volume v = new Volume(s, TestVolumes.randomData(t, s.voxelCount(), r, true), g, m);
            String name = "v" + trial + "-" + t.id() + "-" + e.headerName() + (r.nextBoolean() ? ".nhdr" : ".nrrd");
            Path f = tmp.getRoot().toPath().resolve(name);
            NrrdWriter.write(v, f, new NrrdWriteOptions(e, o, 1 + r.nextInt(9)));
            Volume back = NrrdReader.read(f);
            TestVolumes.assertSameVoxels(name, v.data(), back.data());
            assertEquals(name, s, back.shape());
            assertEquals(name, g, back.geometry());
            Map<String, List<String>> axes = back.metadata().axisFields();
            assertEquals(name, m.keyValues(), back.metadata().keyValues());
            assertEquals(name, List.of("x", "y axis", "quote\"z"), axes.get("labels"));
            assertEquals(name, "trial " + trial, back.metadata().fields().get("content"));
            Mask mask = NrrdReader.readMask(f);
            for (int i = 0; i < s.voxelCount(); i++) {
                assertEquals(name + " mask voxel " + i, v.data().getDouble(i) > 0 ? 1 : 0, mask.data()[i]);
            }
        }
    }

    @Test
    public void writingLeavesNoTemporaryFiles() throws Exception {
        Path dir = tmp.newFolder().toPath();
        Volume v = TestVolumes.random(VoxelType.INT16, new Shape(4, 4, 4), Geometry.unknown(), new Random(1));
        NrrdWriter.write(v, dir.resolve("a.nrrd"));
        NrrdWriter.write(v, dir.resolve("b.nhdr"));
        NrrdWriter.write(v, dir.resolve("a.nrrd"));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("a.nrrd", "b.nhdr", "b.raw.gz"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    public void failedWriteKeepsThePreviousFileAndLeavesNoTemporary() throws Exception {
        Path dir = tmp.newFolder().toPath();
        Path f = dir.resolve("keep.nrrd");
        Files.writeString(f, "previous content");
        try {
            AtomicFiles.write(f, out -> {
                out.write(new byte[100_000]);
                throw new java.io.IOException("disk full (simulated)");
            });
        } catch (java.io.IOException expected) {
            assertEquals(f + ": cannot write (disk full (simulated))", expected.getMessage());
        }
        assertEquals("previous content", Files.readString(f));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
    }

    @Test
    public void maskIsWrittenAsUnsignedCharAndReadBack() throws Exception {
        Mask m = Mask.empty(new Shape(5, 6, 7), Geometry.ofSpacings(0.5, 0.5, 1));
        m.set(1, 2, 3, true);
        m.set(4, 5, 6, true);
        Path f = tmp.getRoot().toPath().resolve("m.nrrd");
        NrrdWriter.write(m, f);
        assertEquals(VoxelType.UINT8, NrrdReader.readHeader(f).type());
        Mask back = NrrdReader.readMask(f);
        assertArrayEquals(m.data(), back.data());
        assertFalse(back.get(0, 0, 0));
        assertEquals(2, back.count());
        assertArrayEquals(new double[] {0.5, 0.5, 1}, back.geometry().spacings(), 0);
    }
}
