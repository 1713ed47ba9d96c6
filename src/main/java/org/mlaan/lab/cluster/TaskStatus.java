package org.mlaan.lab.cluster;

import java.util.Locale;
import org.mlaan.lab.core.cluster.ArrayTask;
import org.mlaan.lab.core.run.RunStatus;

/**
 * Where one array task stands, from its run folder (what the lab wrote: epochs, errors, why it
 * failed) and from Slurm (pending, running, or how it ended when the lab could not say so itself:
 * cancelled before it started, killed at its time limit, lost with its node).
 *
 * @param task the task
 * @param state the word {@code ablate --status} prints
 * @param detail what else is known: epochs, test error, the failure's message, Slurm's reason
 * @param queue what Slurm says, or null when it says nothing of the task
 */
public record TaskStatus(ArrayTask task, State state, String detail, QueueEntry queue) {

    /** The states of a task, as {@code ablate --status} names them. */
    public enum State {
        NOT_SUBMITTED, PENDING, RUNNING, COMPLETED, FAILED, CANCELLED, STOPPED;

        public String word() {
            return name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }
    }

    /** Whether {@code ablate --resubmit} submits the task again: it is neither done nor in Slurm's hands. */
    public boolean needsSubmitting() {
        return state != State.COMPLETED && state != State.PENDING && state != State.RUNNING;
    }

    /**
     * The status of {@code task}.
     *
     * @param run the run folder's status as a reader sees it (a dead writer's "running" reads
     *     "stopped"), or null when the task has no run folder yet
     * @param queue what Slurm says of the task's latest submission, or null
     * @param submitted whether any submission included the task
     */
    public static TaskStatus of(ArrayTask task, RunStatus run, QueueEntry queue, boolean submitted) {
        String epochs = run == null ? "" : String.format(Locale.ROOT, "epoch %d of %d done", run.epochsDone(),
                run.epochs());
        String state = run == null ? null : run.state();
        if (RunStatus.COMPLETED.equals(state) && (queue == null || !queue.waiting())) {
            return new TaskStatus(task, State.COMPLETED, String.format(Locale.ROOT, "%d epochs, test error %s",
                    run.epochsDone(), percent(run.finalTop1Error())), queue);
        }
        if (queue != null && queue.waiting()) {
            String why = "Slurm: " + queue.state() + (queue.reason().equals("None") ? "" : " (" + queue.reason() + ")");
            return new TaskStatus(task, State.PENDING, run == null ? why : why + "; " + epochs, queue);
        }
        if (queue != null && queue.running()) {
            return new TaskStatus(task, State.RUNNING, run == null ? "starting" : epochs + ", job "
                    + queue.jobId() + "_" + queue.task(), queue);
        }
        if (RunStatus.FAILED.equals(state)) {
            return new TaskStatus(task, State.FAILED, message(run, epochs), queue);
        }
        if (RunStatus.CANCELLED.equals(state)) {
            return new TaskStatus(task, State.CANCELLED, message(run, epochs) + "; --resubmit continues it from its"
                    + " checkpoint", queue);
        }
        String slurmSays = queue == null ? null : "Slurm says " + queue.state();
        if (run == null) {
            if (queue == null) {
                return new TaskStatus(task, submitted ? State.STOPPED : State.NOT_SUBMITTED,
                        submitted ? "no run folder, and Slurm no longer knows the task (see its log in slurm/logs)"
                                : "not submitted yet", null);
            }
            State s = queue.state().startsWith("CANCELLED") ? State.CANCELLED : State.FAILED;
            return new TaskStatus(task, s, slurmSays + " before the run started (see its log in slurm/logs)", queue);
        }
        // The folder says running (its writer gone: stopped) or completed-but-requeued: Slurm says how it ended.
        String why = slurmSays != null ? slurmSays + "; " + epochs
                : (run.message() == null || run.message().isEmpty() ? epochs : run.message());
        if (queue != null && queue.state().startsWith("CANCELLED")) {
            return new TaskStatus(task, State.CANCELLED, why, queue);
        }
        return new TaskStatus(task, queue != null && !queue.state().equals("COMPLETED") ? State.FAILED : State.STOPPED,
                why, queue);
    }

    private static String message(RunStatus run, String epochs) {
        return run.message() == null || run.message().isBlank() ? epochs : run.message() + " (" + epochs + ")";
    }

    private static String percent(Double error) {
        return error == null ? "n/a" : String.format(Locale.ROOT, "%.2f%%", 100 * error);
    }
}
