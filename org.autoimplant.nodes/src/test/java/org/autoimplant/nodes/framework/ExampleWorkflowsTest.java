package org.autoimplant.nodes.framework;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.autoimplant.core.data.DefectShape;
import org.autoimplant.core.data.PhantomDataset;
import org.autoimplant.core.data.SkullPhantom;
import org.autoimplant.core.io.NrrdReader;
import org.autoimplant.core.model.ModelFile;
import org.autoimplant.core.model.Role;
import org.autoimplant.core.util.Progress;
import org.autoimplant.core.volume.Mask;
import org.autoimplant.nodes.bboxrestorer.BBoxRestorerNodeFactory;
import org.autoimplant.nodes.coarsepredictor.CompletionPredictorNodeFactory;
import org.autoimplant.nodes.data.VolumeValue;
import org.autoimplant.nodes.designer.ImplantDesignerNodeFactory;
import org.autoimplant.nodes.learner.CompletionLearnerNodeFactory;
import org.autoimplant.nodes.learner.N1LearnerNodeFactory;
import org.autoimplant.nodes.learner.N2LearnerNodeFactory;
import org.autoimplant.nodes.metrics.ImplantMetricsNodeFactory;
import org.autoimplant.nodes.port.ImplantModelPortObject;
import org.autoimplant.nodes.report.ImplantReportNodeFactory;
import org.autoimplant.nodes.stlwriter.StlWriterNodeFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.knime.core.data.DataRow;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.StringValue;
import org.knime.core.data.container.CloseableRowIterator;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.workflow.FlowVariable;
import org.knime.core.node.workflow.NativeNodeContainer;
import org.knime.core.node.workflow.NodeContainer;
import org.knime.core.node.workflow.WorkflowManager;

/**
 * The three example workflows as a batch run or a Hub job runs them: loaded by KNIME, configured
 * only through their workflow variables (a tiny phantom set made here, a few training steps),
 * executed; every node must end EXECUTED and the outputs must be what the variables asked for.
 * Their saved settings must pass each node's own validation.
 */
class ExampleWorkflowsTest {
    private Path tmp;

    @BeforeEach
    void makeTmp() throws Exception {
        tmp = Files.createTempDirectory("autoimplant-examples-");
    }

    @AfterEach
    void cleanUp() throws Exception {
        Workflows.delete(tmp);
    }

    static Path examples() {
        return Path.of(System.getenv("AUTOIMPLANT_TEST_WORKFLOWS")).toAbsolutePath().resolveSibling("workflows");
    }

    private WorkflowManager load(String name) throws Exception {
        return Workflows.load(Workflows.copy(examples().resolve(name), tmp.resolve(name)));
    }

    /** Small phantoms (64 voxels across, bone thick enough to survive a 16-voxel-high N1 grid). */
    private Path phantoms(String name, int count, long seed) throws Exception {
        Path dir = tmp.resolve(name);
        PhantomDataset.write(dir, new PhantomDataset.Spec(count, seed, DefectShape.FIXED, 16,
                new SkullPhantom.Options(64).withBoneScale(2.5)), Progress.NONE);
        return dir;
    }

    @Test
    void savedSettingsPassEachNodesOwnValidation() throws Exception {
        for (String name : List.of(Examples.TWO_STEP, Examples.DESIGN, Examples.COMPLETION)) {
            WorkflowManager m = load(name);
            try {
                for (NodeContainer nc : m.getNodeContainers()) {
                    Path file = nc.getNodeContainerDirectory().getFile().toPath().resolve("settings.xml");
                    org.knime.core.node.NodeSettingsRO saved;
                    try (InputStream in = Files.newInputStream(file)) {
                        saved = NodeSettings.loadFromXML(in);
                    }
                    // throws InvalidSettingsException with the node's own message when they are not valid
                    ((NativeNodeContainer) nc).getNode().validateModelSettings(saved.getNodeSettings("model"));
                    assertTrue(nc.getNodeContainerState().isConfigured(), name + ": " + nc.getNameWithID()
                            + " is not configured: " + nc.getNodeMessage().getMessage());
                }
            } finally {
                WorkflowManager.ROOT.removeProject(m.getID());
            }
        }
    }

