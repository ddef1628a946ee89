package dev.circuit.cli;

import dev.circuit.verify.Progress;
import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A one-line progress bar on stderr for checks that run longer than a second: rows done, rows/s
 * and time left. Redrawn at most five times a second; erased when the check ends.
 */
final class TerminalProgress implements Progress {
    private static final long QUIET_NANOS = 1_000_000_000L;
    private static final long REDRAW_NANOS = 200_000_000L;

    private final PrintWriter err;
    private final AtomicLong done = new AtomicLong();
    private volatile String what = "";
    private volatile long total;
    private volatile long started;
    private volatile long lastDraw;
    private volatile boolean drawn;

    TerminalProgress(PrintWriter err) {
        this.err = err;
    }

    /** A bar when stderr is a terminal (approximated by the console) and not in CI; else nothing. */
    static Progress forTerminal(PrintWriter err) {
        return System.console() != null && System.getenv("CI") == null ? new TerminalProgress(err) : NONE;
    }

    @Override
    public void start(String what, long total) {
        this.what = what;
        this.total = total;
        done.set(0);
        started = System.nanoTime();
        lastDraw = started;
        drawn = false;
    }

    @Override
    public void advance(long rows) {
        long d = done.addAndGet(rows);
        long now = System.nanoTime();
        if (now - started < QUIET_NANOS || now - lastDraw < REDRAW_NANOS) return;
        synchronized (this) {
            if (now - lastDraw < REDRAW_NANOS) return;
            lastDraw = now;
            double secs = (now - started) / 1e9;
            double rate = d / secs;
            double left = rate > 0 ? (total - d) / rate : 0;
            int width = 30;
            int filled = (int) Math.min(width, width * (double) d / total);
            String bar = "#".repeat(filled) + ".".repeat(width - filled);
            err.printf("\r%s [%s] %3.0f%%  %.3g rows/s  %s left ", what, bar, 100.0 * d / total, rate, clock(left));
            err.flush();
            drawn = true;
        }
    }

    @Override
    public synchronized void done() {
        if (drawn) {
            err.print("\r" + " ".repeat(100) + "\r");
            err.flush();
        }
    }

    private static String clock(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String.format("%d:%02d", s / 60, s % 60);
    }
}
