package org.mlaan.lab.ui.features;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import org.mlaan.lab.core.run.PauseControl;
import org.mlaan.lab.core.run.RunFinished;
import org.mlaan.lab.core.run.StepGate;
import org.mlaan.lab.core.run.TakingTurns;
import org.mlaan.lab.data.DataSets;
import org.mlaan.lab.data.LoadedData;
import org.mlaan.lab.engine.RunOptions;
import org.mlaan.lab.engine.RunService;
import org.mlaan.lab.engine.TrainingRun;
import org.mlaan.lab.ui.model.LiveRun;

/**
 * Several runs trained side by side in this process, one step each in turn ({@link TakingTurns}:
 * DJL allows one gradient collector per JVM, so they never step at the same time), each on a
 * thread of the {@link RunService}, all behind one {@link PauseControl}. The data is read once and
 * shared.
 */
public final class ComparisonSession {
    private final List<ComparisonRun> runs;
    private final int mapsEvery;
    private final int images;
    private final java.nio.file.Path folder;
    private final PauseControl pause = new PauseControl();
    private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper(this, "active");
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile boolean stopRequested;

    /**
     * @param runs the runs, in column order
     * @param mapsEvery feature maps every this many steps
     * @param images test images in the maps
     */
    public ComparisonSession(List<ComparisonRun> runs, int mapsEvery, int images) {
        this(runs, mapsEvery, images, null);
    }

    /**
     * @param folder where each run writes its run folder (issue 14: the Analyses tab and
     *     {@code report} read a comparison afterwards), or null for none
     */
    public ComparisonSession(List<ComparisonRun> runs, int mapsEvery, int images, java.nio.file.Path folder) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("a comparison needs at least one run");
        }
        this.runs = List.copyOf(runs);
        this.mapsEvery = mapsEvery;
        this.images = images;
        this.folder = folder;
    }

    public List<ComparisonRun> runs() {
        return runs;
    }

    /** The folder the runs write their run folders into, or null. */
    public java.nio.file.Path folder() {
        return folder;
    }

    /** True from {@link #start()} until every run has ended (FX thread). */
    public ReadOnlyBooleanProperty activeProperty() {
        return active.getReadOnlyProperty();
    }

    public boolean isActive() {
        return active.get();
    }

    /**
     * Reads the data, makes the runs and trains them side by side, on the {@link RunService}: made
     * on its training thread (making a run seeds the engine's global generator, so one after
     * another), trained on threads it starts while it holds the training thread. FX thread.
     */
    public void start() {
        active.set(true);
        for (ComparisonRun r : runs) {
            r.live().clear();
            r.live().setState(LiveRun.State.STARTING);
        }
        RunService.shared().submitSideBySide("compare", this::setUp);
    }

    /** On the training thread: the runs made, and each one's training as a body to run beside the others. */
    private List<Runnable> setUp() {
        List<ComparisonRun> ready = new ArrayList<>();
        try {
            LoadedData data = DataSets.open(runs.get(0).config().dataset());
            for (ComparisonRun r : runs) {
                if (stopRequested) {
                    break;
                }
                try {
                    TrainingRun t = TrainingRun.create(r.config(), folder == null ? RunOptions.withoutFolder()
                            : new RunOptions(folder, null, null, true), data);
                    r.attach(t);
                    ready.add(r);
                } catch (Exception e) {
                    r.live().failedToStart(r.method() + ": " + message(e));
                }
            }
        } catch (Exception | OutOfMemoryError e) {
            for (ComparisonRun r : runs) {
                if (r.training() == null) {
                    r.live().failedToStart(message(e));
                }
            }
        }
        if (stopRequested || ready.isEmpty()) {
            for (ComparisonRun r : ready) {
                r.training().close();
                r.live().onFinished(new RunFinished(RunFinished.Status.CANCELLED, 0, Double.NaN, Double.NaN,
                        Double.NaN, 0, "stopped before the first step"));
            }
            finish();
            return List.of();
        }
        TakingTurns turns = new TakingTurns(ready.size());
        AtomicInteger running = new AtomicInteger(ready.size());
        List<Runnable> bodies = new ArrayList<>();
        for (int i = 0; i < ready.size(); i++) {
            ComparisonRun r = ready.get(i);
            StepGate gate = StepGate.both(pause.gateForRun(), turns.gate(i));
            TrainingRun t = r.training().gatedBy(gate).tapFeatureMaps(mapsEvery, images);
            bodies.add(() -> {
                // On the JVM's exit the service stops the run after its step (and opens the pause).
                try (RunService.Registration exit = RunService.shared().whileTraining(() -> {
                    r.cancel();
                    pause.release();
                })) {
                    t.run(r);
                } finally {
                    t.close();
                    if (running.decrementAndGet() == 0) {
                        finish();
                    }
                }
            });
        }
        if (stopRequested) {
            ready.forEach(ComparisonRun::cancel);
        }
        return bodies;
    }

    private void finish() {
        // After the runs' own last events, which LiveRun has already handed to the FX thread's queue.
        Platform.runLater(() -> active.set(false));
        ended.countDown();
    }

    /** Every run stops before its next step. FX thread. */
    public void pause() {
        pause.pause();
        for (ComparisonRun r : runs) {
            if (r.live().state() == LiveRun.State.RUNNING) {
                r.live().setState(LiveRun.State.PAUSED);
            }
        }
    }

    /** Every run trains on. FX thread. */
    public void resume() {
        pause.resume();
        for (ComparisonRun r : runs) {
            if (r.live().state() == LiveRun.State.PAUSED) {
                r.live().setState(LiveRun.State.RUNNING);
            }
        }
    }

    public boolean isPaused() {
        return pause.isPaused();
    }

    /** Stops every run after its step in progress. Any thread. */
    public void stop() {
        stopRequested = true;
        runs.forEach(ComparisonRun::cancel);
        pause.release();
    }

    /** Waits until every run has ended and freed its engine resources; false on timeout. */
    public boolean awaitEnd(Duration timeout) throws InterruptedException {
        return ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static String message(Throwable e) {
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }
}
