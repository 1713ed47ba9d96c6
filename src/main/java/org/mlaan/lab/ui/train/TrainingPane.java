package org.mlaan.lab.ui.train;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.mlaan.lab.core.run.RunRecord;
import org.mlaan.lab.core.run.RunStatus;
import org.mlaan.lab.ui.common.DisplayPaths;
import org.mlaan.lab.ui.model.LabViewModel;
import org.mlaan.lab.ui.model.LiveRun;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Train tab: the experiment's training settings on the left; on the right the run buttons
 * with the progress line, and the live charts (loss per module, error, throughput, memory). Runs
 * train on the {@link org.mlaan.lab.engine.RunService}'s training thread into a run folder under {@code runs/}, so a run started here
 * can be reopened and resumed like one started from the command line.
 */
public final class TrainingPane extends BorderPane {
    private static final Logger LOG = LoggerFactory.getLogger(TrainingPane.class);

    private static final int MAX_PROBLEMS_SHOWN = 4;

    private final LabViewModel vm;
    private final LiveRun run;
    private final RunDriver driver;
    private final TrainingCharts charts;
    private final TrainingSettingsForm form;
    private final ExperimentFiles files;
    private final Label problemsLabel = new Label();
    private final Label message = new Label();
    private final Label runFolder = new Label();
    private final BooleanBinding canStart;
    /** True while another run trains in this process (the comparison, the ablation queue): DJL allows one at a time. */
    private final javafx.beans.property.BooleanProperty otherRunActive =
            new javafx.beans.property.SimpleBooleanProperty(this, "otherRunActive");
    private ErrorReporter errors = TrainingPane::showAlert;

    public TrainingPane(LabViewModel vm, LiveRun run) {
        this.vm = vm;
        this.run = run;
        this.driver = new RunDriver(run);
        this.charts = new TrainingCharts(vm, run);
        this.form = new TrainingSettingsForm(vm);
        this.files = new ExperimentFiles(vm, charts, driver, this::window, (t, m) -> errors.report(t, m),
                message::setText);
        setId("training-pane");
        getStyleClass().add("training-pane");
        getStylesheets().add(TrainingPane.class.getResource("train.css").toExternalForm());
        driver.onHistory(charts::setLiveHistory);
        charts.setErrorReporter((t, m) -> errors.report(t, m));

        canStart = Bindings.createBooleanBinding(() -> vm.problems().isEmpty() && form.parseProblems().isEmpty()
                && !otherRunActive.get(), vm.problems(), form.parseProblems(), otherRunActive);
        form.disableProperty().bind(Bindings.createBooleanBinding(() -> run.state().isActive(), run.stateProperty()));

        Region sidebar = sidebar();
        setLeft(sidebar);
        setCenter(main());
        wireMessages();
        // Presentation mode gives the settings column's room to the charts (issue 15, item 6).
        vm.presentationProperty().addListener((obs, old, on) -> setLeft(on ? null : sidebar));
        if (vm.presentationProperty().get()) {
            setLeft(null);
        }
    }

    private Region sidebar() {
        Label title = new Label("Training");
        title.getStyleClass().add("section-title");
        Label name = new Label();
        name.getStyleClass().add("experiment-name");
        name.setWrapText(true);
        Runnable showName = () -> {
            Path f = vm.configFileProperty().get();
            name.setText(vm.config().nameOrDefault() + (f == null ? "" : "\n" + f.getFileName()));
        };
        vm.configProperty().addListener((obs, o, n) -> showName.run());
        vm.configFileProperty().addListener((obs, o, n) -> showName.run());
        showName.run();

        problemsLabel.setId("problems-label");
        problemsLabel.getStyleClass().add("problem-text");
        problemsLabel.setWrapText(true);
        problemsLabel.setMaxWidth(Double.MAX_VALUE);
        ListChangeListener<String> showProblems = c -> showProblems();
        vm.problems().addListener(showProblems);
        form.parseProblems().addListener(showProblems);
        showProblems();

        Label chartsTitle = new Label("Charts");
        chartsTitle.getStyleClass().add("section-title");
        ComboBox<SeriesSmoothing> smoothing = new ComboBox<>();
        smoothing.getItems().setAll(SeriesSmoothing.values());
        smoothing.setId("smoothing-picker");
        smoothing.valueProperty().bindBidirectional(charts.smoothingProperty());
        smoothing.setMaxWidth(Double.MAX_VALUE);
        Label smoothingLabel = new Label("Smoothing");
        smoothingLabel.setMinWidth(Region.USE_PREF_SIZE);
        HBox smoothingRow = new HBox(8, smoothingLabel, smoothing);
        smoothingRow.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(smoothing, Priority.ALWAYS);

        VBox box = new VBox(8, title, name, form, problemsLabel, chartsTitle, smoothingRow, xAxisRow(), overlayRow());
        box.setPadding(new Insets(8, 10, 8, 10));
        box.setFillWidth(true);
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("training-sidebar");
        scroll.setId("training-sidebar");
        // Width in em (train.css), so presentation mode widens it with its fonts.
        return scroll;
    }

