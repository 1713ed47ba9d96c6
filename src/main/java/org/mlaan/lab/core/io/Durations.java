package org.mlaan.lab.core.io;

import java.util.Locale;

/**
 * Durations as the lab writes them, in one place: a clock for live progress and time axes
 * ({@code 12:05}, {@code 1:02:03}), a compact form for the terminal's progress lines
 * ({@code 1h02m}, {@code 3m05s}, {@code 42s}), and a rough one for estimates a person reads
 * ({@code 45 s}, {@code 12 min}, {@code 2 h 35 min}: an estimate of hours needs no seconds).
 */
public final class Durations {
    private Durations() {}

    /** {@code m:ss}, or {@code h:mm:ss} from an hour on; a dash where there is no duration. */
    public static String clock(double seconds) {
        if (!Double.isFinite(seconds) || seconds < 0) {
            return "\u2013";
        }
        long s = Math.round(seconds);
        long h = s / 3600;
        long m = (s % 3600) / 60;
        long sec = s % 60;
        return h > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, sec)
                : String.format(Locale.ROOT, "%d:%02d", m, sec);
    }

    /** {@code 1h02m}, {@code 3m05s} or {@code 42s}; {@code --} where there is no duration. */
    public static String compact(double seconds) {
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

    /** {@code 45 s}, {@code 12 min} or {@code 2 h 35 min}. */
    public static String rough(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) {
            return s + " s";
        }
        long min = Math.round(seconds / 60);
        return min < 60 ? min + " min" : (min / 60) + " h " + (min % 60) + " min";
    }
}
