package org.mlaan.lab.core.config;

import java.util.Locale;

/** Learning-rate schedules of ALGORITHMS.md Part B §7. */
public enum ScheduleKind {
    /** Cosine over all epochs with the linear warm-up of the reference {@code --cos_lr}. */
    COSINE,
    /** x0.1 at epochs 80 and 120 (the reference code without {@code --cos_lr}). */
    STEP,
    /** lr0 throughout. */
    CONSTANT;

    public static ScheduleKind parse(String text) {
        for (ScheduleKind k : values()) {
            if (k.name().equalsIgnoreCase(text.trim())) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown schedule '" + text + "', expected cosine, step or constant");
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
