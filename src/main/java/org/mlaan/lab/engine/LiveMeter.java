package org.mlaan.lab.engine;

import ai.djl.ndarray.NDManager;

/**
 * The live-tensor meter of training steps (the peak bytes a step holds, what Table 3 compares).
 * Reading it walks every array under the step's manager, several times per module, which costs
 * time a step does not otherwise spend (issue 13), so a training run meters its first steps and
 * then every n-th, where a step's peak hardly changes from one step to the next; {@code bench}
 * meters every step and reports what the meter cost. An unmetered step reports -1.
 */
final class LiveMeter {
    /** Steps metered at the start of a run, before sampling. */
    static final int FIRST_STEPS = 5;
    /** A training run's default: every 20th step after the first ones. */
    static final int TRAINING_EVERY = 20;

    private final int every;
    private long step = -1;
    private boolean on = true;
    private long nanos;

    private LiveMeter(int every) {
        if (every < 1) {
            throw new IllegalArgumentException("a meter reads every n >= 1 steps, got " + every);
        }
        this.every = every;
    }

    /** Reads every step (tests, bench). */
    static LiveMeter everyStep() {
        return new LiveMeter(1);
    }

    /** Reads the first {@link #FIRST_STEPS} steps, then every {@code every}-th. */
    static LiveMeter sampled(int every) {
        return new LiveMeter(every);
    }

    /** Called as a step starts: whether this step is metered. */
    boolean startStep() {
        step++;
        on = every == 1 || step < FIRST_STEPS || step % every == 0;
        return on;
    }

    /** Bytes of the live arrays under {@code manager}, or -1 when this step is not metered. */
    long read(NDManager manager) {
        if (!on) {
            return -1;
        }
        long t = System.nanoTime();
        long bytes = LiveArrays.bytes(manager);
        nanos += System.nanoTime() - t;
        return bytes;
    }

    /** Wall time spent reading, over every step so far. */
    long nanos() {
        return nanos;
    }
}
