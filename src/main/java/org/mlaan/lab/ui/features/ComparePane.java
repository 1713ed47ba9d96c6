package org.mlaan.lab.ui.features;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.mlaan.lab.analysis.RunAnalyses;
import org.mlaan.lab.core.config.ConfigFiles;
import org.mlaan.lab.core.config.ExperimentConfig;
import org.mlaan.lab.core.config.Method;
import org.mlaan.lab.core.experiment.Experiment;
import org.mlaan.lab.core.experiment.Lesson;
import org.mlaan.lab.core.local.LocalPlan;
import org.mlaan.lab.core.run.FeatureMaps;
import org.mlaan.lab.core.run.RunStarted;
import org.mlaan.lab.core.run.StepMetrics;
import org.mlaan.lab.data.IdxReader;
import org.mlaan.lab.ui.common.DisplayPaths;
import org.mlaan.lab.ui.common.StyleClasses;
import org.mlaan.lab.ui.model.LabViewModel;
import org.mlaan.lab.ui.model.LiveRun;

/**
 * Up to five runs trained side by side, step by step in turn, with their feature maps at the same
 * step: the feature-map comparison of MLAAN Figure 4 (BP, DGL, DGL+MLM, DGL+LAM, DGL+MLAAN on the
 * current network, split and data; each method with its own defaults, BP end to end), each run into
 * a run folder under the window's runs folder. Lesson starts the classroom ablation instead
 * (issue 14): the five runs of {@link Lesson} on the lesson's own config, with the
 * {@link LessonBoard} beside the maps. Only one run may train in the process at a time, so neither
 * starts while another run (the Train tab's) is active.
 */
public final class ComparePane extends BorderPane {
    /** Methods side by side at most: the MLM x LAM ablation and BP beside it (issue 14). */
    public static final int MAX_RUNS = 5;
    /** Test images in the comparison. */
    public static final int IMAGES = 4;
    private static final String NONE = "—";
    private static final String LESSON_BUILTIN = "built-in lesson";
    private static final String LESSON_FASHION_MNIST = "Fashion-MNIST";
    private static final List<String> DEFAULT_METHODS = List.of("BP", "DGL", "DGL+MLM", "DGL+LAM", "DGL+MLAAN");

    private final LabViewModel vm;
    private final List<ComboBox<String>> methodPickers = new ArrayList<>();
    private final Spinner<Integer> steps = new Spinner<>(1, 1_000_000, 100, 10);
    private final Spinner<Integer> every = new Spinner<>(1, 10_000, 5, 1);
    private final Button start = new Button("Start");
    private final Button lesson = new Button("Lesson");
    /** The lesson's data: the built-in lesson, and Fashion-MNIST where its files are (issue 14, item 5). */
    private final ComboBox<String> lessonData = new ComboBox<>();
    private final LessonBoard board = new LessonBoard();
    /** The feature maps with their placeholder: the whole centre, or the right of the lesson board. */
    private final StackPane maps;
    /** The config the lesson's five runs share (issue 14): the built-in lesson unless set. */
    private final ObjectProperty<ExperimentConfig> lessonConfig =
            new SimpleObjectProperty<>(this, "lessonConfig", ConfigFiles.embedded(Lesson.BUILTIN_FILE));
    private final Button pause = new Button("Pause");
    private final Button stop = new Button("Stop");
    private final Label message = new Label();
    private final MapDisplayControls controls = new MapDisplayControls("compare-");
    private final FeatureGrid grid = new FeatureGrid("compare-");
    private final FeatureGrid.Header header = grid.header("compare");
    private final Label figureTitle = header.title();
    private final Label stepLabel = header.step();
    private final Label placeholder = new Label("Pick up to five methods and press Start: each trains the current"
            + " network, split and data (BP the whole network end to end), one step each in turn, and their feature"
            + " maps appear side by side at the same step (MLAAN Figure 4).");
    private final Label exportStatus = new Label();
    /** The comparison's progress and time left in all (issue 15, item 5). */
    private final Label progressLine = new Label();
    private final ExportButton export;
    private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper(this, "active");
    private BooleanSupplier otherRunActive = () -> false;
    /** Where each comparison's runs write their folders ({@code compare-NAME-STAMP}); null: none. */
    private final ObjectProperty<Path> runsFolder =
            new SimpleObjectProperty<>(this, "runsFolder");
    private Consumer<Path> openInAnalyses = p -> { };
    /** Measures the lesson's separability when its runs end (the window's checkpoint analyses); none by default. */
    private Supplier<RunAnalyses> lessonAnalyses = () -> null;
    /** Whether the session on screen is a lesson (then its end brings the separability chart). */
    private boolean lessonOnScreen;
    /** True while the lesson's runs train. */
    private final javafx.beans.property.BooleanProperty lessonTraining =
            new javafx.beans.property.SimpleBooleanProperty(this, "lessonTraining");
    private final Hyperlink openFolder = new Hyperlink();
    private ComparisonSession session;
    private LocalPlan comparedPlan;
    private List<ColumnHeader> columns = List.of();

