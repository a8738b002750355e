package org.autoimplant.nodes;

import java.nio.file.Files;
import java.nio.file.Path;
import org.autoimplant.core.model.Backends;
import org.knime.core.node.NodeLogger;
import org.nd4j.common.config.ND4JClassLoading;

/**
 * Starts ND4J inside KNIME, once, the way an OSGi bundle must:
 * <ul>
 * <li>ND4J remembers the class loader of the first thread that touches it and finds its backend
 * through it; KNIME's node threads carry another bundle's context class loader, which would leave
 * ND4J without a backend until KNIME restarts. So ND4J is pointed at this bundle's loader first.
 * <li>JavaCPP unpacks its native libraries into a cache; inside OSGi it loses the per-version
 * sub-folders it uses elsewhere, so another extension's JavaCPP could overwrite ours. The cache is
 * pointed at a folder of this plugin's version while JavaCPP reads the setting, then restored.
 * </ul>
 */
public final class Nd4jSetup {
    private static final NodeLogger LOGGER = NodeLogger.getLogger(Nd4jSetup.class);
    private static final String CACHE_PROPERTY = "org.bytedeco.javacpp.cachedir";
    private static volatile BackendChoice choice = BackendChoice.CPU;
    private static String description;

    private Nd4jSetup() {
    }

    static void choose(BackendChoice c) {
        choice = c;
    }

    /** What runs in this KNIME session: the backend's description once ND4J has started, else the choice. */
    public static synchronized String runningDescription() {
        return description != null ? description : "not started yet in this session (" + choice.id() + " chosen)";
    }

    /** Starts ND4J if it has not started yet; returns the backend description ("ND4J Cpu backend, …"). */
    public static synchronized String ensure() {
        if (description != null) {
            return description;
        }
        if (choice == BackendChoice.CUDA && Nd4jSetup.class.getClassLoader().getResource(
                BackendChoice.CUDA_BACKEND_CLASS.replace('.', '/') + ".class") == null) {
            LOGGER.warn("AutoImplant: the CUDA backend was chosen but the CUDA fragment is not installed;"
                    + " running on the CPU");
        }
        ND4JClassLoading.setNd4jClassloaderFromClass(Nd4jSetup.class);
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        String previousCache = System.getProperty(CACHE_PROPERTY);
        try {
            Thread.currentThread().setContextClassLoader(Nd4jSetup.class.getClassLoader());
            Path cache = cacheDir();
            Files.createDirectories(cache);
            System.setProperty(CACHE_PROPERTY, cache.toString());
            org.bytedeco.javacpp.Loader.getCacheDir();
            description = Backends.describe();
            LOGGER.info("AutoImplant: " + description + " (natives in " + cache + ")");
            return description;
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot create the native-library cache folder: " + e.getMessage(), e);
        } finally {
            if (previousCache == null) {
                System.clearProperty(CACHE_PROPERTY);
            } else {
                System.setProperty(CACHE_PROPERTY, previousCache);
            }
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    /** Where JavaCPP unpacks the natives: ~/.javacpp/cache/org.autoimplant.nodes-VERSION, private to this version. */
    public static Path cacheDir() {
        String version = AutoImplantPlugin.bundle() == null ? "dev" : AutoImplantPlugin.bundle().getVersion().toString();
        return Path.of(System.getProperty("user.home"), ".javacpp", "cache", "org.autoimplant.nodes-" + version);
    }
}
