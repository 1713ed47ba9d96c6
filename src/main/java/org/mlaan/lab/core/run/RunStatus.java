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
 * @param process the process writing the run (null in folders of older lab versions)
 * @param heartbeat when that process last said it was alive, ISO-8601 instant (UTC); a running
 *     process rewrites it every {@link RunLiveness#HEARTBEAT}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunStatus(String state, String message, int epochsDone, int epochs, Double finalTop1Error,
        Double bestTop1Error, Double finalTop5Error, String updated, RunProcess process, String heartbeat) {

    public static final String RUNNING = "running";
    public static final String COMPLETED = "completed";
    public static final String CANCELLED = "cancelled";
    public static final String FAILED = "failed";
    /**
     * Never written: what a reader sees for a folder that says {@code running} whose process is
     * gone ({@link RunLiveness}).
     */
    public static final String STOPPED = "stopped";

    /** A status without a process record (fixtures, readers). */
    public RunStatus(String state, String message, int epochsDone, int epochs, Double finalTop1Error,
            Double bestTop1Error, Double finalTop5Error, String updated) {
        this(state, message, epochsDone, epochs, finalTop1Error, bestTop1Error, finalTop5Error, updated, null, null);
    }

    /** This status written by {@code writer}, alive at {@code beat}. */
    public RunStatus stamped(RunProcess writer, java.time.Instant beat) {
        return new RunStatus(state, message, epochsDone, epochs, finalTop1Error, bestTop1Error, finalTop5Error,
                updated, writer, beat.toString());
    }

    /** This status with another state and message. */
    public RunStatus withState(String newState, String newMessage) {
        return new RunStatus(newState, newMessage, epochsDone, epochs, finalTop1Error, bestTop1Error, finalTop5Error,
                updated, process, heartbeat);
    }

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
