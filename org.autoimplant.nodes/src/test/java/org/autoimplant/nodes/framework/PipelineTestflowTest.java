package org.autoimplant.nodes.framework;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.autoimplant.core.io.NrrdReader;
import org.autoimplant.core.model.Role;
import org.autoimplant.core.volume.Mask;
import org.autoimplant.nodes.bboxcropper.BBoxCropperNodeFactory;
import org.autoimplant.nodes.bboxrestorer.BBoxRestorerNodeFactory;
import org.autoimplant.nodes.common.CoreNodeModel;
import org.autoimplant.nodes.data.VolumeValue;
import org.autoimplant.nodes.designer.ImplantDesignerNodeFactory;
import org.autoimplant.nodes.learner.CompletionLearnerNodeFactory;
import org.autoimplant.nodes.learner.N1LearnerNodeFactory;
import org.autoimplant.nodes.learner.N2LearnerNodeFactory;
import org.autoimplant.nodes.metrics.ImplantMetricsNodeFactory;
import org.autoimplant.nodes.port.ImplantModelPortObject;
import org.autoimplant.nodes.resampler.UpsamplerNodeFactory;
import org.autoimplant.nodes.skullextractor.SkullExtractorNodeFactory;
import org.autoimplant.nodes.stlwriter.StlWriterNodeFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.knime.core.data.DataRow;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.StringValue;
import org.knime.core.data.container.CloseableRowIterator;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.workflow.NodeContainer;
import org.knime.core.node.workflow.VariableType;
import org.knime.core.node.workflow.WorkflowManager;

/**
 * The pipeline testflow (every pipeline node on tiny phantoms) run by KNIME's engine, its output
 * tables checked against the files it read: restored and designed implants lie on their skull's
 * grid, learners deliver models of their role, metrics are within their bounds, the backend that
 * ran is reported.
 */
class PipelineTestflowTest {
    private static Path tmp;
    private static Path flow;
    private static WorkflowManager m;

    /** Executes the testflow once; the tests read its outputs. */
    @BeforeAll
    static void run() throws Exception {
        tmp = Files.createTempDirectory("autoimplant-pipeline-");
        flow = Workflows.copy(Path.of(System.getenv("AUTOIMPLANT_TEST_WORKFLOWS")).resolve(Testflows.PIPELINE),
                tmp.resolve(Testflows.PIPELINE));
        m = Workflows.load(flow);
        Workflows.executeAll(m);
    }

    @AfterAll
    static void cleanUp() throws Exception {
        WorkflowManager.ROOT.removeProject(m.getID());
        Workflows.delete(tmp);
    }

    @Test
    void learnersDeliverModelsOfTheirRoleAndSayWhichBackendRan() throws Exception {
        for (var c : List.of(List.of(N1LearnerNodeFactory.class, Role.N1), List.of(N2LearnerNodeFactory.class, Role.N2),
                List.of(CompletionLearnerNodeFactory.class, Role.COMPLETION))) {
            @SuppressWarnings("unchecked")
            org.knime.core.node.workflow.NativeNodeContainer learner = Workflows.node(m, (Class<? extends org.knime.core.node.NodeFactory<?>>) c.get(0),
                    0);
            ImplantModelPortObject model = (ImplantModelPortObject) Workflows.out(learner, 1);
            assertEquals(c.get(1), model.getSpec().role(), learner.getNameWithID());
            assertEquals(model.getSpec().steps(), model.metadata().getLosses().size(), learner.getNameWithID());
            String backend = learner.getOutgoingFlowObjectStack().peekFlowVariable(CoreNodeModel.BACKEND_VARIABLE,
                    VariableType.StringType.INSTANCE).orElseThrow().getStringValue();
            assertTrue(backend.startsWith("ND4J") && backend.contains("Cpu"), backend);
        }
        ImplantModelPortObject n2 = (ImplantModelPortObject) Workflows.out(Workflows.node(m, N2LearnerNodeFactory.class,
                0), 1);
        assertEquals(Testflows.MARGIN, n2.metadata().getMargin(), "the N2 model carries its crops' margin");
    }

