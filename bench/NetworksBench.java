// Paper-size N1/N2 on DL4J CPU (issue #5): forward and training-step time, GFLOP/s, peak memory,
// and one end-to-end `predict` on a 512×512×Z phantom broken down by stage (untrained weights:
// timing only). Run from the repository root after building:  bench/networks.sh [--predict-only]

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.autoimplant.core.data.DefectInjector;
import org.autoimplant.core.data.DefectShape;
import org.autoimplant.core.data.SkullPhantom;
import org.autoimplant.core.model.Backends;
import org.autoimplant.core.model.InferenceNetwork;
import org.autoimplant.core.model.ImplantNetworks;
import org.autoimplant.core.model.ModelFile;
import org.autoimplant.core.model.ModelMetadata;
import org.autoimplant.core.model.NetworkSpec;
import org.autoimplant.core.model.Role;
import org.autoimplant.core.ops.MaskOps;
import org.autoimplant.core.pipeline.ImplantCrops;
import org.autoimplant.core.pipeline.TwoStepPredictor;
import org.autoimplant.core.util.Progress;
import org.autoimplant.core.volume.Box;
import org.autoimplant.core.volume.Mask;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Convolution3D;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;

public class NetworksBench {
    public static void main(String[] args) throws Exception {
        System.out.println(Backends.describe());
        // The launcher's native-allocation settings (see ./autoimplant) change training-step times by a third.
        System.out.println("glibc malloc: " + java.util.stream.Stream.of("MALLOC_ARENA_MAX", "MALLOC_MMAP_MAX_",
                "MALLOC_TRIM_THRESHOLD_").map(k -> k + "=" + System.getenv().getOrDefault(k, "(unset)"))
                .collect(java.util.stream.Collectors.joining(" ")));
        double peak = peakGflops();
        // --predict-only: just the end-to-end predict (a few GB instead of the ~9 GB the N2 training step needs);
        // --n1 / --n2: one network only (each in its own JVM keeps the peak memory to that network's).
        List<String> options = Arrays.asList(args);
        Role[] roles = options.contains("--predict-only") ? new Role[0]
                : options.contains("--n1") ? new Role[] {Role.N1}
                : options.contains("--n2") ? new Role[] {Role.N2} : new Role[] {Role.N1, Role.N2};
        for (Role role : roles) {
            NetworkSpec spec = NetworkSpec.paper(role, 1);
            ComputationGraph g = ImplantNetworks.build(spec);
            double gflop = convGflop(g, spec);
            INDArray in = Nd4j.rand(DataType.FLOAT, 1, 1, spec.input().nz(), spec.input().ny(), spec.input().nx());
            INDArray lab = Nd4j.zeros(DataType.FLOAT, 1, 2, spec.input().nz(), spec.input().ny(), spec.input().nx());
            lab.get(org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.point(0)).assign(1);
            double fwd = median(() -> g.outputSingle(false, in));
            InferenceNetwork inference = InferenceNetwork.of(g, spec);
            float[] values = in.data().asFloat();
            byte[] mask = new byte[values.length];
            for (int i = 0; i < mask.length; i++) {
                mask[i] = (byte) (values[i] > 0.5 ? 1 : 0);
            }
            double fwdFolded = median(() -> inference.segment(mask));
            System.out.printf(Locale.ROOT, "%s %s: %,d parameters, %.1f GFLOP per forward (convolutions)%n", role.id(),
                    spec.input(), g.numParams(), gflop);
            System.out.printf(Locale.ROOT, "  forward (training graph, inference mode) %.2f s = %.1f GFLOP/s, %.0f %% of peak%n",
                    fwd, gflop / fwd, 100 * gflop / fwd / peak);
            System.out.printf(Locale.ROOT, "  inference form (what predict runs: batch norm folded, phase deconvolutions,"
                    + " channels-last, mask in and out) %.2f s = %.1f GFLOP/s, %.0f %% of peak%n", fwdFolded,
                    gflop / fwdFolded, 100 * gflop / fwdFolded / peak);
            // Printed first: the N2 training step needs ~9 GB and may not survive a smaller machine.
            System.out.flush();
            double step = median(() -> g.fit(new MultiDataSet(new INDArray[] {in}, new INDArray[] {lab})));
            System.out.printf(Locale.ROOT, "  training step %.2f s = %.1f GFLOP/s (3× forward FLOPs), %.0f %% of peak%n",
                    step, 3 * gflop / step, 100 * 3 * gflop / step / peak);
            System.out.printf(Locale.ROOT, "  peak RSS so far %.1f GB%n", peakRssGb());
            g.clear();
            System.gc();
        }
        // End to end on one 512×512×Z case with paper-size (untrained) networks.
        Path dir = Files.createTempDirectory("net-bench");
        Mask skull = SkullPhantom.generate(3, SkullPhantom.Options.challengeSize());
        DefectInjector.Defect cut = DefectInjector.inject(skull, DefectShape.CUBE, 128, 1);
        Mask defective = cut.defective();
        Path n1 = dir.resolve("n1.zip"), n2 = dir.resolve("n2.zip");
        ModelFile.save(ImplantNetworks.build(NetworkSpec.paper(Role.N1, 1)), ModelMetadata.of(NetworkSpec.paper(Role.N1, 1),
                0, "bench", "bench"), n1);
        ModelFile.save(ImplantNetworks.build(NetworkSpec.paper(Role.N2, 1)), ModelMetadata.of(NetworkSpec.paper(Role.N2, 1),
                20, "bench", "bench"), n2);
        TwoStepPredictor p = new TwoStepPredictor(ModelFile.load(n1, Role.N1), ModelFile.load(n2, Role.N2));
        p.predict(defective, false, Progress.NONE);
        long t0 = System.nanoTime();
        TwoStepPredictor.Result r = p.predict(defective, false, Progress.NONE);
        System.out.printf(Locale.ROOT, "predict %s (untrained nets): total %.1f s, stages %s; peak RSS %.1f GB%n",
                defective.shape(), (System.nanoTime() - t0) / 1e9, r.seconds(), peakRssGb());
        // The untrained N1 finds no implant, so predict never reaches N2: time the N2 stage on the box
        // a trained N1 would give, the true implant's, and add it to the measured stages.
        Box box = MaskOps.boundingBox(cut.implant());
        int tiles = ImplantCrops.plan(box, defective.shape(), NetworkSpec.paper(Role.N2, 1).input(), 20).size();
        p.refine(defective, box, Progress.NONE);
        t0 = System.nanoTime();
        p.refine(defective, box, Progress.NONE);
        double n2Seconds = (System.nanoTime() - t0) / 1e9;
        double others = r.seconds().entrySet().stream().filter(e -> !e.getKey().equals("N2"))
                .mapToDouble(e -> e.getValue()).sum();
        System.out.printf(Locale.ROOT, "N2 stage on the true implant's box %s: %d tile(s), %.1f s; predict with it: %.1f s%n",
                box, tiles, n2Seconds, others + n2Seconds);
        for (Path f : Files.list(dir).toList()) {
            Files.delete(f);
        }
        Files.delete(dir);
    }

