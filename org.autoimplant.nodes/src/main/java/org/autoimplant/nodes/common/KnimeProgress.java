package org.autoimplant.nodes.common;

import org.autoimplant.core.util.Progress;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;

/**
 * The core's progress and cancel hooks on a KNIME execution monitor: fractions and messages go to
 * the node's progress bar, and a cancel request stops the core at its next check.
 */
public final class KnimeProgress implements Progress {
    private final ExecutionMonitor exec;
    private String task = "";
    private long total;
    private long startNanos;
    private long startDone = -1;

    public KnimeProgress(ExecutionMonitor exec) {
        this.exec = exec;
    }

    @Override
    public void start(String task, long total) {
        this.task = task;
        this.total = total;
        this.startDone = -1;
        exec.setProgress(total > 0 ? 0.0 : Double.NaN, task);
    }

    @Override
    public void update(long done, String message) {
        String text = message == null ? task : task + ": " + message;
        if (startDone < 0) {
            startDone = done;
            startNanos = System.nanoTime();
        }
        if (total > 0) {
            exec.setProgress(Math.min(1.0, (double) done / total), text + " (" + done + " of " + total + eta(done) + ")");
        } else {
            exec.setMessage(text);
        }
    }

    /** ", about 12 min left" once a few items have been timed; empty before. */
    private String eta(long done) {
        long timed = done - startDone;
        double elapsed = (System.nanoTime() - startNanos) / 1e9;
        if (timed < 2 || elapsed < 5 || done >= total) {
            return "";
        }
        double left = elapsed / timed * (total - done);
        return left < 90 ? String.format(java.util.Locale.ROOT, ", about %.0f s left", left)
                : left < 5400 ? String.format(java.util.Locale.ROOT, ", about %.0f min left", left / 60)
                        : String.format(java.util.Locale.ROOT, ", about %.1f h left", left / 3600);
    }

    @Override
    public void checkCancelled() {
        try {
            exec.checkCanceled();
        } catch (CanceledExecutionException e) {
            throw new CancelledException();
        }
    }
}
