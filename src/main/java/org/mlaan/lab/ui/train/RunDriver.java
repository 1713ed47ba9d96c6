package org.mlaan.lab.ui.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.mlaan.lab.core.config.ConfigException;
import org.mlaan.lab.core.config.ExperimentConfig;
import org.mlaan.lab.core.run.RunFolderReader;
import org.mlaan.lab.core.run.RunRecord;
import org.mlaan.lab.core.train.ShortRunCheck;
import org.mlaan.lab.engine.RunOptions;
import org.mlaan.lab.engine.RunService;
import org.mlaan.lab.engine.TrainingRun;
import org.mlaan.lab.ui.model.LiveRun;

/**
 * Starts, pauses, single-steps and stops the window's runs. The {@link TrainingRun} is made and
 * trained on the {@link RunService}'s training thread (reading a data set can take seconds), never on the FX
 * thread; a run that cannot start ends its {@link LiveRun} FAILED with the reason. The driver
 * sets PAUSED and RUNNING on the live run; the engine's events set everything else. FX thread only.
 */
final class RunDriver {
    /** Feature maps every this many steps, of this many fixed test images (the feature-map view shows them). */
    static final int FEATURE_EVERY = 10;
    static final int FEATURE_IMAGES = 4;

    private final LiveRun run;
    private final ObjectProperty<Path> runsFolder = new SimpleObjectProperty<>(this, "runsFolder",
            RunOptions.DEFAULT_OUT_DIR);
    private final ObjectProperty<Path> runDir = new SimpleObjectProperty<>(this, "runDir");
    private final StringProperty notice = new SimpleStringProperty(this, "notice", "");
    private final StringProperty scheduleWarning = new SimpleStringProperty(this, "scheduleWarning", "");
    private final BooleanProperty stopping = new SimpleBooleanProperty(this, "stopping");
    private final BooleanProperty held = new SimpleBooleanProperty(this, "held");
    private final BooleanProperty queued = new SimpleBooleanProperty(this, "queued");

    private Consumer<RunRecord> historyShown = r -> {};
    private volatile Attempt attempt;

    /** One start of a run: its gate, and the run once made. */
    private final class Attempt {
        final RunGate gate;
        volatile TrainingRun training;
        volatile boolean stop;

        /** Stops the run after its step under way, from any thread (the exit's, too). */
        void stopNow() {
            stop = true;
            TrainingRun t = training;
            if (t != null) {
                t.cancel();
            }
            gate.release();
        }

        Attempt(long pauseAfter) {
            this.gate = new RunGate(pauseAfter, () -> Platform.runLater(() -> autoPaused(this)),
                    h -> Platform.runLater(() -> {
                        if (attempt == this) {
                            held.set(h);
                        }
                    }));
        }
    }

    /** How a run is made, on the training thread. */
    @FunctionalInterface
    private interface RunFactory {
        TrainingRun make() throws ConfigException, IOException;
    }

    RunDriver(LiveRun run) {
        this.run = run;
        run.stateProperty().addListener((obs, old, now) -> {
            if (!now.isActive()) {
                stopping.set(false);
                queued.set(false);
            }
        });
    }

    /** The folder new run folders are made in ({@code runs/} by default). */
    ObjectProperty<Path> runsFolderProperty() {
        return runsFolder;
    }

    /** The folder the current run writes, once it has one. */
    ObjectProperty<Path> runDirProperty() {
        return runDir;
    }

    /** A line worth knowing about the run's start (the CPU chosen because no GPU was found). */
    StringProperty noticeProperty() {
        return notice;
    }

    /** A warning about the run's schedule ({@link ShortRunCheck}), empty when there is none. */
    StringProperty scheduleWarningProperty() {
        return scheduleWarning;
    }

    /** A pause has taken hold: the step that was under way has ended and the run waits (FX thread). */
    BooleanProperty heldProperty() {
        return held;
    }

    /** Stop was pressed and the run has not ended yet. */
    BooleanProperty stoppingProperty() {
        return stopping;
    }

    /** The run waits for another run (the Compare tab's) to leave the training thread. */
    BooleanProperty queuedProperty() {
        return queued;
    }

    /** Where a resumed run's earlier curves go (the charts), on the FX thread, before its first step. */
    void onHistory(Consumer<RunRecord> sink) {
        historyShown = sink;
    }

    /**
     * Trains {@code config} into a new run folder, pausing by itself after {@code pauseAfter} steps
     * (negative: never). Returns false when a run is active already.
     */
    boolean start(ExperimentConfig config, long pauseAfter) {
        return launch(() -> TrainingRun.create(config, RunOptions.defaults().withOutDir(runsFolder.get())),
                pauseAfter, null);
    }