    /** 2·k³·Cin·Cout per output voxel for convolutions, per input voxel for transposed ones. */
    static double convGflop(ComputationGraph g, NetworkSpec spec) {
        var conf = g.getConfiguration();
        var types = conf.getLayerActivationTypes(InputType.convolutional3D(Convolution3D.DataFormat.NCDHW,
                spec.input().nz(), spec.input().ny(), spec.input().nx(), 1));
        double flop = 0;
        for (var e : conf.getVertices().entrySet()) {
            if (!(e.getValue() instanceof LayerVertex lv)) {
                continue;
            }
            var layer = lv.getLayerConf().getLayer();
            if (layer instanceof Convolution3D c) {
                InputType.InputTypeConvolutional3D out = (InputType.InputTypeConvolutional3D) types.get(e.getKey());
                int[] k = c.getKernelSize();
                double voxels = out.getDepth() * out.getHeight() * out.getWidth();
                // Phase-form transposed convolutions count as they are (8·c outputs at the input size);
                // zero insertion + kernel 4 (model files from before) did useful work on 1/8 of the taps.
                double useful = k[0] == 4 ? 1.0 / 8 : 1.0;
                flop += 2.0 * k[0] * k[1] * k[2] * c.getNIn() * c.getNOut() * voxels * useful;
            }
        }
        return flop / 1e9;
    }

    interface Op {
        void run();
    }

    static double median(Op op) {
        op.run();
        double[] t = new double[3];
        for (int i = 0; i < 3; i++) {
            long t0 = System.nanoTime();
            op.run();
            t[i] = (System.nanoTime() - t0) / 1e9;
        }
        Arrays.sort(t);
        return t[1];
    }

    static double peakRssGb() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0 / 1024.0;
            }
        }
        return Double.NaN;
    }

    /** Cores × clock × single-precision FLOP per cycle (2 FMA units × vector width × 2). */
    static double peakGflops() throws Exception {
        String info = Files.readString(Path.of("/proc/cpuinfo"));
        int cores = Runtime.getRuntime().availableProcessors();
        double mhz = Arrays.stream(info.split("\n")).filter(l -> l.startsWith("cpu MHz")).mapToDouble(
                l -> Double.parseDouble(l.split(":")[1].trim())).max().orElse(2000);
        int lanes = info.contains("avx512f") ? 16 : info.contains("avx2") ? 8 : 4;
        double peak = cores * mhz / 1000 * 2 * lanes * 2;
        System.out.printf(Locale.ROOT, "CPU peak: %d cores × %.2f GHz × 2 FMA units × %d float lanes × 2 = %.0f GFLOP/s%n",
                cores, mhz / 1000, lanes, peak);
        return peak;
    }
}