    /** The header of one run's column: method, step and loss, the step its maps were taken at, status. */
    private record ColumnHeader(VBox box, Label method, Label step, Label status, Label mapsStep) {}

    public ComparePane(LabViewModel vm) {
        this.vm = vm;
        setId("compare-pane");
        getStyleClass().add("features-pane");
        getStylesheets().add(ComparePane.class.getResource("features.css").toExternalForm());

        FlowPane runBar = new FlowPane(8, 6);
        runBar.setAlignment(Pos.CENTER_LEFT);
        Label title = new Label("Compare methods");
        title.getStyleClass().add("pane-title");
        runBar.getChildren().add(title);
        List<String> choices = new ArrayList<>();
        choices.add(NONE);
        for (Method m : Method.values()) {
            if (m != Method.BP) {
                choices.add(m.label());
            }
        }
        choices.add(Method.BP.label());
        for (int i = 0; i < MAX_RUNS; i++) {
            ComboBox<String> picker = new ComboBox<>();
            picker.getItems().setAll(choices);
            picker.setValue(DEFAULT_METHODS.get(i));
            picker.setId("compare-method-" + i);
            picker.setTooltip(new Tooltip("Method of column " + (i + 1) + " (— for none)"));
            methodPickers.add(picker);
            runBar.getChildren().add(picker);
        }
        steps.setId("compare-steps");
        steps.setEditable(true);
        steps.setPrefWidth(95);
        steps.setTooltip(new Tooltip("Steps each run trains"));
        every.setId("compare-every");
        every.setEditable(true);
        every.setPrefWidth(75);
        every.setTooltip(new Tooltip("Feature maps every this many steps"));
        start.setId("compare-start");
        start.setDefaultButton(false);
        pause.setId("compare-pause");
        stop.setId("compare-stop");
        lesson.setId("compare-lesson");
        lesson.setTooltip(new Tooltip("The lesson: BP, DGL, DGL+MLM, DGL+LAM and DGL+MLAAN learn the built-in lesson"
                + " images side by side, with their test errors, the MLM x LAM matrix and their feature maps live"));
        lessonData.setId("compare-lesson-data");
        lessonData.getItems().add(LESSON_BUILTIN);
        ExperimentConfig fashion = ConfigFiles.embedded(Lesson.FASHION_MNIST_FILE);
        if (IdxReader.holdsSet(Path.of(fashion.dataset().path()))) {
            lessonData.getItems().add(LESSON_FASHION_MNIST);
        }
        lessonData.setValue(LESSON_BUILTIN);
        lessonData.setTooltip(new Tooltip("The lesson's images: the built-in lesson scenes, or Fashion-MNIST where"
                + " Debian's dataset-fashion-mnist is installed"));
        lessonData.valueProperty().addListener((obs, old, now) -> lessonConfig.set(ConfigFiles.embedded(
                LESSON_FASHION_MNIST.equals(now) ? Lesson.FASHION_MNIST_FILE : Lesson.BUILTIN_FILE)));
        Label stepsLabel = new Label("Steps");
        runBar.getChildren().addAll(stepsLabel, steps, new Label("Maps every"), every, start, lesson, lessonData,
                pause, stop);
        // While a lesson trains, the five method pickers and the step count say nothing (the lesson fixes
        // them): they give their row to the board, which at 1280x720 needs every line.
        List<javafx.scene.Node> comparisonOnly = new ArrayList<>(methodPickers);
        comparisonOnly.addAll(List.of(stepsLabel, steps));
        for (javafx.scene.Node n : comparisonOnly) {
            n.visibleProperty().bind(lessonTraining.not());
            n.managedProperty().bind(n.visibleProperty());
        }

        message.setId("compare-message");
        message.getStyleClass().add("problem-text");
        message.setWrapText(true);
        message.managedProperty().bind(message.textProperty().isNotEmpty());

        exportStatus.setId("compare-export-status");
        exportStatus.getStyleClass().add("export-status");
        exportStatus.setMaxWidth(320);
        export = new ExportButton("Export PNG", grid::picture, this::suggestedFileName, exportStatus::setText);
        export.setId("export-compare");
        export.setTooltip(new Tooltip("Write the comparison as a PNG figure"));
        export.setDisable(true);
        FlowPane displayBar = new FlowPane(12, 6, controls.cutGroup(), controls.sharedScale(), controls.lookGroup(),
                export, exportStatus);
        displayBar.setAlignment(Pos.CENTER_LEFT);
        controls.drive(grid);
        grid.setId("compare-grid");

        progressLine.setId("compare-progress");
        progressLine.managedProperty().bind(progressLine.textProperty().isNotEmpty());
        openFolder.setId("compare-open-analyses");
        openFolder.managedProperty().bind(openFolder.visibleProperty());
        openFolder.setVisible(false);
        VBox top = new VBox(6, runBar, message, progressLine, openFolder, displayBar);
        top.setPadding(new Insets(8, 8, 4, 8));
        setTop(top);

        placeholder.setId("compare-placeholder");
        placeholder.getStyleClass().add("placeholder");
        placeholder.setWrapText(true);
        grid.setVisible(false);
        board.setVisible(false);
        board.setMapsPicture(() -> grid.isVisible() ? grid.picture() : null);
        maps = new StackPane(grid, placeholder);
        setCenter(maps);

        start.setOnAction(e -> start());
        lesson.setOnAction(e -> startLesson(1));
        pause.setOnAction(e -> togglePause());
        stop.setOnAction(e -> stop());
        controls.cutPicker().valueProperty().addListener((obs, old, now) -> redrawMaps());
        // The cut can be chosen before the start: the units follow from the config's plan.
        Runnable offerCuts = () -> {
            if (session == null) {
                controls.cutPicker().update(CutChoices.tappedUnits(vm.plan()), vm.localPlan());
            }
        };
        vm.localPlanProperty().addListener((obs, old, now) -> offerCuts.run());
        offerCuts.run();
        active.addListener((obs, old, on) -> updateButtons());
        updateButtons();
        vm.presentationProperty().addListener((obs, old, on) -> applyPresentation(on));
        applyPresentation(vm.presentationProperty().get());
    }

