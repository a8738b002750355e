package org.autoimplant.nodes.framework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.concurrent.atomic.AtomicReference;
import org.autoimplant.nodes.Nd4jSetup;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * ND4J starts from a thread whose context class loader is not our bundle's (as KNIME's node
 * threads have), and its natives land in a cache folder of this plugin's version. Run in a JVM of
 * its own (src/test/headless/run.sh runs each class separately), so this is ND4J's first start.
 */
class Nd4jStartTest {
    @Test
    void startsFromAForeignContextClassLoader() throws Exception {
        AtomicReference<Object> result = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                String backend = Nd4jSetup.ensure();
                INDArray a = Nd4j.create(new float[] {1, 2, 3, 4}, new long[] {2, 2});
                result.set(backend + " | " + a.mmul(a).getFloat(1, 1));
            } catch (Throwable e) {
                result.set(e);
            }
        }, "knime-like-node-thread");
        // KNIME's own bundle loader: sees KNIME, not ND4J's backends inside our plugin.
        t.setContextClassLoader(org.knime.core.node.NodeModel.class.getClassLoader());
        t.start();
        t.join();
        if (result.get() instanceof Throwable e) {
            throw new AssertionError("ND4J did not start: " + e, e);
        }
        String r = (String) result.get();
        assertTrue(r.startsWith("ND4J Cpu backend"), r);
        assertEquals("22.0", r.substring(r.indexOf("| ") + 2));
        try (var files = Files.list(Nd4jSetup.cacheDir())) {
            assertTrue(files.findAny().isPresent(), "no natives in " + Nd4jSetup.cacheDir());
        }
    }
}