    /** Steps or wall time along the charts' horizontal axis. */
    private Region xAxisRow() {
        ComboBox<ChartXAxis> axis = new ComboBox<>();
        axis.getItems().setAll(ChartXAxis.values());
        axis.setId("x-axis-picker");
        axis.valueProperty().bindBidirectional(charts.xAxisProperty());
        axis.setMaxWidth(Double.MAX_VALUE);
        axis.setTooltip(new javafx.scene.control.Tooltip("Wall time leaves pauses out; a resumed run goes on"
                + " from where it stopped. Overlaid on another run, it shows which method learns faster per second."));
        Label label = new Label("X axis");
        label.setMinWidth(Region.USE_PREF_SIZE);
        HBox row = new HBox(8, label, axis);
        row.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(axis, Priority.ALWAYS);
        return row;
    }

    /** "Overlay run...", and while one is overlaid its name with a button that takes it away. */
    private Region overlayRow() {
        Button choose = new Button("Overlay run\u2026");
        choose.setId("overlay-run");
        choose.setTooltip(new javafx.scene.control.Tooltip("Draw a past run folder's curves, faded, behind"
                + " the charts' own, to compare a run with another"));
        choose.setOnAction(e -> files.chooseAndOverlay());
        Label shownName = new Label();
        shownName.setId("overlay-label");
        shownName.getStyleClass().add("overlay-label");
        shownName.setMinWidth(0);
        Button clear = new Button("\u2715");
        clear.setId("overlay-clear");
        clear.setTooltip(new javafx.scene.control.Tooltip("Take the overlaid run away"));
        clear.setOnAction(e -> charts.overlayProperty().set(null));
        HBox shown = new HBox(6, clear, shownName);
        shown.setAlignment(Pos.CENTER_LEFT);
        shown.managedProperty().bind(shown.visibleProperty());
        Runnable show = () -> {
            RunRecord r = charts.overlayProperty().get();
            shown.setVisible(r != null);
            shownName.setText(r == null ? "" : "behind: " + TrainingCharts.overlayLabel(r));
            shownName.setTooltip(r == null ? null : new javafx.scene.control.Tooltip(DisplayPaths.of(r.dir())));
        };
        charts.overlayProperty().addListener((obs, old, now) -> show.run());
        show.run();
        return new VBox(6, choose, shown);
    }

    private Region main() {
        RunControls controls = new RunControls(run, driver, canStart, this::startFromSettings);

        Label shown = new Label();
        shown.setId("record-label");
        shown.setWrapText(false);
        Button backToLive = new Button("Back to the live run");
        backToLive.setId("show-live-button");
        backToLive.setOnAction(e -> charts.showLive());
        backToLive.setMinWidth(Region.USE_PREF_SIZE);
        HBox.setHgrow(shown, Priority.ALWAYS);
        shown.setMaxWidth(Double.MAX_VALUE);
        HBox recordBanner = new HBox(8, shown, backToLive);
        recordBanner.getStyleClass().add("record-banner");
        recordBanner.setAlignment(Pos.CENTER_LEFT);
        recordBanner.visibleProperty().bind(charts.shownRecordProperty().isNotNull());
        recordBanner.managedProperty().bind(recordBanner.visibleProperty());
        charts.shownRecordProperty().addListener((obs, o, r) -> {
            shown.setText(r == null ? "" : describe(r));
            shown.setTooltip(r == null ? null : new javafx.scene.control.Tooltip(r.dir().toAbsolutePath().toString()));
        });

        message.setId("run-message");
        message.getStyleClass().add("run-message");
        message.setWrapText(true);
        message.setMaxWidth(Double.MAX_VALUE);
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        message.visibleProperty().bind(message.managedProperty());

        runFolder.setId("run-folder-label");
        runFolder.getStyleClass().add("run-folder");
        runFolder.setMaxWidth(Double.MAX_VALUE);
        runFolder.setTextOverrun(javafx.scene.control.OverrunStyle.LEADING_ELLIPSIS);

        VBox.setVgrow(charts, Priority.ALWAYS);
        VBox box = new VBox(6, controls, message, recordBanner, charts, runFolder);
        box.setPadding(new Insets(8, 8, 6, 8));
        return box;
    }

