package org.autoimplant.nodes.framework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.autoimplant.core.data.DefectShape;
import org.autoimplant.core.data.PhantomDataset;
import org.autoimplant.core.model.ModelFile;
import org.autoimplant.core.model.ModelMetadata;
import org.autoimplant.core.model.Role;
import org.autoimplant.core.util.Progress;
import org.autoimplant.nodes.learner.LearnerNodeSettings;
import org.autoimplant.nodes.learner.N1LearnerNodeFactory;
import org.autoimplant.nodes.nrrdreader.NrrdReaderNodeFactory;
import org.autoimplant.nodes.port.ImplantModelPortObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.workflow.NodeContainer;
import org.knime.core.node.workflow.NodeID;
import org.knime.core.node.workflow.WorkflowManager;

/**
 * Cancelling a learner in KNIME: the progress shows step, loss and time left; cancel stops within
 * a step, leaves the node unexecuted and the checkpoint file holding the steps done; executing
 * again resumes from it rather than starting over.
 */
class LearnerCancelTest {
    private static final Pattern STEP = Pattern.compile("\\((\\d+) of 100000");
    private Path tmp;

    @BeforeEach
    void makeTmp() throws Exception {
        tmp = Files.createTempDirectory("autoimplant-cancel-");
    }

    @AfterEach
    void cleanUp() throws Exception {
        Workflows.delete(tmp);
    }

    @Test
    void cancelStopsAtOnceSavesTheCheckpointAndTheNextRunResumes() throws Exception {
        Path data = tmp.resolve("data");
        PhantomDataset.write(data, PhantomDataset.Spec.of(1, 3, DefectShape.FIXED, 64), Progress.NONE);
        Path checkpoint = tmp.resolve("n1-checkpoint.zip");
        Workflows w = Workflows.create("cancel", tmp.resolve("cancel"));
        WorkflowManager m = w.manager();
        try {
            NodeID read = w.add(NrrdReaderNodeFactory.class, 60, 60, Testflows.reader(data.toString()));
            LearnerNodeSettings s = Testflows.learner(Role.N1, "Defective skull", "Implant", "32,32,16", 0.0625,
                    100_000);
            s.checkpoint.setStringValue(checkpoint.toString());
            s.checkpointEvery.setIntValue(100_000); // only the cancel writes it
            NodeID learn = w.add(N1LearnerNodeFactory.class, 220, 60, s);
            w.connect(read, 1, learn, 1);
            NodeContainer learner = m.getNodeContainer(learn);

            m.executeAll();
            String message = waitForTraining(learner, 20);
            assertTrue(message.contains("loss") && message.contains("left"), "progress: " + message);

            long cancelled = System.nanoTime();
            m.cancelExecution(learner);
            assertTrue(m.waitWhileInExecution(60, TimeUnit.SECONDS), "still executing a minute after cancel");
            double seconds = (System.nanoTime() - cancelled) / 1e9;
            assertTrue(seconds < 15, "cancel took " + seconds + " s");
            assertTrue(!learner.getNodeContainerState().isExecuted(), "a cancelled learner must not be executed");
            ModelMetadata saved = ModelFile.verify(checkpoint);
            assertTrue(saved.getSteps() >= 20 && saved.getSteps() < 100_000, "checkpoint steps " + saved.getSteps());
            assertTrue(ModelFile.hasTrainingState(checkpoint), "the checkpoint must keep Adam's state to resume");

            int target = (int) saved.getSteps() + 3;
            s.steps.setIntValue(target);
            NodeSettings ns = learner.getNodeSettings();
            s.save((NodeSettingsWO) ns.getNodeSettings("model"));
            m.loadNodeSettings(learn, ns);
            Workflows.executeAll(m);
            ImplantModelPortObject model = (ImplantModelPortObject) Workflows.out(learner, 1);
            assertEquals(target, model.getSpec().steps());
            assertEquals(target, model.metadata().getLosses().size(), "the resumed run continues the loss history");
            assertEquals(saved.getLosses(), model.metadata().getLosses().subList(0, (int) saved.getSteps()),
                    "the first steps are the cancelled run's");
        } finally {
            WorkflowManager.ROOT.removeProject(m.getID());
        }
    }

    /** Waits until the learner's progress shows at least {@code steps} training steps; returns its message. */
    private static String waitForTraining(NodeContainer learner, int steps) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        String last = "";
        while (System.nanoTime() < deadline) {
            String msg = learner.getProgressMonitor().getMessage();
            last = msg == null ? last : msg;
            Matcher mt = STEP.matcher(last);
            if (last.startsWith("Training") && mt.find() && Integer.parseInt(mt.group(1)) >= steps
                    && last.contains("left")) {
                return last;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no training progress within 300 s; last message: " + last);
    }
}
