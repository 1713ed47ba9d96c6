package org.mlaan.lab.core.run;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Tells a live run from a dead one when {@code status.json} says {@code running}: a process
 * killed with -9, a machine that lost power or a failure whose status could not be written
 * leaves that word behind. On the writer's own host the recorded process decides (is that pid,
 * with that start time, alive?); from another host (a cluster's shared disk) the heartbeat does:
 * a writer rewrites status.json every {@link #HEARTBEAT}, so one silent for {@link #STALE} is
 * taken for dead. A status without a process record (written by an older lab) is taken at its word.
 */
public final class RunLiveness {
    /** How often a training process rewrites its status. */
    public static final Duration HEARTBEAT = Duration.ofSeconds(30);
    /** Silence after which a run on another host counts as stopped: several missed beats, clock skew allowed for. */
    public static final Duration STALE = Duration.ofMinutes(5);

    private RunLiveness() {}

    /**
     * The status as a reader should see it: unchanged unless it says {@code running} for a run
     * whose process is gone, which then reads {@code stopped} with a message saying where.
     *
     * @param stepsDone steps the run's metrics hold (where it stopped)
     * @param now the reader's clock
     */
    public static RunStatus seen(RunStatus status, long stepsDone, Instant now) {
        if (status == null || !RunStatus.RUNNING.equals(status.state()) || status.process() == null) {
            return status;
        }
        Optional<String> why = whyDead(status, now);
        if (why.isEmpty()) {
            return status;
        }
        return status.withState(RunStatus.STOPPED, "stopped unexpectedly at step " + stepsDone + " (epoch "
                + status.epochsDone() + " of " + status.epochs() + "): " + why.get() + "; resume it to go on");
    }

    private static Optional<String> whyDead(RunStatus status, Instant now) {
        RunProcess p = status.process();
        Optional<Boolean> alive = p.aliveHere();
        if (alive.isPresent()) {
            return alive.get() ? Optional.empty() : Optional.of("its process (" + p.describe() + ") is gone");
        }
        Instant beat = parse(status.heartbeat());
        if (beat == null || Duration.between(beat, now).compareTo(STALE) <= 0) {
            return Optional.empty();
        }
        return Optional.of("no heartbeat from " + p.describe() + " since " + beat);
    }

    private static Instant parse(String time) {
        if (time == null) {
            return null;
        }
        try {
            return Instant.parse(time);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