    @Test
    void twoStepTrainsWhatItsVariablesSayAndRestoresImplantsOntoEachSkull() throws Exception {
        Path train = phantoms("train", 2, 5), test = phantoms("test", 2, 6), out = tmp.resolve("out");
        WorkflowManager m = load(Examples.TWO_STEP);
        try {
            m.addWorkflowVariables(false, new FlowVariable("data_dir", train.toString()),
                    new FlowVariable("test_dir", test.toString()), new FlowVariable("out_dir", out.toString()),
                    new FlowVariable("n1_steps", 3), new FlowVariable("n2_steps", 2),
                    new FlowVariable("n1_input", "32,32,16"), new FlowVariable("n2_input", "32,32,32"),
                    new FlowVariable("n1_width", 0.0625));
            Workflows.executeAll(m);
            assertModel(Workflows.node(m, N1LearnerNodeFactory.class, 0), Role.N1, 3, "32,32,16");
            assertModel(Workflows.node(m, N2LearnerNodeFactory.class, 0), Role.N2, 2, "32,32,32");

            BufferedDataTable restored = (BufferedDataTable) Workflows.out(Workflows.node(m,
                    BBoxRestorerNodeFactory.class, 0), 1);
            assertEquals(2, restored.size());
            int implant = restored.getDataTableSpec().findColumnIndex("Implant (restored)");
            try (CloseableRowIterator it = restored.iterator()) {
                while (it.hasNext()) {
                    DataRow r = it.next();
                    String name = ((StringValue) r.getCell(0)).getStringValue();
                    Mask skull = NrrdReader.readMask(test.resolve("defective_skull").resolve(name + ".nrrd"));
                    Mask fine = ((VolumeValue) r.getCell(implant)).getMask();
                    assertEquals(skull.shape(), fine.shape(), name);
                    assertEquals(skull.geometry(), fine.geometry(), name);
                    Mask written = NrrdReader.readMask(out.resolve(name + ".nrrd"));
                    assertArrayEquals(fine.data(), written.data(), name + ": the NRRD Writer's file");
                    assertStl(out.resolve(name + ".stl"), fine);
                }
            }
            assertMetrics(Workflows.node(m, ImplantMetricsNodeFactory.class, 0), 2);
            assertTrue(ModelFile.verify(m.getContextV2().getExecutorInfo().getLocalWorkflowPath()
                    .resolve("output/n1.zip")).getSteps() == 3, "the Model Writer's N1 file");
        } finally {
            WorkflowManager.ROOT.removeProject(m.getID());
        }
    }

    @Test
    void completionLearnsOnVariedDefectsAndDesignsImplantsOfTheTestSkulls() throws Exception {
        Path train = phantoms("train", 2, 7), test = phantoms("test", 1, 8), out = tmp.resolve("out");
        WorkflowManager m = load(Examples.COMPLETION);
        try {
            m.addWorkflowVariables(false, new FlowVariable("data_dir", train.toString()),
                    new FlowVariable("test_dir", test.toString()), new FlowVariable("out_dir", out.toString()),
                    new FlowVariable("steps", 2), new FlowVariable("input", "32,32,16"),
                    new FlowVariable("width", 0.0625));
            Workflows.executeAll(m);
            assertModel(Workflows.node(m, CompletionLearnerNodeFactory.class, 0), Role.COMPLETION, 2, "32,32,16");
            assertMetrics(Workflows.node(m, ImplantMetricsNodeFactory.class, 0), 1);
            BufferedDataTable predicted = (BufferedDataTable) Workflows.out(Workflows.node(m,
                    CompletionPredictorNodeFactory.class, 0), 1);
            assertEquals(1, predicted.size());
            assertTrue(Files.exists(out.resolve("000.stl")) || stlStatus(m).equals("empty"),
                    "neither an STL file nor the status 'empty'");
        } finally {
            WorkflowManager.ROOT.removeProject(m.getID());
        }
    }

    @Test
    void designerUsesTheBundledModelsOnTheSampleCaseAndTheMethodVariableSwitchesToCompletion() throws Exception {
        Path out = tmp.resolve("out");
        WorkflowManager m = load(Examples.DESIGN);
        try {
            m.addWorkflowVariables(false, new FlowVariable("out_dir", out.toString()));
            Workflows.executeAll(m);
            Mask truth = NrrdReader.readMask(examples().resolveSibling(Examples.SAMPLE).resolve("implant/024.nrrd"));
            Mask direct = NrrdReader.readMask(out.resolve("024.nrrd"));
            double dsc = dice(direct, truth);
            // The bundled models' DSC on this held-out case, as the model card states it.
            assertEquals(cardDsc("two-step"), dsc, 0.005, "bundled two-step DSC on the sample");
            assertStl(out.resolve("024.stl"), direct);
            assertTrue(Files.isRegularFile(out.resolve("report.html")), "no report in " + out);
            assertEquals(out.resolve("report.html").toString(), Workflows.node(m, ImplantReportNodeFactory.class, 0)
                    .getOutgoingFlowObjectStack().peekFlowVariable("autoimplant_report",
                            org.knime.core.node.workflow.VariableType.StringType.INSTANCE).get().getStringValue());

            m.addWorkflowVariables(false, new FlowVariable("method", "completion"));
            Workflows.executeAll(m);
            Mask completed = NrrdReader.readMask(out.resolve("024.nrrd"));
            double dscCompletion = dice(completed, truth);
            assertEquals(cardDsc("completion"), dscCompletion, 0.005, "bundled completion DSC on the sample");
            assertTrue(dscCompletion != dsc, "the method variable changed nothing");
        } finally {
            WorkflowManager.ROOT.removeProject(m.getID());
        }
    }

