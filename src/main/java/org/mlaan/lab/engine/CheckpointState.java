package org.mlaan.lab.engine;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.mlaan.lab.core.io.FileDigest;

/**
 * The {@code state.json} of a checkpoint: where training continues and what it had measured.
 * Everything the run keeps between steps that is not a tensor is here, so that a resumed run
 * behaves exactly as if it had not stopped.
 *
 * @param epoch the epoch to continue in (0-based); the schedule position, as the rate is set per epoch
 * @param step the step within that epoch to continue from (0 = its start)
 * @param globalStep steps taken since the run began
 * @param epochs the run's epoch count when written
 * @param learningRate the rate of {@code epoch}, 0 once the run is complete (for readers; a resumed
 *     run recomputes it from the schedule)
 * @param bestTop1Error lowest test top-1 error so far, null before the first evaluation
 * @param lastTop1Error top-1 error of the last evaluation, or null
 * @param lastTop5Error top-5 error of the last evaluation, or null
 * @param epochLossSum sum of loss x batch size over the steps of {@code epoch} done so far
 * @param epochCorrect correct training predictions in {@code epoch} so far
 * @param epochSeen training images seen in {@code epoch} so far
 * @param epochSeconds wall seconds spent in {@code epoch} so far
 * @param seed the run seed (checked on resume)
 * @param arch the network (checked on resume)
 * @param savedAt when it was written, ISO-8601 local time
 * @param files size and SHA-256 of every other file of the checkpoint, by name ({@link
 *     Checkpoint#verify}); null in checkpoints of lab versions before checksums
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CheckpointState(int epoch, int step, long globalStep, int epochs, double learningRate,
        Double bestTop1Error, Double lastTop1Error, Double lastTop5Error, double epochLossSum, long epochCorrect,
        long epochSeen, double epochSeconds, long seed, String arch, String savedAt, Map<String, FileDigest> files) {

    public CheckpointState {
        files = files == null ? null : Collections.unmodifiableMap(new TreeMap<>(files));
    }

    /** A state whose files are not yet written (the writer adds their digests). */
    public CheckpointState(int epoch, int step, long globalStep, int epochs, double learningRate,
            Double bestTop1Error, Double lastTop1Error, Double lastTop5Error, double epochLossSum, long epochCorrect,
            long epochSeen, double epochSeconds, long seed, String arch, String savedAt) {
        this(epoch, step, globalStep, epochs, learningRate, bestTop1Error, lastTop1Error, lastTop5Error, epochLossSum,
                epochCorrect, epochSeen, epochSeconds, seed, arch, savedAt, null);
    }

    /** This state with the digests of the checkpoint's files. */
    CheckpointState withFiles(Map<String, FileDigest> digests) {
        return new CheckpointState(epoch, step, globalStep, epochs, learningRate, bestTop1Error, lastTop1Error,
                lastTop5Error, epochLossSum, epochCorrect, epochSeen, epochSeconds, seed, arch, savedAt, digests);
    }

    /** The state of a run that has not taken a step. */
    static CheckpointState start(int epochs, double learningRate, long seed, String arch) {
        return new CheckpointState(0, 0, 0, epochs, learningRate, null, null, null, 0, 0, 0, 0, seed, arch, null);
    }

    /** "epoch.step", for messages and provenance. */
    public String position() {
        return epoch + "." + step;
    }
}
