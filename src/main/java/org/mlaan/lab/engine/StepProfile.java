package org.mlaan.lab.engine;

import java.util.List;

/**
 * Where one training step's time went ({@code bench --profile}): wall time per phase, and the
 * libtorch operators of the step by self time.
 *
 * @param phases the step's phases in order, their milliseconds summing to the step's
 * @param ops every operator the step ran, most self time first
 */
public record StepProfile(List<Phase> phases, List<OpProfile.Op> ops) {

    /**
     * One phase of a step.
     *
     * @param name e.g. {@code data}, {@code module 3}, {@code EMA twins}, {@code optimiser}
     * @param millis its wall time
     */
    public record Phase(String name, double millis) {}

    /** The step's wall time. */
    public double totalMillis() {
        return phases.stream().mapToDouble(Phase::millis).sum();
    }
}
