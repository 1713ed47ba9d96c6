package org.mlaan.lab.ui.features;

import java.time.Duration;
import java.util.List;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import org.mlaan.lab.engine.RunService;
import org.mlaan.lab.engine.SideBySideRuns;
import org.mlaan.lab.ui.model.LiveRun;

/**
 * Several runs trained side by side in this process ({@link SideBySideRuns}: one step each in turn,
 * on the {@link RunService}, behind one pause), seen from the window: each
 * run's {@link LiveRun} says its state, and {@link #activeProperty()} is set on the FX thread.
 */
public final class ComparisonSession {
    private final List<ComparisonRun> runs;
    private final SideBySideRuns group;
    private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper(this, "active");

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
        this.group = new SideBySideRuns(this.runs, mapsEvery, images, folder);
    }

    public List<ComparisonRun> runs() {
        return runs;
    }

    /** The folder the runs write their run folders into, or null. */
    public java.nio.file.Path folder() {
        return group.folder();
    }

    /** True from {@link #start()} until every run has ended (FX thread). */
    public ReadOnlyBooleanProperty activeProperty() {
        return active.getReadOnlyProperty();
    }

    public boolean isActive() {
        return active.get();
    }

    /** Reads the data, makes the runs and trains them side by side. FX thread. */
    public void start() {
        active.set(true);
        for (ComparisonRun r : runs) {
            r.live().clear();
            r.live().setState(LiveRun.State.STARTING);
        }
        // After the runs' own last events, which LiveRun has already handed to the FX thread's queue.
        group.start(() -> Platform.runLater(() -> active.set(false)));
    }

    /** Every run stops before its next step. FX thread. */
    public void pause() {
        group.pause();
        for (ComparisonRun r : runs) {
            if (r.live().state() == LiveRun.State.RUNNING) {
                r.live().setState(LiveRun.State.PAUSED);
            }
        }
    }

    /** Every run trains on. FX thread. */
    public void resume() {
        group.resume();
        for (ComparisonRun r : runs) {
            if (r.live().state() == LiveRun.State.PAUSED) {
                r.live().setState(LiveRun.State.RUNNING);
            }
        }
    }

    public boolean isPaused() {
        return group.isPaused();
    }

    /** Stops every run after its step in progress. Any thread. */
    public void stop() {
        group.stop();
    }

    /** Waits until every run has ended and freed its engine resources; false on timeout. */
    public boolean awaitEnd(Duration timeout) throws InterruptedException {
        return group.awaitEnd(timeout);
    }
}