    /** Continues the run folder {@code dir} from its last checkpoint. Returns false when a run is active already. */
    boolean resumeFolder(Path dir) {
        return launch(() -> TrainingRun.resume(dir, RunOptions.defaults()), -1, dir);
    }

    private boolean launch(RunFactory factory, long pauseAfter, Path historyOf) {
        if (run.state().isActive()) {
            return false;
        }
        Attempt a = new Attempt(pauseAfter);
        attempt = a;
        run.clear();
        run.setState(LiveRun.State.STARTING);
        notice.set("");
        scheduleWarning.set("");
        runDir.set(null);
        stopping.set(false);
        held.set(false);
        queued.set(RunService.shared().isBusy());
        RunService.shared().submit(() -> train(a, factory, historyOf));
        return true;
    }

    /** On the training thread: make the run, hand its facts to the FX thread, train it, free it. */
    private void train(Attempt a, RunFactory factory, Path historyOf) {
        Platform.runLater(() -> queued.set(false));
        TrainingRun training;
        try {
            training = factory.make();
        } catch (ConfigException | IOException e) {
            run.failedToStart(e.getMessage());
            return;
        } catch (RuntimeException | LinkageError e) {
            // DJL's natives missing or broken, an unreadable data set: a message, never a dead window.
            run.failedToStart(e.getClass().getSimpleName() + ": " + e.getMessage());
            return;
        }
        // On the JVM's exit the service stops the run after its step and waits for its checkpoint.
        try (training; RunService.Registration exit = RunService.shared().whileTraining(a::stopNow)) {
            RunRecord history = historyOf == null ? null : history(historyOf, training);
            String deviceNotice = training.deviceNotice();
            Path dir = training.runDir();
            String warning = historyOf != null ? ""
                    : ShortRunCheck.of(training.config().training(), training.config().training().epochsOrDefault())
                            .orElse("");
            Platform.runLater(() -> {
                notice.set(deviceNotice);
                scheduleWarning.set(warning);
                runDir.set(dir);
                if (history != null) {
                    historyShown.accept(history);
                }
            });
            training.gatedBy(a.gate).tapFeatureMaps(FEATURE_EVERY, FEATURE_IMAGES);
            a.training = training;
            if (a.stop) {
                training.cancel();
            }
            training.run(run);
        } finally {
            a.training = null;
        }
    }

    /** The curves a resumed run had before its checkpoint (the rows after it are cut when it starts). */
    private static RunRecord history(Path dir, TrainingRun training) {
        try {
            return RunFolderReader.read(dir).before(training.startPosition().globalStep(),
                    training.startPosition().epoch());
        } catch (IOException e) {
            return null; // earlier curves are a nicety; the run itself is fine
        }
    }

    private void autoPaused(Attempt a) {
        LiveRun.State s = run.state();
        if (a == attempt && (s == LiveRun.State.RUNNING || s == LiveRun.State.STARTING)) {
            run.setState(LiveRun.State.PAUSED);
        }
    }

    /** The run stops before its next step. */
    void pause() {
        Attempt a = attempt;
        if (a == null || !run.state().isActive()) {
            return;
        }
        a.gate.pause();
        run.setState(LiveRun.State.PAUSED);
    }

    /** A paused run trains on. */
    void resume() {
        Attempt a = attempt;
        if (a == null || run.state() != LiveRun.State.PAUSED) {
            return;
        }
        a.gate.resume();
        run.setState(LiveRun.State.RUNNING);
    }

    /** Exactly one more step, then paused (pausing first when running). */
    void stepOnce() {
        Attempt a = attempt;
        if (a == null || !run.state().isActive()) {
            return;
        }
        a.gate.stepOnce();
        run.setState(LiveRun.State.PAUSED);
    }

    /**
     * Stops the run after the step under way: the engine writes a checkpoint and status
     * {@code cancelled}, so the folder can be resumed. A run still being made is stopped as soon
     * as it exists, before its first step.
     */
    void stop() {
        Attempt a = attempt;
        if (a == null || !run.state().isActive()) {
            return;
        }
        stopping.set(true);
        a.stopNow();
    }

    /** Whether the current run is paused and standing still at its gate. */
    boolean isHeld() {
        Attempt a = attempt;
        return a != null && a.gate.isHeld();
    }

    /** Steps the current run's gate has let through in this process. */
    long stepsPassed() {
        Attempt a = attempt;
        return a == null ? 0 : a.gate.passed();
    }
}
