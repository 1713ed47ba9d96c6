package org.mlaan.lab.core.run;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The {@code status.json} of a run folder: where the run stands, rewritten atomically whenever
 * that changes (start, each epoch, end). Error fields are null when not yet measured.
 *
 * @param state {@code running}, {@code completed}, {@code cancelled} or {@code failed}
 * @param message why it failed or was cancelled; empty otherwise
 * @param epochsDone epochs fully trained
 * @param epochs epochs the run was asked for
 * @param finalTop1Error test top-1 error of the last evaluation, 0..1
 * @param bestTop1Error lowest test top-1 error so far, 0..1
 * @param finalTop5Error test top-5 error of the last evaluation (null with 10 classes or fewer)
 * @param updated when this was written, ISO-8601 local time
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunStatus(String state, String message, int epochsDone, int epochs, Double finalTop1Error,
        Double bestTop1Error, Double finalTop5Error, String updated) {

    public static final String RUNNING = "running";
    public static final String COMPLETED = "completed";
    public static final String CANCELLED = "cancelled";
    public static final String FAILED = "failed";

    /** The file state word of a finished run's status. */
    public static String stateOf(RunFinished.Status status) {
        switch (status) {
            case COMPLETED:
                return COMPLETED;
            case CANCELLED:
                return CANCELLED;
            case FAILED:
            default:
                return FAILED;
        }
    }

    /** NaN as null, for JSON. */
    public static Double orNull(double value) {
        return Double.isNaN(value) ? null : value;
    }
}
