package org.autoimplant.nodes.framework;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.autoimplant.core.io.NrrdReader;
import org.autoimplant.core.model.InferenceNetwork;
import org.autoimplant.core.model.ModelFile;
import org.autoimplant.core.model.Role;
import org.autoimplant.core.ops.Resampler;
import org.autoimplant.core.volume.Mask;
import org.autoimplant.nodes.data.VolumeCell;
import org.autoimplant.nodes.port.ImplantModelPortObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.knime.core.data.DataRow;
import org.knime.core.data.StringValue;
import org.knime.core.data.container.CloseableRowIterator;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.workflow.NodeContainer;
import org.knime.core.node.workflow.NodeID;
import org.knime.core.node.workflow.WorkflowManager;

/**
 * The I/O testflow (NRRD Reader → NRRD Writer, Model Reader → Model Writer) run by KNIME's own
 * engine, its outputs checked against the files it read: sizes, spacing, voxels; the written
 * implants equal the read ones; the copied model predicts exactly what the original does. Then
 * saved with its data and loaded back: volume cells and the model port come back, lazily.
 */
class IoTestflowTest {
    private Path tmp;
    private Path flow;

    @BeforeEach
    void copyFlow() throws Exception {
        tmp = Files.createTempDirectory("autoimplant-io-");
        flow = Workflows.copy(Path.of(System.getenv("AUTOIMPLANT_TEST_WORKFLOWS")).resolve(WorkflowGenerator.IO),
                tmp.resolve(WorkflowGenerator.IO));
    }

    @AfterEach
    void cleanUp() throws Exception {
        Workflows.delete(tmp);
    }

    @Test
    void readsWritesAndCopiesTheModelExactly() throws Exception {
        WorkflowManager m = Workflows.load(flow);
        try {
            assertTrue(m.executeAllAndWaitUntilDone(), () -> "not all nodes executed: " + m.printNodeSummary(m.getID(), 0));
            BufferedDataTable volumes = table(m, 1);
            assertEquals(WorkflowGenerator.CASES, volumes.size());
            assertEquals(List.of("Case", "Defective skull", "Implant", "Complete skull", "Sizes", "Spacing (mm)", "File"),
                    List.of(volumes.getDataTableSpec().getColumnNames()));
            Path data = flow.resolve("data/phantoms");
            try (CloseableRowIterator it = volumes.iterator()) {
                while (it.hasNext()) {
                    DataRow r = it.next();
                    String name = ((StringValue) r.getCell(0)).getStringValue();
                    assertEquals(name, r.getKey().getString());
                    for (int c = 1; c <= 3; c++) {
                        String folder = List.of("defective_skull", "implant", "complete_skull").get(c - 1);
                        Mask file = NrrdReader.readMask(data.resolve(folder).resolve(name + ".nrrd"));
                        VolumeCell cell = (VolumeCell) r.getCell(c);
                        assertEquals(file.shape(), cell.getSummary().shape(), name + " " + folder);
                        assertArrayEquals(file.geometry().spacings(), cell.getSummary().spacing(), 1e-12);
                        assertEquals(file.count(), cell.getSummary().nonZero(), name + " " + folder);
                        assertTrue(cell.getSummary().mask());
                        Mask read = cell.getMask();
                        assertArrayEquals(file.data(), read.data(), name + " " + folder + " voxels");
                        assertEquals(file.geometry(), read.geometry());
                    }
                }
            }
            BufferedDataTable written = table(m, 2);
            assertEquals(WorkflowGenerator.CASES, written.size());
            for (int i = 0; i < WorkflowGenerator.CASES; i++) {
                String name = String.format("%03d", i);
                Mask in = NrrdReader.readMask(data.resolve("implant").resolve(name + ".nrrd"));
                Mask out = NrrdReader.readMask(flow.resolve("output/implants").resolve(name + ".nrrd"));
                assertArrayEquals(in.data(), out.data(), name);
                assertEquals(in.geometry(), out.geometry(), name);
            }
            ImplantModelPortObject port = (ImplantModelPortObject) out(m, 3);
            assertEquals(Role.N1, port.getSpec().role());
            assertEquals(3, port.getSpec().steps());
            assertSamePredictions(flow.resolve("data/model/n1-tiny.zip"), flow.resolve("n1-copy.zip"),
                    data.resolve("defective_skull/000.nrrd"));
        } finally {
            WorkflowManager.ROOT.removeProject(m.getID());
        }
    }

