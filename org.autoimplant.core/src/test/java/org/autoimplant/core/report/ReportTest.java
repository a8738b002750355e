package org.autoimplant.core.report;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.autoimplant.core.data.Dataset;
import org.autoimplant.core.data.DefectShape;
import org.autoimplant.core.data.PhantomDataset;
import org.autoimplant.core.data.SkullPhantom;
import org.autoimplant.core.io.NrrdReader;
import org.autoimplant.core.io.NrrdWriter;
import org.autoimplant.core.metrics.Evaluation;
import org.autoimplant.core.metrics.SegmentationMetrics;
import org.autoimplant.core.testing.ExternalTool;
import org.autoimplant.core.util.Progress;
import org.autoimplant.core.volume.Mask;
import org.autoimplant.core.volume.Shape;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The HTML report: its numbers are the metrics module's, its pictures show what they should, Chromium renders it. */
public class ReportTest {
    private static final ExternalTool CHROMIUM = new ExternalTool("apt-get install chromium", "chromium", "chromium-browser");

    @ClassRule
    public static TemporaryFolder tmp = new TemporaryFolder();

    private static Path data;
    private static Path shifted;
    private static Path html;
    private static Map<String, Map<String, List<Evaluation.CaseResult>>> results;

    @BeforeClass
    public static void writeReport() throws Exception {
        data = tmp.getRoot().toPath().resolve("data");
        PhantomDataset.write(data, new PhantomDataset.Spec(2, 4, DefectShape.CUBE, 24, new SkullPhantom.Options(96)),
                Progress.NONE);
        // A second "method": the true implant moved 3 voxels along x.
        shifted = tmp.getRoot().toPath().resolve("shifted");
        Files.createDirectories(shifted);
        for (Dataset.Case c : Dataset.open(data).cases()) {
            Mask t = NrrdReader.readMask(c.implant());
            Mask s = Mask.empty(t.shape(), t.geometry());
            for (int z = 0; z < t.shape().nz(); z++) {
                for (int y = 0; y < t.shape().ny(); y++) {
                    for (int x = 3; x < t.shape().nx(); x++) {
                        s.set(x, y, z, t.get(x - 3, y, z));
                    }
                }
            }
            NrrdWriter.write(s, shifted.resolve(c.implant().getFileName()));
        }
        html = tmp.getRoot().toPath().resolve("report.html");
        EvaluationReport.Section section = new EvaluationReport.Section("phantoms", data.resolve(Dataset.IMPLANT),
                data.resolve(Dataset.DEFECTIVE), List.of(new EvaluationReport.Method("perfect", data.resolve(Dataset.IMPLANT)),
                        new EvaluationReport.Method("shifted", shifted)));
        results = EvaluationReport.write(new EvaluationReport.Inputs("test report", List.of(section),
                Map.of("N1", List.of(0.5, 0.4, 0.3)), List.of("a note"), 2), html, Progress.NONE);
    }

    @Test
    public void tablesHoldTheMetricsModulesNumbers() throws Exception {
        String page = Files.readString(html, StandardCharsets.UTF_8);
        assertTrue(page.contains("<li>a note</li>"));
        assertTrue(page.contains("<td>perfect</td><td>2</td><td>1.000 ± 0.000</td>"));
        for (Dataset.Case c : Dataset.open(data).cases()) {
            double dsc = SegmentationMetrics.compute(NrrdReader.readMask(shifted.resolve(c.implant().getFileName())),
                    NrrdReader.readMask(c.implant()), NrrdReader.readMask(c.defective())).dsc();
            assertTrue("independently computed DSC " + dsc, dsc > 0.05 && dsc < 0.95);
            assertEquals(dsc, results.get("phantoms").get("shifted").stream().filter(r -> r.name().equals(c.name()))
                    .findFirst().orElseThrow().values().dsc(), 0);
            // The per-case row: case name, 5 metrics of "perfect", then the shifted DSC.
            Pattern row = Pattern.compile("<tr><td>" + c.name() + "</td>(?:<td>[^<]*</td>){5}<td>([^<]*)</td>");
            Matcher m = row.matcher(page);
            assertTrue(m.find());
            assertEquals(String.format(Locale.ROOT, "%.3f", dsc), m.group(1));
        }
        // 3 box plots, the loss chart, and per case and method 3 slices and a 3-D view.
        int images = page.split("<img ", -1).length - 1;
        assertEquals(3 + 1 + 2 * 2 * 4, images);
    }

    @Test
    public void slicesShowTruthPredictionAndOverlapInTheirColours() throws Exception {
        Dataset.Case c = Dataset.open(data).cases().get(0);
        Mask d = NrrdReader.readMask(c.defective());
        Mask t = NrrdReader.readMask(c.implant());
        Mask s = NrrdReader.readMask(shifted.resolve(c.implant().getFileName()));
        int[] same = count(CaseFigures.slices(d, t, t, 200).get(0));
        assertTrue("overlap shown", same[3] > 0);
        assertEquals("no prediction-only or truth-only pixels for a perfect prediction", 0, same[1] + same[2]);
        int[] moved = count(CaseFigures.slices(d, t, s, 200).get(0));
        assertTrue("truth-only, prediction-only and overlap all shown", moved[1] > 0 && moved[2] > 0 && moved[3] > 0);
        assertTrue("skull shown", moved[0] > 0);
    }

    /** Pixels of skull, truth, prediction and overlap colour. */
    private static int[] count(BufferedImage img) {
        int[] n = new int[4];
        int[] colours = {SliceFigure.SKULL, SliceFigure.TRUTH, SliceFigure.PREDICTION, SliceFigure.BOTH};
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y) & 0xFFFFFF;
                for (int k = 0; k < 4; k++) {
                    if (rgb == colours[k]) {
                        n[k]++;
                    }
                }
            }
        }
        return n;
    }

    @Test
    public void slicePixelsAreSquareInMillimetres() {
        Mask m = Mask.empty(new Shape(40, 20, 10), org.autoimplant.core.volume.Geometry.ofSpacings(0.5, 0.5, 2.0));
        BufferedImage coronal = SliceFigure.render(SliceFigure.Plane.CORONAL, new int[] {0, 0, 0}, m, null, null, 200);
        // x spans 20 mm, z spans 20 mm.
        assertEquals(coronal.getWidth(), coronal.getHeight());
        BufferedImage axial = SliceFigure.render(SliceFigure.Plane.AXIAL, new int[] {0, 0, 0}, m, null, null, 200);
        assertEquals(200, axial.getWidth());
        assertEquals(100, axial.getHeight());
    }

    @Test
    public void chromiumRendersThePage() throws Exception {
        CHROMIUM.require();
        Path shot = tmp.getRoot().toPath().resolve("shot.png");
        CHROMIUM.run("--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=1200,2600",
                "--screenshot=" + shot, html.toUri().toString());
        BufferedImage img = ImageIO.read(shot.toFile());
        assertEquals(1200, img.getWidth());
        int[] n = count(img);
        // The embedded slice pictures were decoded and drawn (their colours appear on screen).
        assertTrue("slice colours on screen: " + java.util.Arrays.toString(n), n[1] > 100 && n[2] > 100 && n[3] > 100);
    }
}
