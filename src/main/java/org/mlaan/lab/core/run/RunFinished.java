package org.mlaan.lab.core.run;

/**
 * The end of a run, however it ended.
 *
 * @param status completed, cancelled or failed
 * @param epochsDone epochs fully trained
 * @param finalTop1Error test top-1 error after the last evaluated epoch (NaN when none)
 * @param bestTop1Error the lowest test top-1 error over the epochs (NaN when none)
 * @param finalTop5Error top-5 error after the last evaluated epoch (NaN with 10 classes or fewer)
 * @param seconds wall time of this process's part of the run
 * @param message why it failed or was cancelled; empty when it completed
 */
public record RunFinished(Status status, int epochsDone, double finalTop1Error, double bestTop1Error,
        double finalTop5Error, double seconds, String message) {

    /** How a run ended. */
    public enum Status {
        COMPLETED,
        CANCELLED,
        FAILED
    }
}