    /**
     * Tells the pane whether another run (the Train tab's) is training, so that the comparison
     * never trains at the same time: DJL allows one gradient collector per JVM.
     */
    public void setOtherRunActive(BooleanSupplier isActive) {
        this.otherRunActive = Objects.requireNonNull(isActive);
    }

    /** As {@link #setOtherRunActive(BooleanSupplier)}, from an observable flag (a run's state, say). */
    public void setOtherRunActive(ObservableValue<Boolean> isActive) {
        Objects.requireNonNull(isActive);
        this.otherRunActive = () -> Boolean.TRUE.equals(isActive.getValue());
    }

    /** True while a comparison trains (or is being set up); the Train tab should not start a run meanwhile. */
    public ReadOnlyBooleanProperty activeProperty() {
        return active.getReadOnlyProperty();
    }

    /** Sets the methods of the columns; fewer than four leave the rest empty. */
    public void setMethods(List<String> methods) {
        if (methods.size() > MAX_RUNS) {
            throw new IllegalArgumentException("at most " + MAX_RUNS + " methods, got " + methods);
        }
        for (int i = 0; i < MAX_RUNS; i++) {
            methodPickers.get(i).setValue(i < methods.size() ? Method.parse(methods.get(i)).label() : NONE);
        }
    }

    /** The methods chosen, in column order. */
    public List<String> methods() {
        List<String> out = new ArrayList<>();
        for (ComboBox<String> p : methodPickers) {
            if (p.getValue() != null && !NONE.equals(p.getValue())) {
                out.add(p.getValue());
            }
        }
        return out;
    }