    @Test
    void savedWithDataLoadsBackLazily() throws Exception {
        WorkflowManager m = Workflows.load(flow);
        assertTrue(m.executeAllAndWaitUntilDone());
        m.save(flow.toFile(), new ExecutionMonitor(), true);
        WorkflowManager.ROOT.removeProject(m.getID());

        WorkflowManager again = Workflows.load(flow);
        try {
            for (NodeContainer nc : again.getNodeContainers()) {
                assertTrue(nc.getNodeContainerState().isExecuted(), nc.getNameWithID() + " " + nc.getNodeContainerState());
            }
            BufferedDataTable volumes = table(again, 1);
            try (CloseableRowIterator it = volumes.iterator()) {
                DataRow r = it.next();
                VolumeCell implant = (VolumeCell) r.getCell(2);
                assertFalse(implant.isLoaded(), "voxels read before anyone asked");
                Mask file = NrrdReader.readMask(flow.resolve("data/phantoms/implant/000.nrrd"));
                assertEquals(file.count(), implant.getSummary().nonZero());
                assertFalse(implant.isLoaded(), "the summary must not read the voxels");
                assertEquals(3 * 64, implant.getThumbnail().getWidth());
                assertFalse(implant.isLoaded(), "the thumbnail must not read the voxels");
                assertArrayEquals(file.data(), implant.getMask().data());
                assertTrue(implant.isLoaded());
            }
            ImplantModelPortObject port = (ImplantModelPortObject) out(again, 3);
            assertEquals(Role.N1, port.getSpec().role());
            assertEquals(3, port.metadata().getLosses().size());
            assertSamePredictions(flow.resolve("data/model/n1-tiny.zip"), port.modelFile(),
                    flow.resolve("data/phantoms/defective_skull/001.nrrd"));
        } finally {
            WorkflowManager.ROOT.removeProject(again.getID());
        }
    }

    @Test
    void dicomSeriesIsReadAsPydicomWroteIt() throws Exception {
        WorkflowManager m = Workflows.load(flow);
        try {
            assertTrue(m.executeAllAndWaitUntilDone(), () -> m.printNodeSummary(m.getID(), 0));
            BufferedDataTable t = table(m, 5);
            assertEquals(1, t.size());
            org.nd4j.shade.jackson.databind.JsonNode truth = new org.nd4j.shade.jackson.databind.ObjectMapper()
                    .readTree(flow.resolve("data/dicom.json").toFile());
            try (CloseableRowIterator it = t.iterator()) {
                DataRow r = it.next();
                assertEquals(truth.get("series").asText(), r.getKey().getString());
                assertEquals("CT", ((StringValue) r.getCell(3)).getStringValue());
                org.autoimplant.core.volume.Volume v = ((VolumeCell) r.getCell(4)).getVolume();
                for (int a = 0; a < 3; a++) {
                    assertEquals(truth.get("sizes").get(a).asInt(), v.shape().size(a));
                    for (int c = 0; c < 3; c++) {
                        assertEquals(truth.get("directions").get(a).get(c).asDouble(), v.geometry().direction(a)[c],
                                1e-6);
                    }
                    assertEquals(truth.get("origin").get(a).asDouble(), v.geometry().origin()[a], 1e-6);
                }
                // make_series.py's values: HU(i, j, k) = ((7i + 13j + 31k) mod 2001) - 1000
                for (int k = 0; k < v.shape().nz(); k++) {
                    for (int j = 0; j < v.shape().ny(); j++) {
                        for (int i = 0; i < v.shape().nx(); i++) {
                            assertEquals(((7 * i + 13 * j + 31 * k) % 2001) - 1000, v.get(i, j, k), 0.0);
                        }
                    }
                }
            }
        } finally {
            WorkflowManager.ROOT.removeProject(m.getID());
        }
    }

    private static void assertSamePredictions(Path original, Path copy, Path input) throws Exception {
        org.autoimplant.nodes.Nd4jSetup.ensure();
        InferenceNetwork a = ModelFile.load(original, Role.N1).inferenceNetwork();
        InferenceNetwork b = ModelFile.load(copy, Role.N1).inferenceNetwork();
        byte[] x = Resampler.resample(NrrdReader.readMask(input), a.input(), 2).data();
        assertEquals(a.probabilities(x), b.probabilities(x), "the copied model predicts differently");
    }

    private static PortObject out(WorkflowManager m, int node) {
        return m.getNodeContainer(new NodeID(m.getID(), node)).getOutPort(1).getPortObject();
    }

    private static BufferedDataTable table(WorkflowManager m, int node) {
        return (BufferedDataTable) out(m, node);
    }
}
