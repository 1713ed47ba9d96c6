package org.mlaan.lab.ui;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.mlaan.lab.core.config.ConfigException;
import org.mlaan.lab.core.config.ExperimentConfig;
import org.mlaan.lab.core.experiment.Experiment;
import org.mlaan.lab.engine.NativeLibraries;
import org.mlaan.lab.ui.common.PngExport;
import org.mlaan.lab.ui.features.ComparePane;
import org.mlaan.lab.ui.features.ComparisonSession;
import org.mlaan.lab.ui.model.LabViewModel;
import org.mlaan.lab.ui.model.LiveRun;

/**
 * The lab window's JavaFX application. Started through {@link LabLauncher}, which hands it its
 * {@link LabLauncher.StartOptions}.
 */
public final class LabApplication extends Application {
    /** Set by {@link LabLauncher} before launch (JavaFX makes the instance itself). */
    static volatile LabLauncher.StartOptions options = LabLauncher.StartOptions.defaults();
    /** The terminal, for the screenshot mode's lines; nowhere when the window was not started from one. */
    static volatile PrintStream out = new PrintStream(OutputStream.nullOutputStream());
    static volatile PrintStream err = new PrintStream(OutputStream.nullOutputStream());

    @Override
    public void start(Stage stage) {
        LabLauncher.StartOptions o = options;
        // A frame with a line at once (issue 15, item 9): the window itself takes seconds to build.
        Label starting = new Label("Starting MLAAN Lab\u2026 building the network, the charts and the data set's"
                + " preview");
        starting.setId("starting-label");
        starting.setStyle("-fx-font-size: 16px;");
        ProgressBar bar = new ProgressBar(-1);
        bar.setPrefWidth(320);
        VBox splash = new VBox(14, starting, bar);
        splash.setAlignment(javafx.geometry.Pos.CENTER);
        Scene scene = new Scene(new StackPane(splash), o.width(), o.height());
        stage.setTitle("MLAAN Lab");
        stage.getIcons().add(IconArt.image(64));
        stage.setScene(scene);
        stage.show();
        afterFrames(2, () -> buildWindow(stage, scene, o));
    }

    /** The lab window in place of the start-up line, then what the options ask for. */
    private static void buildWindow(Stage stage, Scene scene, LabLauncher.StartOptions o) {
        ExperimentConfig initial = LabViewModel.startingConfig();
        String openError = null;
        if (o.config() != null) {
            try {
                initial = Experiment.readConfig(o.config());
            } catch (ConfigException e) {
                openError = e.getMessage();
            }
        }
        LabViewModel vm = new LabViewModel(initial);
        if (o.config() != null && openError == null) {
            vm.configFileProperty().set(o.config());
        }
        vm.presentationProperty().set(o.presentation());
        LabWindow window = new LabWindow(vm);
        FirstStartOverlay overlay = new FirstStartOverlay();
        overlay.setVisible(false);
        scene.setRoot(new StackPane(window, overlay));
        window.attachStylesheets(scene);
        stage.setOnHiding(e -> window.stopRuns());
        if (openError != null) {
            window.showError("Could not open " + o.config(), openError);
        }
        if (o.screenshot() != null && openError != null) {
            err.println("error: " + openError);
            exit(2);
            return;
        }
        CompletableFuture<Integer> runsOpened = o.runs() == null ? CompletableFuture.completedFuture(0)
                : window.showAnalyses(o.runs());
        FirstStartOverlay.prepare(NativeLibraries.forThisBuild(), overlay, () -> {
            if (o.lesson()) {
                window.startLesson();
                if (o.screenshot() != null) {
                    lessonScreenshotThenExit(window, scene, o.screenshot(), o.steps());
                }
            } else if (o.screenshot() != null) {
                // The Analyses tab draws its runs once they are read: shoot after that.
                runsOpened.whenComplete((n, e) -> Platform.runLater(
                        () -> screenshotThenExit(window, scene, o.screenshot(), o.steps())));
            }
        }, message -> {
            if (o.screenshot() != null) {
                err.println("error: " + message);
                exit(1);
            }
        });
    }