    private static String stlStatus(WorkflowManager m) {
        BufferedDataTable t = (BufferedDataTable) Workflows.out(Workflows.node(m, StlWriterNodeFactory.class, 0), 1);
        try (CloseableRowIterator it = t.iterator()) {
            return ((StringValue) it.next().getCell(1)).getStringValue();
        }
    }

    /** The learner's model: role, steps actually trained (the losses), input grid from the variables. */
    private static void assertModel(NodeContainer learner, Role role, int steps, String input) throws Exception {
        ImplantModelPortObject model = (ImplantModelPortObject) Workflows.out(learner, 1);
        assertEquals(role, model.getSpec().role());
        assertEquals(steps, model.getSpec().steps(), "steps from the workflow variable (default 300)");
        assertEquals(steps, model.metadata().getLosses().size(), "steps trained");
        assertEquals(input, model.metadata().inputShape().toString().replace("×", ",").replace(" ", ""));
    }

    /** One row per case; DSC and border DSC in [0, 1]; distances and RE not negative. */
    private static void assertMetrics(NodeContainer metrics, int cases) {
        BufferedDataTable t = (BufferedDataTable) Workflows.out(metrics, 1);
        assertEquals(cases, t.size());
        List<String> cols = List.of(t.getDataTableSpec().getColumnNames());
        try (CloseableRowIterator it = t.iterator()) {
            while (it.hasNext()) {
                DataRow r = it.next();
                for (String c : List.of("DSC", "bDSC", "HD (mm)", "HD95 (mm)", "RE (%)")) {
                    double v = ((DoubleValue) r.getCell(cols.indexOf(c))).getDoubleValue();
                    assertTrue(v >= 0 && (!c.contains("DSC") || v <= 1), r.getKey() + " " + c + " = " + v);
                }
            }
        }
        BufferedDataTable summary = (BufferedDataTable) Workflows.out(metrics, 2);
        List<String> rows = new ArrayList<>();
        summary.forEach(r -> rows.add(r.getKey().getString()));
        assertTrue(rows.contains("DSC"), "summary rows " + rows);
    }

    /** An STL whose enclosed volume matches the voxel volume it was meshed from (within 15 %). */
    private static void assertStl(Path stl, Mask implant) throws Exception {
        if (implant.count() == 0) {
            assertTrue(!Files.exists(stl), "an empty implant must not get an STL file");
            return;
        }
        double mm3 = Math.abs(stlVolume(stl));
        double[] sp = implant.geometry().spacings();
        double voxels = implant.count() * sp[0] * sp[1] * sp[2];
        assertTrue(Math.abs(mm3 - voxels) < 0.15 * voxels, stl + ": " + mm3 + " mm³ vs " + voxels + " mm³ of voxels");
    }

    /** A DSC models/README.md states on its line "Sample 024 … METHOD DSC x.xxxx". */
    static double cardDsc(String method) throws java.io.IOException {
        String card = Files.readString(examples().resolveSibling("models/README.md"));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("Sample 024.*?" + java.util.regex.Pattern.quote(
                method) + " DSC (0\\.\\d+)").matcher(card);
        assertTrue(m.find(), "models/README.md states no sample DSC for " + method);
        return Double.parseDouble(m.group(1));
    }

    /** Dice from the voxels themselves (not the metrics code under test). */
    static double dice(Mask a, Mask b) {
        long both = 0, na = 0, nb = 0;
        byte[] x = a.data(), y = b.data();
        for (int i = 0; i < x.length; i++) {
            na += x[i] != 0 ? 1 : 0;
            nb += y[i] != 0 ? 1 : 0;
            both += x[i] != 0 && y[i] != 0 ? 1 : 0;
        }
        return na + nb == 0 ? 1 : 2.0 * both / (na + nb);
    }

    /** The volume a binary STL encloses (divergence theorem over its triangles), in mm³. */
    static double stlVolume(Path stl) throws java.io.IOException {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(Files.readAllBytes(stl)).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        long n = Integer.toUnsignedLong(b.getInt(80));
        assertEquals(84 + 50 * n, b.capacity(), stl + ": binary STL size for " + n + " triangles");
        assertTrue(n > 0, stl + " has no triangles");
        double v = 0;
        for (long t = 0; t < n; t++) {
            int o = (int) (84 + 50 * t + 12);
            double[] p = new double[9];
            for (int k = 0; k < 9; k++) {
                p[k] = b.getFloat(o + 4 * k);
            }
            v += (p[0] * (p[4] * p[8] - p[5] * p[7]) - p[1] * (p[3] * p[8] - p[5] * p[6])
                    + p[2] * (p[3] * p[7] - p[4] * p[6])) / 6;
        }
        return v;
    }
}