    public void setSteps(int n) {
        steps.getValueFactory().setValue(n);
    }

    public void setMapsEvery(int n) {
        every.getValueFactory().setValue(n);
    }

    /** The comparison running or last run, or null. */
    public ComparisonSession session() {
        return session;
    }

    public ExportButton exportButton() {
        return export;
    }

    public FeatureGrid grid() {
        return grid;
    }

    /** Starts the comparison, or says in the message line why it cannot. FX thread. */
    public void start() {
        if (!mayStart()) {
            return;
        }
        List<String> chosen = methods();
        if (chosen.isEmpty()) {
            message.setText("Pick at least one method.");
            return;
        }
        ExperimentConfig base = vm.config();
        List<ComparisonRun> runs = new ArrayList<>();
        long target = steps.getValue();
        for (String m : chosen) {
            // BP trains the whole network end to end: the split is the local methods' alone.
            ExperimentConfig c = base.withMethod(m).withLocal(null);
            if (Method.BP.label().equals(m)) {
                c = c.withSplit(null);
            }
            // Each run its own folder name, so the five of one second do not take each other's.
            runs.add(new ComparisonRun(m, c.withName(c.nameOrDefault() + "-"
                    + m.toLowerCase(Locale.ROOT).replace('+', '-')), target));
        }
        if (startRuns(runs, "compare-" + base.nameOrDefault())) {
            lessonOnScreen = false;
            board.setVisible(false);
            setCenter(maps);
        }
    }

    /**
     * Starts the lesson (issue 14) with {@code seed}: the five runs of {@link Lesson} on the lesson
     * config, each to the end of its epochs, with the lesson board above the maps. FX thread.
     */
    public void startLesson(long seed) {
        if (!mayStart()) {
            return;
        }
        ExperimentConfig base = lessonConfig.get();
        List<ComparisonRun> runs = new ArrayList<>();
        for (ExperimentConfig c : Lesson.runs(base, seed)) {
            runs.add(new ComparisonRun(Lesson.label(c.methodOrDefault()), c, Long.MAX_VALUE));
        }
        List<String> labels = Lesson.METHODS.stream().map(Method::label).toList();
        for (int i = 0; i < MAX_RUNS; i++) {
            methodPickers.get(i).setValue(i < labels.size() ? labels.get(i) : NONE);
        }
        if (startRuns(runs, base.nameOrDefault())) {
            lessonOnScreen = true;
            lessonTraining.set(active.get());
            board.follow(runs);
            board.setVisible(true);
            // The class watches the curves and the matrix; the maps of the five runs sit to their right.
            // At 1280x720 the board is taller than its room: it scrolls rather than draw over the bars above.
            ScrollPane boardView = new ScrollPane(board);
            boardView.setFitToWidth(true);
            // The curves shrink to their minimum before the board scrolls: at 1280x720 the matrix stays in view.
            boardView.setFitToHeight(true);
            SplitPane lessonView = new SplitPane(boardView, maps);
            lessonView.setDividerPositions(0.54);
            setCenter(lessonView);
        }
    }

