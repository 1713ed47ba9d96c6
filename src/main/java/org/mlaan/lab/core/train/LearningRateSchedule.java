package org.mlaan.lab.core.train;

import org.mlaan.lab.core.config.ScheduleKind;
import org.mlaan.lab.core.config.TrainingConfig;

/**
 * The learning rate of each epoch (ALGORITHMS.md Part B §7): set once per epoch, never per step.
 * Pure arithmetic, so the same epoch always gets the same rate, including after a resume.
 *
 * <ul>
 *   <li>{@code COSINE}: with e = epoch + 1 and E = epochs, for e &lt;= W (the warm-up epochs)
 *       {@code 0.5*lr0*(1+cos(pi*e/E))*(e-1)/W + s*(W+1-e)/W} (s = the warm-up start rate),
 *       afterwards {@code 0.5*lr0*(1+cos(pi*e/E))}. W = 0 means no warm-up.
 *   <li>{@code STEP}: lr0, times 0.1 from epoch 80 and again from epoch 120 (0-based epochs, as the
 *       reference code adjusts at the start of those epochs).
 *   <li>{@code CONSTANT}: lr0 throughout.
 *   <li>{@code COSINE_IMAGENET}: {@code 0.5*lr0*(1+cos(pi*epoch/E))} with the 0-based epoch and no
 *       warm-up, the MLAAN ImageNet code's schedule.
 * </ul>
 */
public final class LearningRateSchedule {
    /** Epochs (0-based) from which the step schedule multiplies the rate by 0.1. */
    private static final int[] STEP_EPOCHS = {80, 120};
    private static final double STEP_FACTOR = 0.1;

    private final ScheduleKind kind;
    private final double baseRate;
    private final int epochs;
    private final int warmupEpochs;
    private final double warmupStartRate;

    public LearningRateSchedule(ScheduleKind kind, double baseRate, int epochs, int warmupEpochs,
            double warmupStartRate) {
        if (epochs <= 0) {
            throw new IllegalArgumentException("a schedule needs at least 1 epoch, got " + epochs);
        }
        if (warmupEpochs < 0) {
            throw new IllegalArgumentException("warm-up epochs must be 0 or more, got " + warmupEpochs);
        }
        this.kind = kind;
        this.baseRate = baseRate;
        this.epochs = epochs;
        this.warmupEpochs = warmupEpochs;
        this.warmupStartRate = warmupStartRate;
    }

    /** The schedule a training config asks for, over {@code epochs} epochs. */
    public static LearningRateSchedule of(TrainingConfig t, int epochs) {
        return new LearningRateSchedule(t.scheduleOrDefault(), t.learningRateOrDefault(), epochs,
                t.warmupEpochsOrDefault(), t.warmupStartLrOrDefault());
    }

    /** The learning rate of {@code epoch} (0-based). */
    public double rate(int epoch) {
        if (epoch < 0) {
            throw new IllegalArgumentException("epoch must be 0 or more, got " + epoch);
        }
        switch (kind) {
            case CONSTANT:
                return baseRate;
            case STEP:
                return stepRate(epoch);
            case COSINE_IMAGENET:
                // ALGORITHMS.md Part B §7 (ImageNet, I/imagenet_DDP.py): 0-based epoch, no warm-up.
                return 0.5 * baseRate * (1 + Math.cos(Math.PI * epoch / epochs));
            case COSINE:
            default:
                return cosineRate(epoch);
        }
    }

    // ALGORITHMS.md Part B §7: --cos_lr with the linear warm-up from s.
    private double cosineRate(int epoch) {
        int e = epoch + 1;
        double cosine = 0.5 * baseRate * (1 + Math.cos(Math.PI * e / epochs));
        if (e > warmupEpochs) {
            return cosine;
        }
        double w = warmupEpochs;
        return cosine * (e - 1) / w + warmupStartRate * (w + 1 - e) / w;
    }

    // ALGORITHMS.md Part B §7: x0.1 at epochs 80 and 120 without --cos_lr.
    private double stepRate(int epoch) {
        double rate = baseRate;
        for (int at : STEP_EPOCHS) {
            if (epoch >= at) {
                rate *= STEP_FACTOR;
            }
        }
        return rate;
    }

    public ScheduleKind kind() {
        return kind;
    }

    public int epochs() {
        return epochs;
    }
}
