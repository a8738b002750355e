package org.autoimplant.core.metrics;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.autoimplant.core.io.NrrdWriter;
import org.autoimplant.core.util.Progress;
import org.autoimplant.core.volume.Geometry;
import org.autoimplant.core.volume.Mask;
import org.autoimplant.core.volume.Shape;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class EvaluationTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private static Mask cube(int from, int to) {
        Mask m = Mask.empty(new Shape(12, 12, 12), Geometry.ofSpacings(1, 1, 1));
        for (int z = from; z < to; z++) {
            for (int y = from; y < to; y++) {
                for (int x = from; x < to; x++) {
                    m.set(x, y, z, true);
                }
            }
        }
        return m;
    }

    @Test
    public void pairsByNameWritesCsvAndSummarises() throws IOException {
        Path pred = tmp.newFolder("pred").toPath(), truth = tmp.newFolder("truth").toPath();
        NrrdWriter.write(cube(2, 8), pred.resolve("000.nrrd"));
        NrrdWriter.write(cube(2, 8), truth.resolve("000.nrrd"));
        NrrdWriter.write(cube(3, 8), pred.resolve("001.nrrd"));
        NrrdWriter.write(cube(2, 8), truth.resolve("001.nrrd"));
        List<Evaluation.CaseResult> r = Evaluation.run(pred, truth, null, Progress.NONE);
        assertEquals(2, r.size());
        assertEquals(1.0, r.get(0).values().dsc(), 0);
        double dsc1 = 2.0 * 125 / (125 + 216);
        assertEquals(dsc1, r.get(1).values().dsc(), 1e-12);
        Path csv = tmp.getRoot().toPath().resolve("results.csv");
        Evaluation.writeCsv(r, csv);
        List<String> lines = Files.readAllLines(csv);
        assertEquals("case,dsc,hd_mm,hd95_mm,re_percent,bdsc", lines.get(0));
        assertTrue(lines.get(1), lines.get(1).startsWith("000,1.00000,0.00000,0.00000,0.00000,"));
        Evaluation.Summary dsc = Evaluation.summarise(r).get(0);
        assertEquals("DSC", dsc.metric());
        assertEquals((1 + dsc1) / 2, dsc.mean(), 1e-12);
        assertEquals(Math.sqrt(2 * Math.pow((1 - dsc1) / 2, 2)), dsc.std(), 1e-12);
        assertEquals(dsc1, dsc.min(), 1e-12);
        assertEquals((1 + dsc1) / 2, dsc.median(), 1e-12);

        Files.delete(pred.resolve("001.nrrd"));
        IOException e = assertThrows(IOException.class, () -> Evaluation.run(pred, truth, null, Progress.NONE));
        assertTrue(e.getMessage(), e.getMessage().contains("not scored: 001 (no prediction "));
    }
}
