package org.mlaan.lab.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.mlaan.lab.analysis.AnalysisProgress;

/**
 * The report's progress line: what is being analysed and how far the whole report is. On a
 * terminal it rewrites one line in place; in a log it prints a line whenever the step changes.
 */
final class AnalysisProgressLine implements AnalysisProgress {
    private final PrintWriter out;
    private final boolean terminal;
    private String lastStep = "";
    private int lastWidth;

    AnalysisProgressLine(PrintWriter out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    @Override
    public synchronized void update(String what, double fraction) {
        String line = String.format(Locale.ROOT, "report %3.0f%%  %s", 100 * fraction, what);
        if (terminal) {
            out.print("\r" + line + " ".repeat(Math.max(0, lastWidth - line.length())));
            lastWidth = line.length();
        } else {
            String step = what.contains(":") ? what.substring(0, what.indexOf(':')) : what;
            if (step.equals(lastStep)) {
                return;
            }
            lastStep = step;
            out.println(line);
        }
        out.flush();
    }

    /** Ends the line in place on a terminal, so what follows starts on its own line. */
    void finish() {
        if (terminal && lastWidth > 0) {
            out.println();
            out.flush();
        }
    }
}
