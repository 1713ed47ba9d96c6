package org.mlaan.lab.ui.common;

/**
 * A duration as a person says an estimate: "45 s", "12 min", "2 h 35 min" (the Train tab's exact
 * clock-style ETA is {@code ProgressText.duration}; an estimate of hours does not need seconds).
 */
public final class RoughDuration {
    private RoughDuration() {}

    public static String of(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) {
            return s + " s";
        }
        long min = Math.round(seconds / 60);
        return min < 60 ? min + " min" : (min / 60) + " h " + (min % 60) + " min";
    }
}
