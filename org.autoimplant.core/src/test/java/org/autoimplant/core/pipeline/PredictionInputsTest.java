package org.autoimplant.core.pipeline;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import org.autoimplant.core.model.ModelMetadata;
import org.autoimplant.core.model.NetworkSpec;
import org.autoimplant.core.volume.Geometry;
import org.autoimplant.core.volume.Mask;
import org.autoimplant.core.volume.Metadata;
import org.autoimplant.core.volume.Shape;
import org.autoimplant.core.volume.SpacingRange;
import org.junit.Test;

/**
 * What prediction says about an input's grid: refusals for what cannot be a head; spacing
 * warnings relative to what the model was trained on (recorded in its file), with KNIME-free,
 * hand-picked cases on both sides of the 1.5× tolerance.
 */
public class PredictionInputsTest {
    private static ModelMetadata trainedOn(SpacingRange r) {
        ModelMetadata m = ModelMetadata.of(NetworkSpec.paper(org.autoimplant.core.model.Role.N1, 0), 0, "", "");
        m.setTrainingSpacing(r == null ? null : r.toArray());
        return m;
    }

    @Test
    public void spacingIsJudgedAgainstTheModelsTrainingData() {
        ModelMetadata skullfix = trainedOn(new SpacingRange(0.41, 0.49, 0.62, 0.8));
        assertNull(PredictionInputs.spacingWarning("a", Geometry.ofSpacings(0.45, 0.45, 0.7), skullfix));
        // 0.41 / 1.5 = 0.273 and 0.8 × 1.5 = 1.2 are the edges
        assertNull(PredictionInputs.spacingWarning("a", Geometry.ofSpacings(0.28, 0.3, 1.19), skullfix));
        String coarse = PredictionInputs.spacingWarning("a.nrrd", Geometry.ofSpacings(0.45, 0.45, 1.3), skullfix);
        assertEquals("a.nrrd: voxel spacing 0.450 × 0.450 × 1.30 mm lies far from what the n1 model was trained on"
                + " (0.41–0.49 mm in-plane, 0.62–0.80 mm slices): check the result", coarse);
        assertTrue(PredictionInputs.spacingWarning("a", Geometry.ofSpacings(0.8, 0.45, 0.7), skullfix) != null);

        // A model trained on 1.8 mm phantoms does not warn about 1.8 mm phantoms, whatever a CT would have.
        ModelMetadata phantoms = trainedOn(new SpacingRange(1.6, 1.9, 2.4, 3.4));
        assertNull(PredictionInputs.spacingWarning("p", Geometry.ofSpacings(1.77, 1.77, 2.61), phantoms));

        // Without a record (older files): only what is unusual for any head CT.
        ModelMetadata old = trainedOn(null);
        assertNull(PredictionInputs.spacingWarning("o", Geometry.ofSpacings(0.9, 0.9, 2.5), old));
        String unusual = PredictionInputs.spacingWarning("o", Geometry.ofSpacings(1.77, 1.77, 2.61), old);
        assertTrue(unusual, unusual.contains("unusual voxel spacing 1.77 × 1.77 × 2.61 mm for a head CT"));
    }

    @Test
    public void rangesAccumulateInPlaneAndSliceSpacingsApart() {
        SpacingRange.Accumulator a = new SpacingRange.Accumulator();
        assertNull(a.range());
        a.add(Geometry.ofSpacings(0.5, 0.45, 0.7));
        a.add(Geometry.ofSpacings(0.42, 0.42, 0.625));
        assertEquals(new SpacingRange(0.42, 0.5, 0.625, 0.7), a.range());
        assertEquals(a.range(), SpacingRange.of(a.range().toArray()));
        assertThrows(IllegalArgumentException.class, () -> new SpacingRange(0.5, 0.4, 1, 1));
    }

    @Test
    public void gridsThatCannotBeAHeadAreRefused() {
        IOException small = assertThrows(IOException.class, () -> PredictionInputs.checkGrid("s", new Shape(48, 48, 12),
                Geometry.ofSpacings(4, 4, 4)));
        assertTrue(small.getMessage(), small.getMessage().contains("too small to be a skull scan"));
        IOException tiny = assertThrows(IOException.class, () -> PredictionInputs.checkGrid("t", new Shape(64, 64, 64),
                Geometry.ofSpacings(0.5, 0.5, 0.5)));
        assertTrue(tiny.getMessage(), tiny.getMessage().contains("span 32 mm along x, not a head"));
    }

    @Test
    public void trainingPairsRecordTheirCasesAndSpacings() {
        TrainingPairs p = TrainingPairs.of(new Shape(16, 16, 16));
        Mask a = Mask.empty(new Shape(32, 32, 32), Geometry.ofSpacings(0.5, 0.5, 0.7));
        Mask b = new Mask(new Shape(32, 32, 32), new byte[32 * 32 * 32], Geometry.ofSpacings(0.4, 0.45, 0.6),
                Metadata.empty());
        p.addDownsampled("a", a, a);
        p.addDownsampled("b", b, b);
        p.addDownsampled("b", b, b);
        assertEquals(2, p.caseCount());
        assertEquals(new SpacingRange(0.4, 0.5, 0.6, 0.7), p.spacingRange());
    }
}
