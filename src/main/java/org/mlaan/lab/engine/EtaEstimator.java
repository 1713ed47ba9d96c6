package org.mlaan.lab.engine;

/**
 * Estimates the time left from an exponential moving average of step times, so one slow step
 * (a first step, an evaluation) does not swing the estimate.
 */
final class EtaEstimator {
    private static final double WEIGHT = 0.1;
    private double average = Double.NaN;

    /** Records one step's duration. */
    void record(double stepSeconds) {
        average = Double.isNaN(average) ? stepSeconds : (1 - WEIGHT) * average + WEIGHT * stepSeconds;
    }

    /** Seconds for {@code remainingSteps} more steps, NaN before the first step. */
    double secondsFor(long remainingSteps) {
        return average * remainingSteps;
    }
}