    private boolean mayStart() {
        if (active.get()) {
            return false;
        }
        if (otherRunActive.getAsBoolean()) {
            message.setText("A run is training in the Train tab or the Analyses tab: stop it first. Only one run can"
                    + " train at a time in the lab (DJL allows one gradient collector per process).");
            return false;
        }
        return true;
    }

    /** Checks every run's config, then trains them side by side; false (with the message line) when one is wrong. */
    private boolean startRuns(List<ComparisonRun> runs, String name) {
        List<String> problems = new ArrayList<>();
        LocalPlan plan = null;
        for (ComparisonRun r : runs) {
            Experiment.Check check = Experiment.check(r.config());
            if (!check.ok()) {
                problems.add(r.method() + ": " + check.problems().get(0));
                continue;
            }
            LocalPlan lp = check.experiment().plan();
            if (plan == null || plan.k() < lp.k()) {
                plan = lp;
            }
        }
        if (!problems.isEmpty()) {
            message.setText("Cannot compare: " + String.join("; ", problems));
            return false;
        }
        message.setText("");
        comparedPlan = plan;
        Path parent = runsFolder.get();
        Path folder = parent == null ? null : parent.resolve(name.replaceAll("[^A-Za-z0-9._-]", "_") + "-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT)));
        openFolder.setVisible(false);
        session = new ComparisonSession(runs, every.getValue(), IMAGES, folder);
        buildColumns(runs);
        for (ComparisonRun r : runs) {
            r.live().featureMapsProperty().addListener((obs, old, now) -> redrawMaps());
            r.live().lastStepProperty().addListener((obs, old, now) -> updateHeaders());
            r.live().stateProperty().addListener((obs, old, now) -> updateHeaders());
        }
        session.activeProperty().addListener((obs, old, on) -> {
            active.set(on);
            lessonTraining.set(on && lessonOnScreen);
            updateHeaders();
            if (!on && folder != null && Files.isDirectory(folder)) {
                // Issue 14: the runs' folders read as one ablation there (the MLM x LAM matrix, Figure 5).
                openFolder.setText("Open these runs in the Analyses tab (" + DisplayPaths.of(folder) + ")");
                openFolder.setOnAction(e -> openInAnalyses.accept(folder));
                openFolder.setVisible(true);
                if (lessonOnScreen) {
                    board.measureSeparability(lessonAnalyses.get());
                }
            }
        });
        active.set(true);
        session.start();
        updateHeaders();
        redrawMaps();
        return true;
    }

    /** The config the lesson's runs share; the built-in lesson by default. */
    public ObjectProperty<ExperimentConfig> lessonConfigProperty() {
        return lessonConfig;
    }

    /** The lesson's data choice: "built-in lesson", and "Fashion-MNIST" where its files are. */
    public ComboBox<String> lessonDataPicker() {
        return lessonData;
    }

    /** The lesson's curves, matrix and cards (shown while a lesson is on screen). */
    public LessonBoard lessonBoard() {
        return board;
    }

    /** Where each comparison writes its runs' folders; null (the default) writes none. */
    public ObjectProperty<Path> runsFolderProperty() {
        return runsFolder;
    }

    /** What "Open these runs in the Analyses tab" does with the comparison's folder (the window's). */
    public void setOnOpenInAnalyses(Consumer<Path> action) {
        openInAnalyses = action;
    }

    /** What measures the lesson's linear separability when its runs end (issue 14, item 3); null for none. */
    public void setLessonAnalyses(Supplier<RunAnalyses> analyses) {
        lessonAnalyses = analyses == null ? () -> null : analyses;
    }

    /** Pauses or resumes every run. */
    public void togglePause() {
        if (session == null || !active.get()) {
            return;
        }
        if (session.isPaused()) {
            session.resume();
        } else {
            session.pause();
        }
        updateButtons();
    }

    /** Pauses every run (a screenshot of one step, say); nothing when none trains or all are paused. */
    public void pause() {
        if (session != null && active.get() && !session.isPaused()) {
            session.pause();
            updateButtons();
        }
    }

    /** Stops every run after its step in progress. */
    public void stop() {
        if (session != null) {
            session.stop();
        }
    }

    /** Stops the comparison and waits until its runs have ended (window closing, tests). */
    public boolean stopAndWait(Duration timeout) throws InterruptedException {
        if (session == null) {
            return true;
        }
        session.stop();
        return session.awaitEnd(timeout);
    }

    private void updateButtons() {
        boolean on = active.get();
        start.setDisable(on);
        lesson.setDisable(on);
        lessonData.setDisable(on);
        stop.setDisable(!on);
        pause.setDisable(!on);
        pause.setText(on && session != null && session.isPaused() ? "Resume" : "Pause");
        for (ComboBox<String> p : methodPickers) {
            p.setDisable(on);
        }
        steps.setDisable(on);
        every.setDisable(on);
    }

    private void buildColumns(List<ComparisonRun> runs) {
        List<ColumnHeader> built = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            // A narrow column breaks "DGL+MLAAN" after the '+' (a zero-width space), never inside a word.
            Label method = new Label(runs.get(i).method().replace("+", "+\u200B"));
            method.setId("compare-method-label-" + i);
            method.getStyleClass().add("compare-method");
            Label step = new Label();
            step.setId("compare-step-" + i);
            step.getStyleClass().add("compare-detail");
            Label status = new Label();
            status.setId("compare-status-" + i);
            status.getStyleClass().add("compare-detail");
            Label mapsStep = new Label();
            mapsStep.setId("compare-maps-step-" + i);
            mapsStep.getStyleClass().add("compare-detail");
            for (Label l : List.of(method, step, status, mapsStep)) {
                // Only the method's name wraps: the details keep one line each (the full text in their
                // tooltips), so that in narrow columns (five at 1280x720) the maps keep their height.
                l.setWrapText(l == method);
                l.setMaxWidth(Double.MAX_VALUE);
                l.setAlignment(Pos.CENTER);
                l.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
            }
            VBox box = new VBox(0, method, step, status, mapsStep);
            box.setId("compare-column-" + i);
            box.getStyleClass().add("compare-column");
            box.setAlignment(Pos.BOTTOM_CENTER);
            built.add(new ColumnHeader(box, method, step, status, mapsStep));
            keys.add(Integer.toString(i));
        }
        columns = built;
        grid.setColumns(keys, FeatureMapsPane.header("input"), built.stream().map(ColumnHeader::box).toList());
        grid.setRowCount(0);
    }