    private void wireMessages() {
        run.stateProperty().addListener((obs, old, s) -> {
            if (s == LiveRun.State.FAILED && run.finishedProperty().get() != null) {
                message.getStyleClass().add("problem-text");
                message.setText("The run failed: " + run.finishedProperty().get().message());
            } else if (s == LiveRun.State.CANCELLED) {
                message.getStyleClass().remove("problem-text");
                message.setText("Stopped; a checkpoint is kept, File > Resume run folder continues the run.");
            } else if (s == LiveRun.State.STARTING) {
                message.getStyleClass().remove("problem-text");
                message.setText("");
            }
        });
        // A run that cannot learn at its rates is said before its first epoch, not after it.
        driver.scheduleWarningProperty().addListener((obs, o, n) -> {
            if (!n.isEmpty()) {
                message.getStyleClass().remove("problem-text");
                message.setText(n.replaceFirst("^warning: ", "Warning: "));
            }
        });
        // Why the CPU was chosen is worth a tooltip, not a line: the progress bar names the device.
        driver.noticeProperty().addListener((obs, o, n) -> runFolder.setTooltip(n.isEmpty() ? null
                : new javafx.scene.control.Tooltip(n)));
        Runnable showFolder = () -> {
            Path dir = driver.runDirProperty().get();
            runFolder.setText(dir == null ? "Runs are written under " + DisplayPaths.of(driver.runsFolderProperty().get())
                    : "Run folder: " + DisplayPaths.of(dir));
        };
        driver.runDirProperty().addListener((obs, o, n) -> showFolder.run());
        driver.runsFolderProperty().addListener((obs, o, n) -> showFolder.run());
        showFolder.run();
    }

    private void showProblems() {
        ObservableList<String> fromVm = vm.problems();
        List<String> all = new java.util.ArrayList<>(form.parseProblems());
        all.addAll(fromVm);
        if (all.isEmpty()) {
            problemsLabel.setText("");
            return;
        }
        List<String> shown = all.subList(0, Math.min(all.size(), MAX_PROBLEMS_SHOWN));
        String more = all.size() > shown.size() ? "\n... and " + (all.size() - shown.size()) + " more" : "";
        problemsLabel.setText(String.join("\n", shown) + more);
    }

    private static String describe(RunRecord r) {
        StringBuilder sb = new StringBuilder("Run folder ").append(r.dir().getFileName());
        RunStatus s = r.status();
        if (s != null) {
            sb.append(String.format(Locale.ROOT, " \u00b7 %s, %d/%d epochs", s.state(), s.epochsDone(), s.epochs()));
            if (s.bestTop1Error() != null) {
                sb.append(String.format(Locale.ROOT, " \u00b7 best test error %.2f%%", 100 * s.bestTop1Error()));
            }
        }
        return sb.append(" \u00b7 ").append(r.steps().size()).append(" steps, read-only").toString();
    }

    private void startFromSettings() {
        if (!canStart.get()) {
            return;
        }
        charts.setLiveHistory(null);
        charts.showLive();
        driver.start(vm.config(), -1);
    }

    /** The File menu: open and save experiment files, reopen or resume a run folder, export the charts. */
    public List<Menu> fileMenus() {
        return files.menus();
    }

    /**
     * Starts training the current config and pauses after {@code steps} steps (the window's
     * {@code --screenshot --steps N} mode). A config with problems does not start: the run ends
     * FAILED with them, so whoever waits for it is told.
     */
    public void trainForSteps(int steps) {
        if (run.state().isActive()) {
            return;
        }
        if (!canStart.get()) {
            List<String> all = new java.util.ArrayList<>(form.parseProblems());
            all.addAll(vm.problems());
            run.failedToStart("the config has problems: " + String.join("; ", all));
            return;
        }
        charts.setLiveHistory(null);
        charts.showLive();
        driver.start(vm.config(), Math.max(0, steps));
    }

    /**
     * Start waits while {@code active} is true (the comparison's runs or the Analyses tab's
     * ablation and analyses: one run at a time per process).
     */
    public void bindOtherRunActive(javafx.beans.value.ObservableValue<Boolean> active) {
        otherRunActive.bind(active);
        otherRunActive.addListener((obs, was, now) -> message.setText(now
                ? "The comparison or the Analyses tab is training: Start waits until it ends (one run trains at a"
                        + " time)." : ""));
    }

    /** Stops the run, if one is active (the window is closing). */
    public void stopRun() {
        if (run.state().isActive()) {
            driver.stop();
        }
    }

    /** The folder new run folders are made in ({@code runs/} by default; tests use a temporary folder). */
    public ObjectProperty<Path> runsFolderProperty() {
        return driver.runsFolderProperty();
    }

    private Window window() {
        return getScene() == null ? null : getScene().getWindow();
    }

    private static void showAlert(String title, String text) {
        LOG.warn("{}: {}", title, text);
        Alert alert = new Alert(Alert.AlertType.ERROR, text);
        alert.setHeaderText(title);
        alert.show();
    }

    // ---- for tests in this package ----

    RunDriver driver() {
        return driver;
    }

    TrainingCharts charts() {
        return charts;
    }

    ExperimentFiles files() {
        return files;
    }

    void setErrorReporter(ErrorReporter reporter) {
        this.errors = reporter;
    }
}
