package org.autoimplant.core.model;

import java.util.Properties;
import org.nd4j.linalg.factory.Nd4j;

/** Which ND4J backend runs the networks, in one line for logs; a clear error when none can start. */
public final class Backends {
    private Backends() {
    }

    /**
     * Starts ND4J and describes its backend.
     *
     * @throws IllegalStateException naming the backend and what to do when it cannot start (the CUDA
     *     build on a machine without a usable GPU, missing natives), instead of ND4J's bare
     *     ExceptionInInitializerError
     */
    public static String describe() {
        try {
            String backend = Nd4j.getBackend().getClass().getSimpleName().replace("Backend", "");
            Properties env = Nd4j.getExecutioner().getEnvironmentInformation();
            return "ND4J " + backend + " backend, " + env.getOrDefault("omp.threads", "?") + " threads, BLAS "
                    + env.getOrDefault("blas.vendor", "?");
        } catch (ExceptionInInitializerError | NoClassDefFoundError | UnsatisfiedLinkError | RuntimeException e) {
            throw new IllegalStateException(cannotStart(e), e);
        }
    }

    private static String cannotStart(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        boolean cuda = Backends.class.getClassLoader().getResource("org/nd4j/linalg/jcublas/JCublasBackend.class") != null;
        String what = cuda
                ? "the CUDA backend (this build used -Pcuda) cannot start: it needs an NVIDIA GPU with a CUDA 11.6"
                        + " driver. Rebuild without -Pcuda (mvn -DskipTests package) to run on the CPU"
                : "the ND4J CPU backend cannot start (native library for this platform missing or not loadable)";
        return what + " [" + root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage())
                + "]";
    }
}