    /** Trains {@code steps} steps when asked, waits until the view has caught up, writes the PNG and exits. */
    private static void screenshotThenExit(LabWindow window, Scene scene, Path file, int steps) {
        Runnable shoot = () -> afterFrames(10, () -> {
            int code = writeScreenshot(scene, file);
            exitWhenStopped(window, code);
        });
        if (steps <= 0) {
            shoot.run();
            return;
        }
        LiveRun run = window.liveRun();
        ChangeListener<Object> check = new ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<?> obs, Object old, Object now) {
                boolean done = run.stepsDone() >= steps && run.state() != LiveRun.State.RUNNING
                        && run.state() != LiveRun.State.STARTING;
                // A run with fewer steps than asked for completes: shoot it then, rather than wait forever.
                boolean ended = run.state() == LiveRun.State.FAILED || run.state() == LiveRun.State.CANCELLED
                        || run.state() == LiveRun.State.COMPLETED;
                if (done || ended) {
                    run.stepsDoneProperty().removeListener(this);
                    run.stateProperty().removeListener(this);
                    if (run.state() == LiveRun.State.FAILED && run.finishedProperty().get() != null) {
                        err.println("training failed: " + run.finishedProperty().get().message());
                    }
                    shoot.run();
                }
            }
        };
        run.stepsDoneProperty().addListener(check);
        run.stateProperty().addListener(check);
        window.trainForSteps(steps);
    }

    /** Writes the window as a PNG and says so on the terminal; the exit code: 0, or 1 when it could not. */
    private static int writeScreenshot(Scene scene, Path file) {
        try {
            PngExport.write(scene, file);
            out.println("screenshot: " + file.toAbsolutePath());
            return 0;
        } catch (Exception e) {
            err.println("error: screenshot " + file + ": " + e.getMessage());
            return 1;
        }
    }

    /**
     * Once every lesson run has taken {@code steps} steps (or the lesson has ended), writes the PNG,
     * stops the lesson and exits when its runs have written their folders.
     */
    private static void lessonScreenshotThenExit(LabWindow window, Scene scene, Path file, int steps) {
        ComparePane compare = window.comparePane();
        AnimationTimer watch = new AnimationTimer() {
            private long last;

            @Override
            public void handle(long now) {
                if (now - last < 500_000_000L) {
                    return;
                }
                last = now;
                ComparisonSession s = compare.session();
                boolean ended = s != null && !compare.activeProperty().get();
                boolean reached = s != null && s.runs().stream().allMatch(r -> r.live().stepsDone() >= steps
                        || !r.live().state().isActive());
                if (ended || (steps > 0 && reached)) {
                    stop();
                    compare.pause();
                    afterFrames(10, () -> {
                        int exitCode = writeScreenshot(scene, file);
                        Thread waiter = new Thread(() -> {
                            try {
                                compare.stopAndWait(java.time.Duration.ofMinutes(2));
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                            exit(exitCode);
                        }, "lesson-exit");
                        waiter.start();
                    });
                }
            }
        };
        watch.start();
    }

    /**
     * Stops the window's runs and exits once the Train tab's run has ended, so that its folder
     * says "cancelled" and holds a checkpoint instead of a run that looks as if it were still going.
     */
    private static void exitWhenStopped(LabWindow window, int code) {
        LiveRun run = window.liveRun();
        if (!run.state().isActive()) {
            exit(code);
            return;
        }
        run.stateProperty().addListener((obs, old, now) -> {
            if (!now.isActive()) {
                exit(code);
            }
        });
        window.stopRuns();
    }

    /** Runs {@code action} after {@code frames} pulses, so charts and heatmaps have drawn what they were given. */
    private static void afterFrames(int frames, Runnable action) {
        new AnimationTimer() {
            private int left = frames;

            @Override
            public void handle(long now) {
                if (--left <= 0) {
                    stop();
                    action.run();
                }
            }
        }.start();
    }

    private static void exit(int code) {
        Platform.exit();
        // DJL keeps native threads; the screenshot mode is a one-shot command.
        new Thread(() -> System.exit(code), "exit").start();
    }
}
