package org.autoimplant.core.demo;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.autoimplant.core.model.ModelFile;
import org.autoimplant.core.util.Progress;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The demo's plumbing end to end with a budget too small to learn anything (20 steps per network):
 * data sets, models, predictions for every held-out case and method, the report; a second run
 * resumes instead of starting again.
 */
public class DemoTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void runsEndToEndAndResumes() throws Exception {
        Path dir = tmp.getRoot().toPath().resolve("demo");
        List<String> log = new ArrayList<>();
        Path report = new Demo(new Demo.Options(dir, 0.01, 3), "test", Progress.NONE, log::add).run();
        assertTrue(String.join("\n", log), log.stream().anyMatch(l -> l.startsWith("the time budget is too small")));
        DemoPlan plan = DemoPlan.load(dir);
        assertEquals(20, plan.n1Steps());
        for (String model : new String[] {"n1", "n2", "completion"}) {
            assertEquals(20, ModelFile.metadata(dir.resolve("models").resolve(model + ".zip")).getSteps());
        }
        for (String set : new String[] {"test", "robustness"}) {
            for (String method : new String[] {"direct", "completion"}) {
                try (var files = Files.list(dir.resolve("predictions").resolve(set).resolve(method))) {
                    assertEquals(set + "/" + method, 4, files.filter(p -> p.toString().endsWith(".nrrd")).count());
                }
            }
        }
        String html = Files.readString(report, StandardCharsets.UTF_8);
        assertTrue(html.contains("Robustness set"));
        assertTrue(html.contains("direct (N1 + N2)"));
        long modified = Files.getLastModifiedTime(dir.resolve("models").resolve("n1.zip")).toMillis();

        List<String> again = new ArrayList<>();
        new Demo(new Demo.Options(dir, 0.01, 3), "test", Progress.NONE, again::add).run();
        assertTrue(String.join("\n", again), again.stream().anyMatch(l -> l.startsWith("resuming the demo")));
        assertTrue(again.stream().anyMatch(l -> l.endsWith("already has 20 steps")));
        assertEquals("trained models are kept", modified,
                Files.getLastModifiedTime(dir.resolve("models").resolve("n1.zip")).toMillis());
    }
}
