package org.mlaan.lab.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Optional;
import org.mlaan.lab.core.run.EpochMetrics;
import org.mlaan.lab.core.run.RunFolder;
import org.mlaan.lab.core.run.RunFolderReader;
import org.mlaan.lab.core.run.RunStatus;
import org.mlaan.lab.core.run.StepMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A run's folder kept as it trains: a metrics row per step and per epoch, a checkpoint at every
 * epoch's end and on cancel (written atomically by {@link Checkpoint}), the status with its
 * heartbeat, and a failure's trace in {@code run.log} (not on the user's terminal).
 */
final class FolderKeeper implements RunKeeper {
    private static final Logger LOG = LoggerFactory.getLogger(FolderKeeper.class);

    /** Writes the run's weights, aux arrays and optimiser state as a checkpoint at a position. */
    @FunctionalInterface
    interface CheckpointWriter {
        void write(Path checkpointsDir, CheckpointState position) throws IOException;
    }

    private final RunFolder folder;
    private final CheckpointWriter checkpoints;

    FolderKeeper(RunFolder folder, CheckpointWriter checkpoints) {
        this.folder = folder;
        this.checkpoints = checkpoints;
    }

    @Override
    public void starting(CheckpointState from, RunStatus running) throws IOException {
        folder.cutMetricsBackTo(from.globalStep(), from.epoch());
        Checkpoint.cleanTemporaries(folder.checkpointsDir());
        folder.writeStatus(running);
        folder.startHeartbeat();
    }

    @Override
    public double secondsOfEpochsBefore(int epoch) {
        if (epoch == 0) {
            return 0;
        }
        try {
            return RunFolderReader.epochs(folder.dir().resolve(RunFolder.EPOCHS_CSV)).stream()
                    .filter(e -> e.epoch() < epoch && Double.isFinite(e.seconds())).mapToDouble(EpochMetrics::seconds)
                    .sum();
        } catch (IOException e) {
            return 0; // the time axis starts this part of the run at 0; training goes on
        }
    }

    @Override
    public void step(StepMetrics step) throws IOException {
        folder.appendStep(step);
    }

    @Override
    public void epochEnded(EpochMetrics epoch, CheckpointState position, RunStatus running) throws IOException {
        folder.appendEpoch(epoch);
        checkpoints.write(folder.checkpointsDir(), position);
        folder.writeStatus(running);
    }

    @Override
    public void cancelled(CheckpointState position) throws IOException {
        checkpoints.write(folder.checkpointsDir(), position);
    }

    @Override
    public void ended(RunStatus status) throws IOException {
        folder.writeStatus(status);
        folder.close();
    }

    /**
     * The trace goes to the run's log; when even the status cannot be written (a full or vanished
     * disk) the log says so, since the folder would otherwise go on saying running.
     */
    @Override
    public void failed(Throwable e, RunStatus status) {
        recordTrace(e);
        Optional<IOException> unwritten = folder.writeStatusHard(status);
        unwritten.ifPresent(w -> LOG.error("the run in {} failed ({}) and its {} could not be written either ({});"
                + " it may still say 'running', which readers show as stopped once this process is gone",
                folder.dir(), status.message(), RunFolder.STATUS, w.getMessage()));
        try {
            folder.close();
        } catch (IOException | RuntimeException closing) {
            e.addSuppressed(closing);
        }
    }

    /** Appends the failure with its stack trace to the run's log; the log is a convenience, so its own failure is only logged. */
    private void recordTrace(Throwable e) {
        java.io.StringWriter trace = new java.io.StringWriter();
        e.printStackTrace(new java.io.PrintWriter(trace));
        try {
            folder.appendLog(LocalDateTime.now() + " training failed" + System.lineSeparator() + trace);
        } catch (IOException | RuntimeException logFailure) {
            LOG.debug("could not append to {}", RunFolder.LOG, logFailure);
        }
    }

    @Override
    public Path dir() {
        return folder.dir();
    }

    @Override
    public void close() throws IOException {
        folder.close();
    }
}