    @Test
    void restoredAndDesignedImplantsLieOnTheirSkullsGrid() throws Exception {
        BufferedDataTable crops = (BufferedDataTable) Workflows.out(Workflows.node(m, BBoxCropperNodeFactory.class, 0),
                1);
        assertTrue(crops.size() >= Testflows.CASES, "one row per N2 tile, at least one per case: " + crops.size());
        assertOnSkullGrid((BufferedDataTable) Workflows.out(Workflows.node(m, BBoxRestorerNodeFactory.class, 0), 1),
                "Implant (restored)", Testflows.CASES);
        for (int d = 0; d < 2; d++) {
            assertOnSkullGrid((BufferedDataTable) Workflows.out(Workflows.node(m, ImplantDesignerNodeFactory.class, d),
                    1), "Implant (#1)", Testflows.CASES);
        }
        BufferedDataTable up = (BufferedDataTable) Workflows.out(Workflows.node(m, UpsamplerNodeFactory.class, 0), 1);
        int col = up.getDataTableSpec().getNumColumns() - 1;
        try (CloseableRowIterator it = up.iterator()) {
            DataRow r = it.next();
            Mask complete = NrrdReader.readMask(flow.resolve("data/phantoms/complete_skull").resolve(
                    ((StringValue) r.getCell(0)).getStringValue() + ".nrrd"));
            assertEquals(complete.geometry(), ((VolumeValue) r.getCell(col)).getMask().geometry(), "upsampled");
        }
    }

    @Test
    void metricsAreWithinTheirBoundsAndWritersReportEveryRow() throws Exception {
        BufferedDataTable t = (BufferedDataTable) Workflows.out(Workflows.node(m, ImplantMetricsNodeFactory.class, 0),
                1);
        List<String> cols = List.of(t.getDataTableSpec().getColumnNames());
        assertEquals(Testflows.CASES, t.size());
        for (DataRow r : t) {
            double dsc = ((DoubleValue) r.getCell(cols.indexOf("DSC"))).getDoubleValue();
            double hd = ((DoubleValue) r.getCell(cols.indexOf("HD (mm)"))).getDoubleValue();
            double hd95 = ((DoubleValue) r.getCell(cols.indexOf("HD95 (mm)"))).getDoubleValue();
            assertTrue(dsc >= 0 && dsc <= 1, "DSC " + dsc);
            assertTrue(hd95 >= 0 && hd95 <= hd, "HD95 " + hd95 + " > HD " + hd);
        }
        BufferedDataTable stl = (BufferedDataTable) Workflows.out(Workflows.node(m, StlWriterNodeFactory.class, 0), 1);
        assertEquals(Testflows.CASES, stl.size());
        for (DataRow r : stl) {
            String status = ((StringValue) r.getCell(1)).getStringValue();
            assertTrue(Set.of("written", "overwritten", "empty").contains(status), status);
            assertEquals(!status.equals("empty"), Files.exists(Path.of(((StringValue) r.getCell(0)).getStringValue())));
        }
        BufferedDataTable skull = (BufferedDataTable) Workflows.out(Workflows.node(m, SkullExtractorNodeFactory.class,
                0), 1);
        for (DataRow r : skull) {
            Mask s = ((VolumeValue) r.getCell(skull.getDataTableSpec().getNumColumns() - 1)).getMask();
            assertTrue(s.count() > 0, "the Skull Extractor found no bone");
        }
    }

    /** Every row's implant in {@code column} has the sizes, spacing, directions and origin of its defective skull. */
    private static void assertOnSkullGrid(BufferedDataTable t, String column, int rows) throws Exception {
        assertEquals(rows, t.size(), column);
        int c = t.getDataTableSpec().findColumnIndex(column);
        assertTrue(c >= 0, "no column " + column + " in " + List.of(t.getDataTableSpec().getColumnNames()));
        for (DataRow r : t) {
            String name = ((StringValue) r.getCell(0)).getStringValue();
            Mask skull = NrrdReader.readMask(flow.resolve("data/phantoms/defective_skull").resolve(name + ".nrrd"));
            Mask implant = ((VolumeValue) r.getCell(c)).getMask();
            assertEquals(skull.shape(), implant.shape(), name + " " + column);
            assertArrayEquals(skull.geometry().spacings(), implant.geometry().spacings(), 1e-12, name);
            assertArrayEquals(skull.geometry().origin(), implant.geometry().origin(), 1e-12, name);
            assertEquals(skull.geometry(), implant.geometry(), name + " " + column);
        }
    }
}
