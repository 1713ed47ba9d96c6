package org.mlaan.lab.ui.train;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.mlaan.lab.core.run.RunFinished;
import org.mlaan.lab.ui.model.LiveRun;

/**
 * Start, Pause, Resume, One step and Stop, each enabled only where it means something for the
 * run's state, with the progress bar and its line of text (epoch, step, percent, ETA, images/s,
 * device).
 */
final class RunControls extends VBox {
    private final LiveRun run;
    private final RunDriver driver;
    private final Button start = new Button("Start");
    private final Button pause = new Button("Pause");
    private final Button resume = new Button("Resume");
    private final Button step = new Button("One step");
    private final Button stop = new Button("Stop");
    private final ProgressBar progress = new ProgressBar(0);
    private final Label text = new Label();

    /**
     * @param canStart whether the experiment can run (no problems)
     * @param onStart what Start does
     */
    RunControls(LiveRun run, RunDriver driver, ObservableBooleanValue canStart, Runnable onStart) {
        this.run = run;
        this.driver = driver;
        getStyleClass().add("run-controls");
        setSpacing(6);
        button(start, "start-button", "Train the experiment from the start, into a new run folder");
        button(pause, "pause-button", "Stop before the next step; Resume or One step go on");
        button(resume, "resume-button", "Train on from the pause");
        button(step, "step-button", "Train exactly one more step, then pause");
        button(stop, "stop-button", "End the run after this step; its folder keeps a checkpoint to resume from");
        start.getStyleClass().add("start-button");

        var state = run.stateProperty();
        start.disableProperty().bind(Bindings.createBooleanBinding(
                () -> run.state().isActive() || !canStart.get(), state, canStart));
        pause.disableProperty().bind(Bindings.createBooleanBinding(
                () -> run.state() != LiveRun.State.RUNNING && run.state() != LiveRun.State.STARTING, state));
        resume.disableProperty().bind(Bindings.createBooleanBinding(
                () -> run.state() != LiveRun.State.PAUSED, state));
        step.disableProperty().bind(Bindings.createBooleanBinding(
                () -> run.state() != LiveRun.State.PAUSED, state));
        stop.disableProperty().bind(Bindings.createBooleanBinding(
                () -> !run.state().isActive() || driver.stoppingProperty().get(), state,
                driver.stoppingProperty()));

        start.setOnAction(e -> onStart.run());
        pause.setOnAction(e -> driver.pause());
        resume.setOnAction(e -> driver.resume());
        step.setOnAction(e -> driver.stepOnce());
        stop.setOnAction(e -> driver.stop());

        progress.setId("progress-bar");
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.setMaxHeight(Double.MAX_VALUE);
        text.setId("progress-text");
        text.getStyleClass().add("progress-text");
        text.setMaxWidth(Double.MAX_VALUE);
        Tooltip whole = new Tooltip();
        whole.textProperty().bind(text.textProperty());
        text.setTooltip(whole); // the whole line, where the bar is too narrow for it
        // The words sit on the bar: one line tells how far, how fast and when.
        StackPane bar = new StackPane(progress, text);
        bar.getStyleClass().add("progress-with-text");
        StackPane.setAlignment(text, javafx.geometry.Pos.CENTER_LEFT);

        HBox buttons = new HBox(6, start, pause, resume, step, stop);
        buttons.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        getChildren().addAll(buttons, bar);

        Runnable update = this::update;
        run.stateProperty().addListener((obs, o, n) -> update.run());
        run.lastStepProperty().addListener((obs, o, n) -> update.run());
        run.startedProperty().addListener((obs, o, n) -> update.run());
        run.finishedProperty().addListener((obs, o, n) -> update.run());
        driver.stoppingProperty().addListener((obs, o, n) -> update.run());
        driver.queuedProperty().addListener((obs, o, n) -> update.run());
        driver.heldProperty().addListener((obs, o, n) -> update.run());
        update.run();
    }


    private static void button(Button b, String id, String tip) {
        b.setId(id);
        b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        b.setTooltip(new Tooltip(tip));
    }

    private void update() {
        LiveRun.State s = run.state();
        switch (s) {
            case IDLE -> {
                progress.setProgress(0);
                text.setText("Ready to train.");
            }
            case STARTING -> {
                progress.setProgress(ProgressBar.INDETERMINATE_PROGRESS);
                text.setText(driver.queuedProperty().get() ? "Waiting for the run on the training thread to finish..."
                        : "Preparing the data set and the network...");
            }
            case RUNNING, PAUSED -> {
                progress.setProgress(ProgressText.fraction(run.startedProperty().get(), run.lastStepProperty().get()));
                String where = ProgressText.stepping(run.startedProperty().get(), run.lastStepProperty().get());
                String prefix = driver.stoppingProperty().get() ? "Stopping after this step \u00b7 "
                        : s == LiveRun.State.PAUSED && !driver.heldProperty().get() ? "Pausing after this step \u00b7 "
                        : s == LiveRun.State.PAUSED ? "Paused \u00b7 " : "";
                text.setText(where.isEmpty() ? prefix + "Preparing..." : prefix + where);
            }
            default -> {
                RunFinished f = run.finishedProperty().get();
                progress.setProgress(s == LiveRun.State.COMPLETED ? 1
                        : ProgressText.fraction(run.startedProperty().get(), run.lastStepProperty().get()));
                text.setText(f == null ? "" : ProgressText.finished(f));
            }
        }
    }
}
