package org.autoimplant.core.io.dicom;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.autoimplant.core.util.Progress;
import org.autoimplant.core.volume.Shape;
import org.autoimplant.core.volume.ShortVoxels;
import org.autoimplant.core.volume.Volume;
import org.autoimplant.core.volume.VoxelType;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.nd4j.shade.jackson.databind.JsonNode;
import org.nd4j.shade.jackson.databind.ObjectMapper;

/**
 * The DICOM reader against independent truth: a synthetic oblique CT series written by pydicom
 * (values a known function of the voxel index, files shuffled and renamed, Instance Numbers out of
 * order, Slice Thickness not the spacing), transcoded by dcmtk and gdcm into every transfer syntax
 * we support and read back equal voxel for voxel and in geometry; enhanced multi-frame, gantry
 * tilt, several series in a folder, a missing or duplicated slice; pydicom's own test files read
 * with the values pydicom gives; truncated files refused naming the file.
 */
public class DicomReaderTest {
    @ClassRule
    public static TemporaryFolder tmp = new TemporaryFolder();

    private static Path original;
    private static JsonNode truth;

    @BeforeClass
    public static void series() throws Exception {
        original = tmp.getRoot().toPath().resolve("explicit");
        truth = new ObjectMapper().readTree(DicomTools.makeSeries(original));
    }

    static int hu(int i, int j, int k) {
        return ((7 * i + 13 * j + 31 * k) % 2001) - 1000;
    }

    /** {@code v} is the synthetic series: sizes, LPS frame (to 1e-6 mm), every voxel's HU. */
    static void assertSynthetic(Volume v, JsonNode t, String what) {
        assertEquals(what, new Shape(t.get("sizes").get(0).asInt(), t.get("sizes").get(1).asInt(),
                t.get("sizes").get(2).asInt()), v.shape());
        assertEquals(what, VoxelType.INT16, v.type());
        assertEquals(what, "left-posterior-superior", v.geometry().space());
        for (int a = 0; a < 3; a++) {
            double[] d = v.geometry().direction(a);
            for (int c = 0; c < 3; c++) {
                assertEquals(what + " direction " + a, t.get("directions").get(a).get(c).asDouble(), d[c], 1e-6);
            }
            assertEquals(what + " origin", t.get("origin").get(a).asDouble(), v.geometry().origin()[a], 1e-6);
        }
        short[] s = ((ShortVoxels) v.data()).data();
        Shape sh = v.shape();
        for (int k = 0; k < sh.nz(); k++) {
            for (int j = 0; j < sh.ny(); j++) {
                for (int i = 0; i < sh.nx(); i++) {
                    int got = s[(k * sh.ny() + j) * sh.nx() + i];
                    if (got != hu(i, j, k)) {
                        throw new AssertionError(what + ": voxel (" + i + "," + j + "," + k + ") is " + got + ", not "
                                + hu(i, j, k));
                    }
                }
            }
        }
    }

    private static Volume read(Path p) throws Exception {
        return DicomVolumes.read(p, null, Progress.NONE).volume();
    }

    @Test
    public void theOriginalSeriesReadsAsWritten() throws Exception {
        DicomVolumes.Read r = DicomVolumes.read(original, null, Progress.NONE);
        assertSynthetic(r.volume(), truth, "explicit VR little endian");
        assertEquals(truth.get("series").asText(), r.series().uid());
        assertEquals("CT", r.volume().metadata().keyValues().get("dicom_modality"));
    }

    @Test
    public void everySupportedTransferSyntaxReadsBackTheOriginal() throws Exception {
        DicomTools.require("dcmconv", "dcmtk");
        DicomTools.require("gdcmconv", "libgdcm-tools");
        String[][] syntaxes = {
            {"implicit VR LE (dcmtk)", "dcmconv", "+ti"},
            {"explicit VR big endian (dcmtk)", "dcmconv", "+tb"},
            {"deflated explicit VR LE (dcmtk)", "dcmconv", "+td"},
            {"RLE lossless (dcmtk)", "dcmcrle"},
            {"RLE lossless (gdcm)", "gdcmconv", "--rle"},
            {"JPEG lossless SV1 (dcmtk)", "dcmcjpeg", "+e1"},
            {"JPEG lossless process 14, selection value 6 (dcmtk)", "dcmcjpeg", "+el", "+sv", "6"},
            {"JPEG lossless (gdcm)", "gdcmconv", "--jpeg"},
            {"JPEG 2000 lossless (gdcm)", "gdcmconv", "--j2k"},
            {"implicit VR LE (gdcm)", "gdcmconv", "--implicit"},
        };
        int n = 0;
        for (String[] s : syntaxes) {
            Path dir = tmp.getRoot().toPath().resolve("syntax-" + n++);
            DicomTools.transcode(original, dir, java.util.Arrays.copyOfRange(s, 1, s.length));
            assertSynthetic(read(dir), truth, s[0]);
        }
    }

