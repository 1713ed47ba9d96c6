package org.mlaan.lab.ui.common;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import org.mlaan.lab.analysis.AnalysisProgress;
import org.mlaan.lab.engine.RunService;

/**
 * Runs analyses (the Analyses tab's, the lesson's separability) off the FX thread, on the {@link RunService}'s training thread: they load
 * checkpoints and run the network, so they queue behind training rather than beside it (one
 * gradient collector per JVM). Each job drives its own progress bar and status line; progress
 * reaches the FX thread at most one hand-over at a time. FX thread, except the work itself.
 */
public final class BackgroundWork {
    /** The work of one job, on the training thread. */
    @FunctionalInterface
    public interface Job<T> {
        T run(AnalysisProgress progress) throws Exception;
    }

    private final ReadOnlyIntegerWrapper running = new ReadOnlyIntegerWrapper(this, "running");

    /** Jobs started and not yet ended. */
    public ReadOnlyIntegerProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /**
     * Runs {@code job}; its progress goes to {@code bar} and {@code status}, its result to
     * {@code done} on the FX thread, and what it threw to {@code status} as a problem.
     */
    public <T> void start(String what, ProgressBar bar, Label status, Job<T> job, Consumer<T> done) {
        running.set(running.get() + 1);
        bar.setProgress(0);
        bar.setVisible(true);
        status.setText(what + " \u2026 waiting for the training thread");
        StyleClasses.set(status, "problem-text", false);
        Progress progress = new Progress(bar, status);
        RunService.shared().submit(() -> {
            T result = null;
            String failure = null;
            try {
                result = job.run(progress);
            } catch (Exception | LinkageError e) {
                failure = e.getMessage() == null ? e.toString() : e.getMessage();
            }
            T value = result;
            String why = failure;
            Platform.runLater(() -> {
                progress.finished = true;
                running.set(running.get() - 1);
                bar.setProgress(why == null ? 1 : 0);
                if (why != null) {
                    status.setText(what + " failed: " + why);
                    StyleClasses.set(status, "problem-text", true);
                    return;
                }
                status.setText("");
                done.accept(value);
            });
        });
    }

    /** Coalesces a job's progress into one pending hand-over. */
    private static final class Progress implements AnalysisProgress {
        private final ProgressBar bar;
        private final Label status;
        private final AtomicBoolean pending = new AtomicBoolean();
        private volatile String what = "";
        private volatile double fraction;
        /** Set on the FX thread once the job has ended; later hand-overs leave the line alone. */
        boolean finished;

        Progress(ProgressBar bar, Label status) {
            this.bar = bar;
            this.status = status;
        }

        @Override
        public void update(String now, double done) {
            what = now;
            fraction = done;
            if (pending.compareAndSet(false, true)) {
                Platform.runLater(() -> {
                    pending.set(false);
                    if (!finished) {
                        bar.setProgress(fraction);
                        status.setText(what);
                    }
                });
            }
        }
    }
}
