package org.mlaan.lab.ui;

import java.nio.file.Path;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.mlaan.lab.core.config.ConfigException;
import org.mlaan.lab.core.config.ConfigFiles;
import org.mlaan.lab.core.config.ExperimentConfig;

/**
 * The lab window's JavaFX application. Started through {@link LabLauncher}, which hands it its
 * {@link LabLauncher.StartOptions}.
 */
public final class LabApplication extends Application {
    /** Set by {@link LabLauncher} before launch (JavaFX makes the instance itself). */
    static volatile LabLauncher.StartOptions options = new LabLauncher.StartOptions(null, null, 0, false);

    /** Width and height the window opens with; screenshots have this size. */
    public static final double WIDTH = 1600;
    public static final double HEIGHT = 1000;

    @Override
    public void start(Stage stage) {
        LabLauncher.StartOptions o = options;
        ExperimentConfig initial = LabViewModel.startingConfig();
        String openError = null;
        if (o.config() != null) {
            try {
                initial = ConfigFiles.read(o.config());
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
        Scene scene = new Scene(window, WIDTH, HEIGHT);
        window.attachStylesheets(scene);
        stage.setTitle("MLAAN Lab");
        stage.setScene(scene);
        stage.show();
        if (openError != null) {
            window.showError("Could not open " + o.config(), openError);
        }
        if (o.screenshot() != null) {
            if (openError != null) {
                System.err.println("error: " + openError);
                exit(2);
                return;
            }
            screenshotThenExit(window, scene, o.screenshot(), o.steps());
        }
    }

    /** Trains {@code steps} steps when asked, waits until the view has caught up, writes the PNG and exits. */
    private static void screenshotThenExit(LabWindow window, Scene scene, Path file, int steps) {
        Runnable shoot = () -> afterFrames(10, () -> {
            try {
                PngExport.write(scene, file);
                System.out.println("screenshot: " + file.toAbsolutePath());
                exit(0);
            } catch (Exception e) {
                System.err.println("error: screenshot " + file + ": " + e.getMessage());
                exit(1);
            }
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
                        System.err.println("training failed: " + run.finishedProperty().get().message());
                    }
                    shoot.run();
                }
            }
        };
        run.stepsDoneProperty().addListener(check);
        run.stateProperty().addListener(check);
        window.trainForSteps(steps);
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
