package org.mlaan.lab.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import org.mlaan.lab.analysis.CheckpointAnalyses;
import org.mlaan.lab.analysis.IsolatedBench;
import org.mlaan.lab.analysis.RunAnalyses;
import org.mlaan.lab.core.run.RunStarted;
import org.mlaan.lab.ui.analysis.AnalysesPane;
import org.mlaan.lab.ui.analysis.MemoryMeasure;
import org.mlaan.lab.ui.common.StyleClasses;
import org.mlaan.lab.ui.features.ComparePane;
import org.mlaan.lab.ui.features.FeatureMapsPane;
import org.mlaan.lab.ui.model.LabViewModel;
import org.mlaan.lab.ui.model.LiveRun;
import org.mlaan.lab.ui.network.NetworkPane;
import org.mlaan.lab.ui.train.TrainingPane;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lab window: the network with its split and auxiliaries on top; below, training with its
 * live charts beside the feature maps, the side-by-side comparison of up to four runs, and the
 * analyses (the ablation queue, loaded runs, the paper's figures); a status line with K, the
 * memory estimate and the config's problems.
 */
public final class LabWindow extends BorderPane {
    private static final Logger LOG = LoggerFactory.getLogger(LabWindow.class);

    /** Timed steps per method when the Analyses tab measures memory (each method in its own JVM). */
    private static final int MEMORY_STEPS = 3;
    /** What the Analyses tab runs on checkpoints (on the CPU: they are read, not trained) and how it measures memory. */
    private static final Supplier<RunAnalyses> CHECKPOINT_ANALYSES = CheckpointAnalyses::new;
    private static final MemoryMeasure MEMORY_MEASURE = (config, progress) ->
            IsolatedBench.memory(config, MEMORY_STEPS, null, progress);

    private final LabViewModel vm;
    private final LiveRun run;
    private final NetworkPane networkPane;
    private final TrainingPane trainingPane;
    private final FeatureMapsPane featureMapsPane;
    private final ComparePane comparePane;
    private final AnalysesPane analysesPane;
    private final TabPane tabs;
    private final SplitPane main;
    private final SplitPane trainAndMaps;
    /** The dividers before presentation mode, restored when it ends. */
    private double[][] dividersBefore;
    /** The network strip's share of the height in presentation mode: the charts and maps get the rest. */
    private static final double PRESENTATION_NETWORK_SHARE = 0.33;
    /** Below this width presentation type is a size smaller. */
    private static final double COMPACT_WIDTH = 1500;

    public LabWindow(LabViewModel vm) {
        this.vm = vm;
        this.run = new LiveRun("run");
        this.networkPane = new NetworkPane(vm);
        this.trainingPane = new TrainingPane(vm, run);
        this.featureMapsPane = new FeatureMapsPane(vm, run);
        this.comparePane = new ComparePane(vm);
        this.analysesPane = new AnalysesPane(vm, CHECKPOINT_ANALYSES, MEMORY_MEASURE);
        analysesPane.runsFolderProperty().bind(trainingPane.runsFolderProperty());
        comparePane.runsFolderProperty().bind(trainingPane.runsFolderProperty());
        comparePane.setOnOpenInAnalyses(this::showAnalyses);
        comparePane.setLessonAnalyses(CHECKPOINT_ANALYSES);
        // DJL allows one gradient collector per JVM: the Train tab, the comparison and the analyses
        // (ablation queue, checkpoint analyses) each wait while one of the others is active.
        BooleanBinding trainActive = Bindings.createBooleanBinding(() -> run.state().isActive(), run.stateProperty());
        comparePane.setOtherRunActive(trainActive.or(analysesPane.activeProperty()));
        trainingPane.bindOtherRunActive(comparePane.activeProperty().or(analysesPane.activeProperty()));
        analysesPane.setOtherRunActive(trainActive.or(comparePane.activeProperty()));
        setId("lab-window");
        getStyleClass().add("lab-window");

        trainAndMaps = new SplitPane(trainingPane, featureMapsPane);
        trainAndMaps.setDividerPositions(0.58);
        Tab trainTab = new Tab("Train", trainAndMaps);
        trainTab.setId("tab-train");
        Tab compareTab = new Tab("Compare runs", comparePane);
        compareTab.setId("tab-compare");
        Tab analysesTab = new Tab("Analyses", analysesPane);
        analysesTab.setId("tab-analyses");
        tabs = new TabPane(trainTab, compareTab, analysesTab);
        tabs.setId("lab-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);

        main = new SplitPane(networkPane, tabs);
        main.setOrientation(Orientation.VERTICAL);
        main.setDividerPositions(0.36);

        setTop(menuBar());
        setCenter(main);
        setBottom(statusLine());
        vm.presentationProperty().addListener((obs, old, on) -> applyPresentation(on));
        applyPresentation(vm.presentationProperty().get());
        // The scene's width, not this pane's: the pane's own can grow past the window with its content.
        sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                fitPresentationType(scene.getWidth());
                scene.widthProperty().addListener((o, was, w) -> fitPresentationType(w.doubleValue()));
            }
        });
        main.heightProperty().addListener((obs, old, h) -> fitNetworkShare());
    }

    private MenuBar menuBar() {
        List<Menu> menus = new ArrayList<>(trainingPane.fileMenus());
        menus.addAll(networkPane.menus());
        // Issue 14: the lesson from the Method menu as well as from the Compare runs tab's button.
        MenuItem lesson = new MenuItem("Lesson: BP, DGL, DGL+MLM, DGL+LAM, DGL+MLAAN live");
        lesson.setId("menu-lesson");
        lesson.setOnAction(e -> startLesson());
        menus.stream().filter(m -> "menu-method".equals(m.getId())).findFirst()
                .ifPresent(m -> m.getItems().addAll(new SeparatorMenuItem(), lesson));
        Menu view = new Menu("View");
        CheckMenuItem presentation = new CheckMenuItem("Presentation mode");
        presentation.setId("menu-presentation");
        presentation.setAccelerator(new KeyCodeCombination(KeyCode.F5));
        presentation.selectedProperty().bindBidirectional(vm.presentationProperty());
        view.getItems().add(presentation);
        menus.add(view);
        MenuBar bar = new MenuBar(menus.toArray(Menu[]::new));
        bar.setId("menu-bar");
        return bar;
    }

    /** K and the method, the run's device, and the first of the config's problems (the split editor shows all). */
    private HBox statusLine() {
        Label modules = new Label();
        modules.setId("status-modules");
        Label device = new Label();
        device.setId("status-device");
        Label problems = new Label();
        problems.setId("status-problems");
        problems.getStyleClass().add("problem-text");
        Runnable update = () -> {
            var lp = vm.localPlan();
            modules.setText(lp == null ? "K = ?" : "K = " + lp.k() + " (" + lp.method().label() + ")");
            problems.setText(vm.problems().isEmpty() ? "" : vm.problems().size() + " problem(s): "
                    + vm.problems().get(0));
        };
        vm.localPlanProperty().addListener((obs, o, n) -> update.run());
        vm.problems().addListener((javafx.collections.ListChangeListener<String>) c -> update.run());
        Runnable deviceLine = () -> device.setText(deviceStatus(run.state(), run.startedProperty().get(),
                comparePane.activeProperty().get(), analysesPane.activeProperty().get()));
        run.startedProperty().addListener((obs, o, n) -> deviceLine.run());
        run.stateProperty().addListener((obs, o, n) -> deviceLine.run());
        comparePane.activeProperty().addListener((obs, o, n) -> deviceLine.run());
        analysesPane.activeProperty().addListener((obs, o, n) -> deviceLine.run());
        update.run();
        HBox box = new HBox(24, modules, device, problems);
        box.getStyleClass().add("status-line");
        return box;
    }

    /** The status line's device words: what the Train tab's run is doing now, not what it did at its start. */
    static String deviceStatus(LiveRun.State state, RunStarted started) {
        return deviceStatus(state, started, false, false);
    }

    /**
     * The status line's words: what trains now, whichever tab drives it (the comparison and the
     * ablation queue train on the same thread as the Train tab, one at a time), else the Train
     * tab's run.
     */
    static String deviceStatus(LiveRun.State state, RunStarted started, boolean comparing, boolean analysing) {
        if (comparing) {
            return "comparing methods (Compare runs tab)";
        }
        if (analysing) {
            return "ablation or analysis under way (Analyses tab)";
        }
        if (started == null) {
            return "";
        }
        return switch (state) {
            case STARTING, RUNNING -> "training on " + started.device();
            case PAUSED -> "paused on " + started.device();
            case COMPLETED, CANCELLED, FAILED -> "last run: " + started.device();
            default -> "";
        };
    }

    /**
     * Presentation mode: larger type (smaller on a small screen, so that nothing is cut), the
     * settings column and the inspector folded away (their panes do that), and the dividers as
     * they were when it is left again: toggling twice gives the same layout back.
     */
    private void applyPresentation(boolean on) {
        StyleClasses.set(this, "presentation", on);
        if (on) {
            dividersBefore = new double[][] {main.getDividerPositions(), trainAndMaps.getDividerPositions()};
            main.setDividerPositions(PRESENTATION_NETWORK_SHARE);
            // Once the larger type is laid out: the strip as tall as it needs, the rest for charts and maps.
            javafx.application.Platform.runLater(this::fitNetworkShare);
        } else if (dividersBefore != null) {
            main.setDividerPositions(dividersBefore[0]);
            trainAndMaps.setDividerPositions(dividersBefore[1]);
            dividersBefore = null;
        }
    }

    /**
     * In presentation mode, the network strip gets the height its tiles and module bands need
     * (between a fifth and a half of the window), so that no band is cut at 1280x720.
     */
    private void fitNetworkShare() {
        double height = main.getHeight();
        if (!vm.presentationProperty().get() || height <= 0) {
            return;
        }
        applyCss();
        double wanted = networkPane.prefHeight(main.getWidth()) + 8;
        main.setDividerPositions(Math.max(0.2, Math.min(0.5, wanted / height)));
    }

    /** Small screens (a 1280x720 projector) get presentation type a size down. */
    private void fitPresentationType(double width) {
        StyleClasses.set(this, "presentation-compact", width < COMPACT_WIDTH);
    }

    /** Adds the lab's stylesheet to the window's scene. */
    public void attachStylesheets(Scene scene) {
        scene.getStylesheets().add(LabWindow.class.getResource("lab.css").toExternalForm());
    }

    /** Shows an error dialog (and logs it); in headless screenshot mode nobody could close it, so it goes to the terminal instead. */
    public void showError(String title, String message) {
        LOG.warn("{}: {}", title, message);
        if (LabApplication.options.screenshot() != null) {
            LabApplication.err.println(title + ": " + message);
        }
        if (LabApplication.options.screenshot() == null) {
            Alert alert = new Alert(Alert.AlertType.ERROR, message);
            alert.setHeaderText(title);
            alert.show();
        }
    }

    /** The run the Train tab drives. */
    public LiveRun liveRun() {
        return run;
    }

    /** Starts training the current config and pauses it after {@code steps} steps (screenshots, demos). */
    public void trainForSteps(int steps) {
        tabs.getSelectionModel().select(0);
        trainingPane.trainForSteps(steps);
    }

    /** Shows the Analyses tab with the run folders at or under {@code dir}; completes (on the FX thread) once read. */
    public CompletableFuture<Integer> showAnalyses(Path dir) {
        tabs.getSelectionModel().select(tabs.getTabs().size() - 1);
        return analysesPane.open(dir);
    }

    /** Shows the Compare runs tab and starts the lesson there (issue 14). */
    public void startLesson() {
        tabs.getSelectionModel().select(1);
        // The lesson needs the room: the network strip folds to its least (drag the divider to see it again).
        main.setDividerPositions(0.0);
        comparePane.startLesson(1);
    }

    public ComparePane comparePane() {
        return comparePane;
    }

    public AnalysesPane analysesPane() {
        return analysesPane;
    }

    /** The folder the window's runs are made in: the Train tab's and the ablation queue's. */
    public javafx.beans.property.ObjectProperty<java.nio.file.Path> runsFolderProperty() {
        return trainingPane.runsFolderProperty();
    }

    public LabViewModel viewModel() {
        return vm;
    }

    /** Stops every run of the window (it is closing); the runs write their checkpoints and end. */
    public void stopRuns() {
        trainingPane.stopRun();
        comparePane.stop();
        analysesPane.stop();
    }
}
