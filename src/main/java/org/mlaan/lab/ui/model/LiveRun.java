package org.mlaan.lab.ui.model;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.mlaan.lab.core.run.EpochMetrics;
import org.mlaan.lab.core.run.FeatureMaps;
import org.mlaan.lab.core.run.RunFinished;
import org.mlaan.lab.core.run.RunListener;
import org.mlaan.lab.core.run.RunStarted;
import org.mlaan.lab.core.run.StepMetrics;

/**
 * One run as the window sees it: observable state that changes only on the FX thread, fed by the
 * engine's {@link RunListener} events from the training thread. Events are queued and handed to
 * the FX thread in batches: at most one hand-over is pending at a time, so however fast the run
 * steps, the FX thread does one update per frame it can afford and training never waits for it.
 */
public final class LiveRun implements RunListener {

    /** Where the run is. */
    public enum State {
        IDLE,
        STARTING,
        RUNNING,
        PAUSED,
        COMPLETED,
        CANCELLED,
        FAILED;

        public boolean isActive() {
            return this == STARTING || this == RUNNING || this == PAUSED;
        }
    }

    private final String label;
    private final ObjectProperty<State> state = new SimpleObjectProperty<>(this, "state", State.IDLE);
    private final ObjectProperty<RunStarted> started = new SimpleObjectProperty<>(this, "started");
    private final ObjectProperty<RunFinished> finished = new SimpleObjectProperty<>(this, "finished");
    private final ObjectProperty<StepMetrics> lastStep = new SimpleObjectProperty<>(this, "lastStep");
    private final ObjectProperty<FeatureMaps> featureMaps = new SimpleObjectProperty<>(this, "featureMaps");
    private final LongProperty stepsDone = new SimpleLongProperty(this, "stepsDone");
    private final ObservableList<StepMetrics> steps = FXCollections.observableArrayList();
    private final ObservableList<EpochMetrics> epochs = FXCollections.observableArrayList();
    private final ConcurrentLinkedQueue<Consumer<LiveRun>> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean handOverScheduled = new AtomicBoolean();

    /** @param label what the run is called in legends and titles (its method, usually) */
    public LiveRun(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public ObjectProperty<State> stateProperty() {
        return state;
    }

    public State state() {
        return state.get();
    }

    /** FX thread only: the driver sets PAUSED and RUNNING, and STARTING before the engine starts. */
    public void setState(State s) {
        state.set(s);
    }

    public ObjectProperty<RunStarted> startedProperty() {
        return started;
    }

    public ObjectProperty<RunFinished> finishedProperty() {
        return finished;
    }

    public ObjectProperty<StepMetrics> lastStepProperty() {
        return lastStep;
    }

    /** The latest feature maps of the run's fixed test images. */
    public ObjectProperty<FeatureMaps> featureMapsProperty() {
        return featureMaps;
    }

    /** Steps taken so far (global, across epochs). */
    public LongProperty stepsDoneProperty() {
        return stepsDone;
    }

    public long stepsDone() {
        return stepsDone.get();
    }

    /** Every step so far, in order (appended in batches on the FX thread). */
    public ObservableList<StepMetrics> steps() {
        return steps;
    }

    /** Every finished epoch so far. */
    public ObservableList<EpochMetrics> epochs() {
        return epochs;
    }

    /** Empties the run's history for a new start (FX thread). */
    public void clear() {
        steps.clear();
        epochs.clear();
        started.set(null);
        finished.set(null);
        lastStep.set(null);
        featureMaps.set(null);
        stepsDone.set(0);
        state.set(State.IDLE);
    }

    // ---- RunListener: training thread ----

    @Override
    public void onStarted(RunStarted event) {
        post(r -> {
            r.flushSteps();
            r.started.set(event);
            if (r.state.get() == State.STARTING || r.state.get() == State.IDLE) {
                r.state.set(State.RUNNING);
            }
        });
    }

    @Override
    public void onStep(StepMetrics step) {
        post(r -> r.stepBatch.add(step));
    }

    @Override
    public void onEpoch(EpochMetrics epoch) {
        post(r -> {
            r.flushSteps();
            r.epochs.add(epoch);
        });
    }

    @Override
    public void onFeatureMaps(FeatureMaps maps) {
        post(r -> {
            r.flushSteps();
            r.featureMaps.set(maps);
        });
    }

    @Override
    public void onFinished(RunFinished event) {
        post(r -> {
            r.flushSteps();
            r.finished.set(event);
            r.state.set(switch (event.status()) {
                case COMPLETED -> State.COMPLETED;
                case CANCELLED -> State.CANCELLED;
                case FAILED -> State.FAILED;
            });
        });
    }

    /** Marks a run that failed before the engine could start it (bad data, bad config), with why. */
    public void failedToStart(String message) {
        onFinished(new RunFinished(RunFinished.Status.FAILED, 0, Double.NaN, Double.NaN, Double.NaN, 0, message));
    }

    // ---- hand-over to the FX thread ----

    private final List<StepMetrics> stepBatch = new ArrayList<>();

    /** Queues a change; any change but a step first flushes the steps before it, so order is kept. */
    private void post(Consumer<LiveRun> change) {
        pending.add(change);
        if (handOverScheduled.compareAndSet(false, true)) {
            Platform.runLater(this::handOver);
        }
    }

    private void handOver() {
        handOverScheduled.set(false);
        Consumer<LiveRun> change;
        while ((change = pending.poll()) != null) {
            change.accept(this);
        }
        flushSteps();
    }

    private void flushSteps() {
        if (stepBatch.isEmpty()) {
            return;
        }
        steps.addAll(stepBatch);
        StepMetrics last = stepBatch.get(stepBatch.size() - 1);
        stepBatch.clear();
        lastStep.set(last);
        stepsDone.set(last.globalStep() + 1);
    }
}
