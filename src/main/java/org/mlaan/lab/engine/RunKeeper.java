package org.mlaan.lab.engine;

import java.io.IOException;
import java.nio.file.Path;
import org.mlaan.lab.core.run.EpochMetrics;
import org.mlaan.lab.core.run.RunStatus;
import org.mlaan.lab.core.run.StepMetrics;

/**
 * What a run keeps beside its training (issue 17): a run folder's metrics, checkpoints and status
 * ({@link FolderKeeper}), or nothing ({@link #NOTHING}). The training loop tells it what happened
 * and never asks whether there is a folder, as DJL's {@code EasyTrain} leaves logging and
 * checkpoints to its {@code TrainingListener}s.
 */
interface RunKeeper {

    /** Before the first step: what a resumed run wrote after {@code from} goes, the status says running. */
    void starting(CheckpointState from, RunStatus running) throws IOException;

    /** The wall seconds of the kept epochs before {@code epoch}, so a resumed run's time goes on (0: none kept). */
    double secondsOfEpochsBefore(int epoch);

    void step(StepMetrics step) throws IOException;

    /** An epoch ended: its row, a checkpoint at {@code position} (the next epoch's start), the status. */
    void epochEnded(EpochMetrics epoch, CheckpointState position, RunStatus running) throws IOException;

    /** Cancelled: a checkpoint at {@code position}, the step it stopped before. */
    void cancelled(CheckpointState position) throws IOException;

    /** Completed or cancelled: the last status, files closed. */
    void ended(RunStatus status) throws IOException;

    /** Failed with {@code e}: its trace and the status, as far as they can be written; never throws. */
    void failed(Throwable e, RunStatus status);

    /** The folder kept in, or null. */
    Path dir();

    /** Closes what is open (idempotent). */
    void close() throws IOException;

    /** A run without a folder: training and events only. */
    RunKeeper NOTHING = new RunKeeper() {
        @Override
        public void starting(CheckpointState from, RunStatus running) {}

        @Override
        public double secondsOfEpochsBefore(int epoch) {
            return 0;
        }

        @Override
        public void step(StepMetrics step) {}

        @Override
        public void epochEnded(EpochMetrics epoch, CheckpointState position, RunStatus running) {}

        @Override
        public void cancelled(CheckpointState position) {}

        @Override
        public void ended(RunStatus status) {}

        @Override
        public void failed(Throwable e, RunStatus status) {}

        @Override
        public Path dir() {
            return null;
        }

        @Override
        public void close() {}
    };
}
