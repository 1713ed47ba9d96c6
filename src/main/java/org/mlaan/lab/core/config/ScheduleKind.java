package org.mlaan.lab.core.config;

import java.util.Locale;

/** Learning-rate schedules of ALGORITHMS.md Part B §7. */
public enum ScheduleKind implements ConfigWord {
    /** Cosine over all epochs with the linear warm-up of the reference {@code --cos_lr}. */
    COSINE,
    /** x0.1 at epochs 80 and 120 (the reference code without {@code --cos_lr}). */
    STEP,
    /** lr0 throughout. */
    CONSTANT,
    /** The MLAAN ImageNet schedule: 0.5*lr0*(1+cos(pi*epoch/E)) with 0-based epochs, no warm-up. */
    COSINE_IMAGENET;

    public static ScheduleKind parse(String text) {
        return ConfigWord.parse(ScheduleKind.class, text, "schedule");
    }

    @Override
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