    private void updateHeaders() {
        if (session == null) {
            return;
        }
        List<ComparisonRun> runs = session.runs();
        for (int i = 0; i < runs.size() && i < columns.size(); i++) {
            ComparisonRun r = runs.get(i);
            StepMetrics last = r.live().lastStepProperty().get();
            long total = totalSteps(r);
            String of = total > 0 ? "/" + total : "";
            String progress = last == null ? "step 0" + of : String.format(Locale.ROOT, "step %d%s · loss %.3f",
                    r.live().stepsDone(), of, last.loss());
            columns.get(i).step().setText(progress);
            columns.get(i).step().setTooltip(new Tooltip(progress));
            columns.get(i).status().setText(r.statusText());
            columns.get(i).status().setTooltip(new Tooltip(r.statusText()));
        }
        progressLine.setText(progressText(runs));
        updateButtons();
    }

    private static long totalSteps(ComparisonRun r) {
        RunStarted started = r.live().startedProperty().get();
        return started == null ? 0 : (long) (started.epochs() - started.startEpoch()) * started.stepsPerEpoch();
    }

    /**
     * "412 of 1,600 steps (26%) · about 3 min left in all": the runs take turns, so what is left is
     * the sum of each active run's own ETA; empty once none is active.
     */
    static String progressText(List<ComparisonRun> runs) {
        long done = 0;
        long total = 0;
        double left = 0;
        boolean anyActive = false;
        boolean etaKnown = true;
        for (ComparisonRun r : runs) {
            done += r.live().stepsDone();
            total += totalSteps(r);
            if (r.live().state().isActive()) {
                anyActive = true;
                StepMetrics last = r.live().lastStepProperty().get();
                if (last == null) {
                    etaKnown = false;
                } else {
                    left += last.etaSeconds();
                }
            }
        }
        if (!anyActive || total <= 0) {
            return "";
        }
        String eta = etaKnown ? " \u00b7 about " + org.mlaan.lab.core.io.Durations.rough(left) + " left in all"
                : " \u00b7 time left: after every run's first step";
        return String.format(Locale.ROOT, "%,d of %,d steps (%.0f%%)%s", done, total, 100.0 * done / total, eta);
    }