    /** {@code in}'s files without preamble and meta information: a bare dataset, as old archives hold them. */
    private static void stripMeta(Path in, Path out) throws Exception {
        Files.createDirectories(out);
        try (var files = Files.list(in)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                byte[] b = Files.readAllBytes(f);
                java.nio.ByteBuffer bb = java.nio.ByteBuffer.wrap(b).order(java.nio.ByteOrder.LITTLE_ENDIAN);
                assertEquals("meta group length first", 0x0002, bb.getShort(132));
                int end = 132 + 12 + bb.getInt(140);
                Files.write(out.resolve(f.getFileName()), java.util.Arrays.copyOfRange(b, end, b.length));
            }
        }
    }

    @Test
    public void bareDatasetsWithoutPreambleOrMetaInformation() throws Exception {
        Path explicit = tmp.getRoot().toPath().resolve("bare-explicit");
        stripMeta(original, explicit);
        assertSynthetic(read(explicit), truth, "bare explicit VR little endian");
        DicomTools.require("dcmconv", "dcmtk");
        Path implicit = tmp.getRoot().toPath().resolve("implicit-for-bare");
        DicomTools.transcode(original, implicit, "dcmconv", "+ti");
        Path bare = tmp.getRoot().toPath().resolve("bare-implicit");
        stripMeta(implicit, bare);
        assertSynthetic(read(bare), truth, "bare implicit VR little endian");
    }

    @Test
    public void jpegLsIsRefusedByNameWithTheFile() throws Exception {
        DicomTools.require("dcmcjpls", "dcmtk");
        Path dir = tmp.getRoot().toPath().resolve("jpeg-ls");
        DicomTools.transcode(original, dir, "dcmcjpls");
        DicomFormatException e = assertThrows(DicomFormatException.class, () -> read(dir));
        assertTrue(e.getMessage(), e.getMessage().startsWith(dir.toString()));
        assertTrue(e.getMessage(), e.getMessage().contains("JPEG-LS Lossless (1.2.840.10008.1.2.4.80)")
                && e.getMessage().contains("cannot decode"));
    }

    @Test
    public void enhancedMultiFrameAndGantryTilt() throws Exception {
        Path enhanced = tmp.getRoot().toPath().resolve("enhanced");
        JsonNode t = new ObjectMapper().readTree(DicomTools.makeSeries(enhanced, "--enhanced"));
        assertSynthetic(read(enhanced), t, "enhanced CT, one multi-frame file");
        assertSynthetic(read(enhanced.resolve("enhanced.dcm")), t, "the file itself");

        Path tilted = tmp.getRoot().toPath().resolve("tilted");
        JsonNode tt = new ObjectMapper().readTree(DicomTools.makeSeries(tilted, "--tilt", "15", "--uid-seed", "5"));
        DicomVolumes.Read r = DicomVolumes.read(tilted, null, Progress.NONE);
        assertSynthetic(r.volume(), tt, "gantry tilt 15°");
        assertTrue(String.join("; ", r.notes()), r.notes().stream().anyMatch(s -> s.startsWith("gantry tilt 15.00°")));
    }

    @Test
    public void aFolderOfSeveralSeriesAndOtherFilesGivesTheLargestCtUnlessAskedOtherwise() throws Exception {
        Path mixed = tmp.getRoot().toPath().resolve("mixed");
        DicomTools.makeSeries(mixed.resolve("a/b"), "--series-number", "3", "--uid-seed", "7");
        DicomTools.makeSeries(mixed.resolve("c"), "--series-number", "4", "--uid-seed", "7", "--slices", "5");
        DicomTools.makeSeries(mixed.resolve("d"), "--series-number", "9", "--uid-seed", "7", "--slices", "20",
                "--modality", "MR");
        Files.writeString(mixed.resolve("notes.txt"), "not DICOM");
        Files.write(mixed.resolve("c/empty"), new byte[0]);
        DicomVolumes.Read r = DicomVolumes.read(mixed, null, Progress.NONE);
        assertEquals(3, r.series().number());
        assertEquals(12, r.volume().shape().nz());
        String notes = String.join("; ", r.notes());
        assertTrue(notes, notes.contains("of 3 series") && notes.contains("2 non-DICOM file(s) skipped"));
        assertEquals(5, DicomVolumes.read(mixed, "4", Progress.NONE).volume().shape().nz());
        assertEquals(20, DicomVolumes.read(mixed, "9", Progress.NONE).volume().shape().nz());
        DicomFormatException e = assertThrows(DicomFormatException.class, () -> DicomVolumes.read(mixed, "77",
                Progress.NONE));
        assertTrue(e.getMessage(), e.getMessage().contains("no series 77; found: CT series 3"));
        DicomFormatException noCt = assertThrows(DicomFormatException.class, () -> read(mixed.resolve("d")));
        assertTrue(noCt.getMessage(), noCt.getMessage().contains("no CT series here; found: MR series 9"));
    }

    /** The file of slice {@code k} (positions ordered along the normal), found by our own parser. */
    private static Path sliceFile(Path dir, int k) throws Exception {
        List<Path> files;
        try (var s = Files.list(dir)) {
            files = s.sorted().toList();
        }
        double[] origin = {truth.get("origin").get(0).asDouble(), truth.get("origin").get(1).asDouble(),
            truth.get("origin").get(2).asDouble()};
        for (Path f : files) {
            double[] p = DicomParser.read(f).data().doubles(Tags.IMAGE_POSITION_PATIENT);
            double[] step = new double[3];
            for (int c = 0; c < 3; c++) {
                step[c] = truth.get("directions").get(2).get(c).asDouble();
            }
            if (Math.abs(p[0] - origin[0] - k * step[0]) + Math.abs(p[1] - origin[1] - k * step[1])
                    + Math.abs(p[2] - origin[2] - k * step[2]) < 1e-6) {
                return f;
            }
        }
        throw new AssertionError("no slice " + k);
    }

    @Test
    public void missingAndDuplicatedSlicesAreErrorsThatSayWhere() throws Exception {
        Path gap = tmp.getRoot().toPath().resolve("gap");
        DicomTools.transcode(original, gap, "cp");
        Path fifth = sliceFile(gap, 5);
        Files.delete(fifth);
        DicomFormatException e = assertThrows(DicomFormatException.class, () -> read(gap));
        assertTrue(e.getMessage(), e.getMessage().contains("uneven slice spacing: 1.25 mm between most slices but 2.5"
                + " mm between") && e.getMessage().contains("(a missing slice?)"));

        Path twice = tmp.getRoot().toPath().resolve("twice");
        DicomTools.transcode(original, twice, "cp");
        Files.copy(sliceFile(twice, 3), twice.resolve("copy-of-slice-3"));
        DicomFormatException d = assertThrows(DicomFormatException.class, () -> read(twice));
        assertTrue(d.getMessage(), d.getMessage().contains("lie at the same position")
                && d.getMessage().contains("copy-of-slice-3"));
    }

    @Test
    public void truncatedFilesAndShortPixelDataAreRefusedNamingTheFile() throws Exception {
        Path one = tmp.getRoot().toPath().resolve("one");
        DicomTools.transcode(original, one, "cp");
        Path f = sliceFile(one, 0);
        byte[] b = Files.readAllBytes(f);
        Path cut = tmp.getRoot().toPath().resolve("cut.dcm");
        Files.write(cut, java.util.Arrays.copyOf(b, b.length - 100));
        DicomFormatException t = assertThrows(DicomFormatException.class, () -> read(cut));
        assertTrue(t.getMessage(), t.getMessage().startsWith(cut + ": truncated"));
        Path header = tmp.getRoot().toPath().resolve("header.dcm");
        Files.write(header, java.util.Arrays.copyOf(b, 400));
        DicomFormatException h = assertThrows(DicomFormatException.class, () -> read(header));
        assertTrue(h.getMessage(), h.getMessage().startsWith(header + ": truncated"));
        // A header that promises more pixels than the file holds (rows doubled by pydicom, data unchanged).
        Path promised = tmp.getRoot().toPath().resolve("promised.dcm");
        DicomTools.ok(DicomTools.python(), "-c", "import sys, pydicom; d = pydicom.dcmread(sys.argv[1]);"
                + " d.Rows = d.Rows * 2; d.save_as(sys.argv[2])", f.toString(), promised.toString());
        DicomFormatException p = assertThrows(DicomFormatException.class, () -> read(promised));
        assertTrue(p.getMessage(), p.getMessage().startsWith(promised + ": its pixel data holds 2560 bytes, but 64"
                + " rows × 40 columns × 1 frame(s) × 16 bits need 5120"));
        Path notDicom = tmp.getRoot().toPath().resolve("x.dcm");
        Files.writeString(notDicom, "hello, this is not a DICOM file at all, but it is long enough to be read");
        DicomFormatException n = assertThrows(DicomFormatException.class, () -> read(notDicom));
        assertTrue(n.getMessage(), n.getMessage().contains("not a DICOM file"));
    }

    @Test
    public void pydicomsTestFilesReadWithTheValuesPydicomGives() throws Exception {
        String py = DicomTools.python();
        String[] names = {"CT_small.dcm", "MR_small.dcm", "MR_small_implicit.dcm", "MR_small_bigendian.dcm",
            "MR_small_expb.dcm", "MR_small_RLE.dcm", "MR_small_padded.dcm", "ExplVR_LitEndNoMeta.dcm",
            "ExplVR_BigEndNoMeta.dcm", "MR_small_jp2klossless.dcm"};
        int compared = 0;
        for (String name : names) {
            Path raw = tmp.getRoot().toPath().resolve(name + ".raw");
            DicomTools.Result r = DicomTools.run(null, py, "-c", String.join("\n",
                    "import sys, numpy as np, pydicom",
                    "from pydicom.data import get_testdata_file",
                    "p = get_testdata_file(sys.argv[1]); print('PATH', p)",
                    "ds = pydicom.dcmread(p, force=True)",
                    "from pydicom.uid import ExplicitVRLittleEndian as LE, ExplicitVRBigEndian as BE",
                    "if 'TransferSyntaxUID' not in ds.file_meta: ds.file_meta.TransferSyntaxUID = LE if ds.is_little_endian else BE",
                    "a = ds.pixel_array.astype(np.float64)",
                    "a = a * float(getattr(ds, 'RescaleSlope', 1)) + float(getattr(ds, 'RescaleIntercept', 0))",
                    "np.round(a).astype('<i4').tofile(sys.argv[2]); print('SHAPE', a.shape)"), name, raw.toString());
            String path = r.out().lines().filter(l -> l.startsWith("PATH ")).map(l -> l.substring(5)).findFirst()
                    .orElse(null);
            if (r.exit() != 0) {
                // pydicom itself cannot decode it here (a missing optional codec): nothing to compare with.
                System.out.println("SKIPPED " + name + ": pydicom cannot decode it here: "
                        + r.out().lines().reduce((a, c) -> c).orElse(""));
                continue;
            }
            Volume v = read(Path.of(path));
            java.nio.ByteBuffer bb = java.nio.ByteBuffer.wrap(Files.readAllBytes(raw))
                    .order(java.nio.ByteOrder.LITTLE_ENDIAN);
            int[] expected = new int[bb.capacity() / 4];
            bb.asIntBuffer().get(expected);
            int[] got = new int[(int) v.shape().voxelCount()];
            for (int i = 0; i < got.length; i++) {
                got[i] = (int) Math.round(v.data().getDouble(i));
            }
            if (name.equals("MR_small_padded.dcm")) {
                // pydicom leaves padding values as they are; we set them to the lowest value (0 for MR).
                continue;
            }
            assertArrayEquals(name, expected, got);
            compared++;
        }
        assertTrue("compared only " + compared + " of pydicom's files", compared >= 7);
    }

    @Test
    public void jpegLsFromPydicomIsRefusedClearly() throws Exception {
        String py = DicomTools.python();
        String p = DicomTools.ok(py, "-c", "from pydicom.data import get_testdata_file;"
                + " print(get_testdata_file('MR_small_jpeg_ls_lossless.dcm'))").strip();
        DicomFormatException e = assertThrows(DicomFormatException.class, () -> read(Path.of(p)));
        assertTrue(e.getMessage(), e.getMessage().startsWith(p + ": its pixel data is compressed as JPEG-LS Lossless"));
    }
}
