package org.mlaan.lab.cli;

import java.util.Locale;
import org.mlaan.lab.core.io.ByteCounts;

/** Human-readable byte counts and durations for the command line's tables and progress line. */
final class Units {
    private Units() {}

    static String bytes(long b) {
        return b < 0 ? "n/a" : ByteCounts.format(b);
    }

    static String duration(double seconds) {
        if (!Double.isFinite(seconds) || seconds < 0) {
            return "--";
        }
        long s = Math.round(seconds);
        if (s >= 3600) {
            return String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
        }
        if (s >= 60) {
            return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
        }
        return s + "s";
    }
}
