package org.mlaan.lab.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.mlaan.lab.analysis.AnalysisProgress;

/**
 * The progress line of a checkpoint analysis: what is being done and how far the whole analysis
 * is. On a terminal it rewrites one line in place; in a log it prints when the step changes, at
 * most every few seconds, so logs stay short. {@link #end()} finishes the line before a table.
 */
final class AnalysisProgressLine implements AnalysisProgress {
    private static final long LOG_INTERVAL_NANOS = 5_000_000_000L;
    private final PrintWriter out;
    private final boolean terminal;
    private long lastPrint;
    private String lastWhat = "";
    private int lastWidth;

    AnalysisProgressLine(PrintWriter out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    @Override
    public synchronized void update(String what, double fraction) {
        long now = System.nanoTime();
        boolean changed = !what.equals(lastWhat);
        boolean done = fraction >= 1;
        if (!terminal && !done && !(changed && now - lastPrint >= LOG_INTERVAL_NANOS) && lastPrint != 0) {
            return;
        }
        lastPrint = now;
        lastWhat = what;
        String line = String.format(Locale.ROOT, "[%3.0f%%] %s", 100 * Math.max(0, Math.min(1, fraction)), what);
        if (terminal) {
            out.print("\r" + line + " ".repeat(Math.max(0, lastWidth - line.length())));
            lastWidth = line.length();
        } else {
            out.println(line);
        }
        out.flush();
    }

    /** Ends the rewritten line (a new line on a terminal; nothing in a log). */
    void end() {
        if (terminal && lastWidth > 0) {
            out.println();
            lastWidth = 0;
        }
        lastPrint = 0;
        lastWhat = "";
    }
}
