package org.strata.cli;

import org.strata.server.ingest.ImportJob;
import org.strata.server.ingest.ProgressListener;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * Import progress on stderr: a bar redrawn in place on a terminal, a plain line every few seconds otherwise (logs,
 * CI), so that redirected output stays readable.
 */
final class ProgressBar implements ProgressListener {

    private static final int WIDTH = 30;
    private static final long PLAIN_INTERVAL_NANOS = 5_000_000_000L;

    private final PrintWriter err;
    private final boolean terminal;
    private final long started = System.nanoTime();
    private long lastPlainLine = started;

    ProgressBar(PrintWriter err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    @Override
    public void batchDone(ImportJob job) {
        long now = System.nanoTime();
        String line = describe(job, (now - started) / 1e9);
        if (terminal) {
            err.print("\r" + line);
            err.flush();
        } else if (now - lastPlainLine >= PLAIN_INTERVAL_NANOS) {
            err.println(line);
            err.flush();
            lastPlainLine = now;
        }
    }

    void finish() {
        if (terminal) {
            err.println();
            err.flush();
        }
    }

    static String describe(ImportJob job, double seconds) {
        long rows = job.counts().read();
        double fraction = job.fractionDone();
        String rate = String.format(Locale.ROOT, "%,.0f rows/s", seconds > 0 ? rows / seconds : 0);
        if (fraction < 0) {
            return String.format(Locale.ROOT, "%,d rows  %s", rows, rate);
        }
        int filled = (int) Math.round(fraction * WIDTH);
        return String.format(Locale.ROOT, "[%s%s] %3.0f%%  %,d rows  %s", "#".repeat(filled),
                " ".repeat(WIDTH - filled), fraction * 100, rows, rate);
    }
}
