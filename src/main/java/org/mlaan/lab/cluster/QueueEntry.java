package org.mlaan.lab.cluster;

/**
 * What Slurm says of one array task.
 *
 * @param jobId the array's job id
 * @param task the array task index
 * @param state Slurm's state word (PENDING, RUNNING, COMPLETED, CANCELLED, FAILED, TIMEOUT, ...)
 * @param reason why it waits, or None
 */
public record QueueEntry(String jobId, int task, String state, String reason) {

    /** Waiting to run (again). */
    public boolean waiting() {
        return state.equals("PENDING") || state.equals("CONFIGURING") || state.equals("REQUEUED")
                || state.equals("REQUEUE_HOLD") || state.equals("REQUEUE_FED") || state.equals("RESV_DEL_HOLD");
    }

    /** Running, or about to be or just done with it. */
    public boolean running() {
        return state.equals("RUNNING") || state.equals("COMPLETING") || state.equals("SUSPENDED")
                || state.equals("STAGE_OUT") || state.equals("SIGNALING") || state.equals("RESIZING");
    }

    /** Over: Slurm will not run it again by itself. */
    public boolean ended() {
        return !waiting() && !running();
    }
}
