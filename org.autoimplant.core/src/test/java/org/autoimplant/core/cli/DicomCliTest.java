package org.autoimplant.core.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.autoimplant.core.io.NrrdReader;
import org.autoimplant.core.volume.Mask;
import org.autoimplant.core.volume.Volume;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The commands that read a CT take a DICOM folder: {@code info} lists its series and describes the
 * chosen one, {@code convert} writes it as NRRD with its values and geometry, {@code skull}
 * segments it, {@code --series} picks another series; a NRRD input with --series is a usage error.
 */
public class DicomCliTest extends CliRunner {
    @ClassRule
    public static TemporaryFolder tmp = new TemporaryFolder();

    static Path study;

    @BeforeClass
    public static void study() throws Exception {
        study = tmp.getRoot().toPath().resolve("study");
        org.autoimplant.core.io.dicom.DicomTestScripts.run("make_series.py", study.resolve("ct").toString(),
                "--series-number", "3");
        org.autoimplant.core.io.dicom.DicomTestScripts.run("make_series.py", study.resolve("scout").toString(),
                "--series-number", "1", "--slices", "3", "--uid-seed", "9");
    }

    /** make_series.py's values: HU(i, j, k) = ((7i + 13j + 31k) mod 2001) − 1000. */
    private static int hu(int i, int j, int k) {
        return ((7 * i + 13 * j + 31 * k) % 2001) - 1000;
    }

    @Test
    public void infoListsTheSeriesAndDescribesTheLargestCt() {
        assertEquals(err, 0, run("info", study.toString()));
        assertTrue(out, out.contains("series:     CT series 3 (") && out.contains("series:     CT series 1 ("));
        assertTrue(out, out.contains("format:     DICOM, CT series 3") && out.contains("sizes:      40 × 32 × 12"));
        assertTrue(out, out.contains("directions: tilted (not axis-aligned)") && out.contains("range:      -1000 …"));
    }

    @Test
    public void convertWritesTheSeriesAsNrrdAndSeriesPicksAnother() throws Exception {
        Path nrrd = tmp.getRoot().toPath().resolve("ct.nrrd");
        assertEquals(err, 0, run("convert", study.toString(), nrrd.toString()));
        assertTrue(out, out.contains("read CT series 3"));
        Volume v = NrrdReader.read(nrrd);
        assertEquals(12, v.shape().nz());
        for (int k = 0; k < 12; k += 5) {
            for (int j = 0; j < 32; j += 7) {
                for (int i = 0; i < 40; i += 3) {
                    assertEquals(hu(i, j, k), v.get(i, j, k), 0.0);
                }
            }
        }
        assertEquals("left-posterior-superior", v.geometry().space());
        Path scout = tmp.getRoot().toPath().resolve("scout.nrrd");
        assertEquals(err, 0, run("convert", study.toString(), scout.toString(), "--series", "1"));
        assertEquals(3, NrrdReader.read(scout).shape().nz());
        assertEquals(1, run("convert", nrrd.toString(), scout.toString(), "--series", "1"));
        assertTrue(err, err.contains("--series is for DICOM input"));
    }

    @Test
    public void skullSegmentsTheDicomSeries() throws Exception {
        Path skull = tmp.getRoot().toPath().resolve("skull.nrrd");
        assertEquals(err, 0, run("skull", study.toString(), skull.toString(), "--threshold", "0"));
        Mask m = NrrdReader.readMask(skull);
        assertEquals(40 * 32 * 12, m.shape().voxelCount());
        assertTrue(Files.size(skull) > 0);
        assertTrue("some voxels reach 0 HU", m.count() > 0);
    }
}
