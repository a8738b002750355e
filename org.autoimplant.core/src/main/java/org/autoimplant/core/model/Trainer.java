package org.autoimplant.core.model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.autoimplant.core.pipeline.TrainingPairs;
import org.autoimplant.core.util.Progress;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;

/**
 * The paper's training loop: one random training pair per step (batch size 1), Adam on the soft
 * Dice loss. The pair of step s depends only on the seed and s, and the Adam state travels in the
 * checkpoint, so a resumed run sees the same pairs in the same order as an uninterrupted one and
 * continues from the same weights. It is not bit-identical to it: the CPU's multithreaded
 * convolutions sum in varying order, so even two fresh runs with the same seed differ in float
 * rounding (about 1e-4 in the loss at step 0) and drift apart slowly, as any two trainings do. Saves a
 * checkpoint every {@code checkpointEvery} steps, at the end, and when the JVM is stopped (Ctrl-C).
 */
public final class Trainer {

    /**
     * How long to train and how often to check. {@code deadline} ({@link System#nanoTime()} value)
     * stops training early with a checkpoint when a time budget runs out; a later run resumes
     * toward {@code steps}.
     */
    public record Options(long steps, int checkpointEvery, int validateEvery, Path out, long deadline) {
        public Options {
            if (steps < 1 || checkpointEvery < 1 || validateEvery < 1) {
                throw new IllegalArgumentException("steps, checkpoint and validation intervals must be ≥ 1");
            }
        }

        public Options(long steps, int checkpointEvery, int validateEvery, Path out) {
            this(steps, checkpointEvery, validateEvery, out, Long.MAX_VALUE);
        }
    }

    private Trainer() {
    }

    /** The training pair of step {@code step}. */
    static int pick(long seed, long step, int size) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + step).nextInt(size);
    }

    /**
     * Trains {@code g} from step {@code meta.getSteps() + 1} to {@code o.steps()}, recording losses in
     * {@code meta}; returns the number of steps done when it stopped (early only on Ctrl-C).
     */
    public static long train(ComputationGraph g, ModelMetadata meta, TrainingPairs train, TrainingPairs val, Options o,
            Progress progress, Consumer<String> log) throws IOException {
        if (train.size() == 0) {
            throw new IllegalArgumentException("no training pairs");
        }
        StopRequest stop = new StopRequest();
        Thread hook = new Thread(stop::requestAndWait, "autoimplant-checkpoint-on-exit");
        Runtime.getRuntime().addShutdownHook(hook);
        long first = meta.getSteps() + 1;
        Clock clock = new Clock(meta);
        CollapseWatch collapse = new CollapseWatch();
        // Until a deadline (the demo's time budget) progress counts seconds, else steps.
        boolean timed = o.deadline() != Long.MAX_VALUE;
        long started = System.nanoTime();
        long seconds = timed ? Math.max(1, (o.deadline() - started) / 1_000_000_000L) : 0;
        progress.start("Training " + meta.getRole() + (timed ? " (seconds of its budget)" : ""), timed ? seconds
                : o.steps());
        progress.update(timed ? 0 : meta.getSteps(), null);
        try {
            for (long step = first; step <= o.steps(); step++) {
                if (stop.requested) {
                    log.accept("stopping at step " + meta.getSteps() + ": saving a checkpoint to " + o.out());
                    break;
                }
                if (o.deadline() != Long.MAX_VALUE && System.nanoTime() - o.deadline() > 0) {
                    // A run until a deadline has no real step target (steps = "unbounded"): name none.
                    log.accept("time budget reached at step " + meta.getSteps()
                            + (o.steps() < Long.MAX_VALUE / 4 ? " of " + o.steps() : "") + ": saving a checkpoint to "
                            + o.out() + " (run again to continue)");
                    break;
                }
                try {
                    progress.checkCancelled();
                } catch (Progress.CancelledException e) {
                    // Cancelled (a KNIME user's cancel): keep what was learnt, so the run can resume.
                    // KNIME also interrupts the thread, and an interrupted thread's file channels
                    // close on their first write: save with the flag cleared, then set it again.
                    boolean interrupted = Thread.interrupted();
                    try {
                        ModelFile.save(g, clock.stamp(), o.out());
                    } finally {
                        if (interrupted) {
                            Thread.currentThread().interrupt();
                        }
                    }
                    log.accept("cancelled at step " + meta.getSteps() + ": saved a checkpoint to " + o.out());
                    throw e;
                }
                int i = pick(meta.getSeed(), step, train.size());
                g.fit(new MultiDataSet(new INDArray[] {train.input(i)}, new INDArray[] {train.labels(i)}));
                double loss = g.score();
                meta.getLosses().add(loss);
                meta.setSteps(step);
                if (timed) {
                    progress.update(Math.min(seconds, (System.nanoTime() - started) / 1_000_000_000L),
                            String.format(Locale.ROOT, "step %d, loss %.4f", step, loss));
                } else {
                    progress.update(step, String.format(Locale.ROOT, "loss %.4f", loss));
                }
                String warning = collapse.record(step, loss);
                if (warning != null) {
                    log.accept(warning);
                }
                if (val != null && step % o.validateEvery() == 0) {
                    log.accept(String.format(Locale.ROOT, "step %d: training loss %.4f, validation DSC %.4f", step, loss,
                            meanDice(g, val)));
                }
                if (step % o.checkpointEvery() == 0 && step < o.steps()) {
                    ModelFile.save(g, clock.stamp(), o.out());
                }
            }
            ModelFile.save(g, clock.stamp(), o.out());
        } finally {
            progress.finish();
            stop.done.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // The JVM is shutting down already; the hook is running and waits for done.
            }
        }
        return meta.getSteps();
    }

    /** Mean Dice of the network's predictions on {@code pairs}, at the network's resolution. */
    public static double meanDice(ComputationGraph g, TrainingPairs pairs) {
        return meanDice(g, pairs, false);
    }

    /**
     * As {@link #meanDice(ComputationGraph, TrainingPairs)}; with {@code batchStatistics} batch norm
     * normalises each case by its own statistics, as in training (what the loss saw), instead of
     * the running statistics that prediction uses. Changes no state: the running statistics move
     * only in backprop.
     */
    public static double meanDice(ComputationGraph g, TrainingPairs pairs, boolean batchStatistics) {
        double sum = 0;
        for (int i = 0; i < pairs.size(); i++) {
            byte[] p = Tensors.argmax(g.outputSingle(batchStatistics, pairs.input(i)));
            byte[] t = pairs.target(i);
            long both = 0, pc = 0, tc = 0;
            for (int k = 0; k < p.length; k++) {
                both += p[k] & t[k];
                pc += p[k];
                tc += t[k];
            }
            sum += pc + tc == 0 ? 1.0 : 2.0 * both / (pc + tc);
        }
        return sum / pairs.size();
    }

    /** Adds this session's wall-clock time to the metadata's training time whenever the model is saved. */
    private static final class Clock {
        private final ModelMetadata meta;
        private final double before;
        private final long start = System.nanoTime();

        Clock(ModelMetadata meta) {
            this.meta = meta;
            this.before = meta.getTrainingSeconds();
        }

        ModelMetadata stamp() {
            meta.setTrainingSeconds(before + (System.nanoTime() - start) / 1e9);
            return meta;
        }
    }

    /** Ctrl-C: ask the loop to save and stop, and keep the JVM alive until it has. */
    private static final class StopRequest {
        volatile boolean requested;
        final CountDownLatch done = new CountDownLatch(1);

        void requestAndWait() {
            requested = true;
            try {
                done.await(10, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