    /** The step every column shows: the newest step all running runs have sent maps of. */
    long commonStep() {
        long common = Long.MAX_VALUE;
        for (ComparisonRun r : session.runs()) {
            FeatureMaps latest = r.latestMaps();
            if (latest != null && r.live().state() != LiveRun.State.FAILED) {
                common = Math.min(common, latest.globalStep());
            }
        }
        return common;
    }

    private void redrawMaps() {
        if (session == null) {
            return;
        }
        List<ComparisonRun> runs = session.runs();
        long common = commonStep();
        FeatureMaps any = null;
        List<FeatureMaps> shown = new ArrayList<>();
        for (ComparisonRun r : runs) {
            FeatureMaps m = common == Long.MAX_VALUE ? null : r.mapsAt(common);
            shown.add(m);
            if (any == null && m != null) {
                any = m;
            }
        }
        boolean has = any != null;
        placeholder.setVisible(!has);
        grid.setVisible(has);
        export.setDisable(!has);
        if (!has) {
            return;
        }
        controls.cutPicker().update(any.units(), comparedPlan);
        String unit = controls.cutPicker().selectedUnit();
        grid.setRowCount(any.images().size());
        for (int row = 0; row < any.images().size(); row++) {
            List<FeatureGrid.MapCell> cells = new ArrayList<>();
            for (FeatureMaps m : shown) {
                int u = m == null ? -1 : m.unitIndex(unit);
                if (u < 0 || row >= m.images().size()) {
                    cells.add(null);
                } else {
                    FeatureMaps.UnitMap um = m.images().get(row).maps().get(u);
                    cells.add(new FeatureGrid.MapCell(um.channelMean(), um.height(), um.width(), ""));
                }
            }
            FeatureMaps.Image image = any.images().get(row);
            grid.showRow(row, image, image.className(), cells);
        }
        for (int i = 0; i < shown.size() && i < columns.size(); i++) {
            FeatureMaps m = shown.get(i);
            columns.get(i).mapsStep().setText(m == null ? "no maps yet" : "maps at step " + m.globalStep());
        }
        stepLabel.setText("step " + common);
        ExperimentConfig c = runs.get(0).config();
        figureTitle.setText("Channel mean at " + controls.cutPicker().getValue().label() + " · "
                + c.network().archOrDefault().id() + " · " + c.dataset().kindOrDefault().name().toLowerCase(Locale.ROOT)
                + " data");
    }

    private String suggestedFileName() {
        String unit = controls.cutPicker().selectedUnit();
        return "compare-" + (unit == null ? "" : unit) + "-" + stepLabel.getText().replace(' ', '-') + ".png";
    }

    private void applyPresentation(boolean on) {
        StyleClasses.set(this, "presentation", on);
    }

    /** The column headers, for tests: one per run. */
    List<Node> columnHeaders() {
        return columns.stream().map(c -> (Node) c.box()).toList();
    }
}
