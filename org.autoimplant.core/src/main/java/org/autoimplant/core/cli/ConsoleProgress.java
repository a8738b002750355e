package org.autoimplant.core.cli;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.autoimplant.core.util.Progress;

/**
 * Shows core progress on stderr: on a terminal as a progress bar (with rate and ETA) redrawn in
 * place; otherwise (a log file, cron, a pipe) as one plain line every {@value #LOG_INTERVAL_MS} ms
 * and at the end, without the carriage returns that would fill a log with overdrawn lines.
 */
final class ConsoleProgress implements Progress {
    static final int LOG_INTERVAL_MS = 30_000;
    private static final boolean TERMINAL = System.console() != null;
    private ProgressBar bar;

    @Override
    public void start(String task, long total) {
        finish();
        ProgressBarBuilder b = new ProgressBarBuilder().setTaskName(task).setInitialMax(total > 0 ? total : -1)
                .setStyle(ProgressBarStyle.ASCII).showSpeed();
        bar = (TERMINAL ? b.setUpdateIntervalMillis(250).setConsumer(new ConsoleProgressBarConsumer(System.err))
                : b.setUpdateIntervalMillis(LOG_INTERVAL_MS).setConsumer(new DelegatingProgressBarConsumer(
                        System.err::println, 100))).build();
    }

    @Override
    public void update(long done, String message) {
        if (bar != null) {
            bar.stepTo(done);
            if (message != null) {
                bar.setExtraMessage(message);
            }
        }
    }

    @Override
    public void finish() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
