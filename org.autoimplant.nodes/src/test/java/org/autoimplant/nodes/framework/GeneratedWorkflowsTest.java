package org.autoimplant.nodes.framework;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The committed workflows are what the generator writes from today's code: regenerating them
 * (over a copy, with their data) gives the same files, apart from what KNIME stamps with the date
 * and the user's name; each .knwf archive holds exactly its workflow folder.
 */
class GeneratedWorkflowsTest {
    private Path tmp;

    @BeforeEach
    void makeTmp() throws Exception {
        tmp = Files.createTempDirectory("autoimplant-generate-");
    }

    @AfterEach
    void cleanUp() throws Exception {
        Workflows.delete(tmp);
    }

    @Test
    void regeneratingGivesTheCommittedFiles() throws Exception {
        Path tests = Path.of(System.getenv("AUTOIMPLANT_TEST_WORKFLOWS")).toAbsolutePath();
        Path examples = ExampleWorkflowsTest.examples();
        Path newTests = Workflows.copy(tests, tmp.resolve("test-workflows"));
        Path newExamples = Workflows.copy(examples, tmp.resolve("workflows"));
        WorkflowGenerator.generate(newTests, newExamples);
        assertEquals(files(tests), files(newTests), "test-workflows/ is stale: run workflows/generate.sh");
        assertEquals(files(examples), files(newExamples), "workflows/ is stale: run workflows/generate.sh");
    }

    @Test
    void eachArchiveHoldsExactlyItsWorkflowFolder() throws Exception {
        Path examples = ExampleWorkflowsTest.examples();
        for (String name : new String[] {Examples.TWO_STEP, Examples.DESIGN, Examples.COMPLETION}) {
            Map<String, String> folder = new TreeMap<>();
            files(examples).forEach((k, v) -> {
                if (k.startsWith(name + "/")) {
                    folder.put(k, v);
                }
            });
            Map<String, String> archive = new TreeMap<>();
            try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(examples.resolve(name + ".knwf")))) {
                for (ZipEntry e; (e = zip.getNextEntry()) != null;) {
                    archive.put(e.getName(), normalise(e.getName(), zip));
                }
            }
            assertEquals(folder, archive, name + ".knwf");
        }
    }

    /** Every file under {@code root} except .knwf archives (checked apart), relative path → normalised content. */
    private static Map<String, String> files(Path root) throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : (Iterable<Path>) s.filter(Files::isRegularFile)::iterator) {
                String rel = root.relativize(p).toString().replace('\\', '/');
                if (rel.endsWith(".knwf") || rel.contains("/output/") || rel.endsWith(".knimeLock")
                        || rel.endsWith(".sh")) {
                    continue;
                }
                try (InputStream in = Files.newInputStream(p)) {
                    m.put(rel, normalise(rel, in));
                }
            }
        }
        return m;
    }

    /** Text files with KNIME's date and author stamps blanked; binary files by a digest of their bytes. */
    private static String normalise(String name, InputStream in) throws IOException {
        byte[] b = in.readAllBytes();
        if (!(name.endsWith(".xml") || name.endsWith(".knime") || name.endsWith(".meta") || name.endsWith(".txt"))) {
            try {
                return "sha256:" + java.util.HexFormat.of().formatHex(
                        java.security.MessageDigest.getInstance("SHA-256").digest(b));
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        return new String(b, StandardCharsets.UTF_8)
                .replaceAll("(key=\"authored-(when|by)\" type=\"xstring\" value=)\"[^\"]*\"", "$1\"-\"")
                .replaceAll("<last-modified>[^<]*</last-modified>", "<last-modified/>")
                .replaceAll("(name=\"Last Edited\" read-only=\"true\">)[^<]*<", "$1<");
    }
}
