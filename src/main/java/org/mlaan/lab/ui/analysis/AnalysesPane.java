package org.mlaan.lab.ui.analysis;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import org.mlaan.lab.analysis.AblationEstimate;
import org.mlaan.lab.analysis.AblationMatrices;
import org.mlaan.lab.analysis.AblationPlan;
import org.mlaan.lab.analysis.ReportAssembler;
import org.mlaan.lab.analysis.RunAnalyses;
import org.mlaan.lab.analysis.result.AnalysisReport;
import org.mlaan.lab.core.config.ExperimentConfig;
import org.mlaan.lab.core.run.RunRecord;
import org.mlaan.lab.engine.RunOptions;
import org.mlaan.lab.report.HtmlReport;
import org.mlaan.lab.report.ReportCsv;
import org.mlaan.lab.report.ReportCharts;
import org.mlaan.lab.ui.model.LabViewModel;
import org.mlaan.lab.ui.common.StyleClasses;

/**
 * The Analyses tab: every analysis of the paper on runs of this window or of the command line.
 * On top, "Open runs…" (a run folder or a folder of them) and the ablation queue of MLAAN Table 4
 * over the current config; on the left the loaded runs and their ablation matrix; on the right the
 * analyses of the loaded runs (test error, separability, CKA, memory, generalisation, feature
 * maps). Training and the checkpoint analyses run on the training thread and never beside another
 * run of the window: {@link #activeProperty()} tells the other tabs, {@link #setOtherRunActive}
 * tells this one.
 */
public final class AnalysesPane extends BorderPane {
    private final LabViewModel vm;
    private final AnalysisContext ctx;
    private final AblationQueue queue;
    private final RunsTable runsTable = new RunsTable();
    private final AblationMatrixView matrix = new AblationMatrixView();
    private final ChartCard testError = new ChartCard("test-error-chart", "Open runs to see their test error by epoch.");
    private final SeparabilitySection separability;
    private final SimilaritySection similarity;
    private final MemorySection memory;
    private final GeneralisationSection generalisation;
    private final FeatureMapSection featureMaps;
    private final Spinner<Integer> seeds = new Spinner<>(1, 100, 2, 1);
    private final Spinner<Integer> epochs = new Spinner<>(1, 10_000, 1, 1);
    private final Button runAblation = new Button("Run ablation");
    /** An ablation estimated to train longer than this is confirmed first (10 minutes). */
    private double confirmAboveSeconds = 600;
    private java.util.function.BiPredicate<String, String> confirm = AnalysesPane::askInDialog;
    private final Button stopAblation = new Button("Stop");
    private final ProgressBar ablationProgress = new ProgressBar(0);
    private final Label ablationText = new Label();
    private final Label message = new Label();
    private final ObjectProperty<Path> runsFolder = new SimpleObjectProperty<>(this, "runsFolder",
            RunOptions.DEFAULT_OUT_DIR);
    private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper(this, "active");
    private final ProgressBar reportProgress = new ProgressBar(0);
    private final Label reportStatus = new Label();
    private Supplier<Path> directoryDialog = this::askForRuns;
    private Function<String, Path> reportDialog = this::askForReportFile;

    /**
     * @param vm the window's experiment (the ablation runs it; memory measures it)
     * @param checkpointAnalyses gives the engine's checkpoint analyses, or null (or a supplier of
     *        null) where the window has none: those analyses then say they are unavailable
     * @param memory measures Table 3, or null where the window cannot (it says so)
     */
    public AnalysesPane(LabViewModel vm, Supplier<RunAnalyses> checkpointAnalyses, MemoryMeasure memory) {
        this.vm = vm;
        this.ctx = new AnalysisContext(vm, checkpointAnalyses, memory);
        this.queue = new AblationQueue(this::addRun);
        this.separability = new SeparabilitySection(ctx);
        this.similarity = new SimilaritySection(ctx);
        this.memory = new MemorySection(ctx);
        this.generalisation = new GeneralisationSection(ctx);
        this.featureMaps = new FeatureMapSection(ctx);
        ctx.setQueueActive(() -> queue.activeProperty().get());
        setId("analyses-pane");
        getStyleClass().add("analyses-pane");
        getStylesheets().add(AnalysesPane.class.getResource("analysis.css").toExternalForm());
        active.bind(Bindings.createBooleanBinding(() -> queue.activeProperty().get()
                || ctx.work.runningProperty().get() > 0, queue.activeProperty(), ctx.work.runningProperty()));

        setTop(topBar());
        SplitPane body = new SplitPane(runsSide(), analysesSide());
        body.setOrientation(Orientation.HORIZONTAL);
        body.setDividerPositions(0.42);
        setCenter(body);

        ctx.runs.addListener((ListChangeListener<RunSummary>) c -> runsChanged());
        runsChanged();
        vm.configProperty().addListener((obs, o, c) -> followConfig(c));
        followConfig(vm.config());
        vm.presentationProperty().addListener((obs, o, on) -> StyleClasses.set(this, "presentation", on));
        StyleClasses.set(this, "presentation", vm.presentationProperty().get());
    }

    private Region topBar() {
        Button open = new Button("Open runs\u2026");
        open.setId("open-runs");
        open.setTooltip(new Tooltip("A run folder, or a folder that holds run folders (an ablation's output, runs/)"));
        open.setOnAction(e -> {
            Path p = directoryDialog.get();
            if (p != null) {
                open(p);
            }
        });
        Button report = new Button("Export report\u2026");
        report.setId("export-report");
        report.setTooltip(new Tooltip("Write an HTML report with its figures and CSV tables for the loaded runs"));
        report.setOnAction(e -> exportReport());

        seeds.setId("ablation-seeds");
        seeds.setEditable(true);
        seeds.setPrefWidth(70);
        seeds.setTooltip(new Tooltip("Seeds per method, from the config's seed up"));
        epochs.setId("ablation-epochs");
        epochs.setEditable(true);
        epochs.setPrefWidth(80);
        epochs.setTooltip(new Tooltip("Epochs of every run (the config's by default)"));
        runAblation.setId("ablation-run");
        runAblation.setTooltip(new Tooltip("BP, DGL, DGL+MLM, DGL+LAM and DGL+MLAAN (or the InfoPro family) on the"
                + " current network, split and data, one after another, seed by seed"));
        runAblation.setOnAction(e -> startAblation());
        stopAblation.setId("ablation-stop");
        stopAblation.setOnAction(e -> queue.stop());
        runAblation.disableProperty().bind(queue.activeProperty());
        stopAblation.disableProperty().bind(queue.activeProperty().not());
        ablationProgress.setId("ablation-progress");
        ablationProgress.setPrefWidth(160);
        ablationProgress.progressProperty().bind(queue.progressProperty());
        ablationText.setId("ablation-text");
        ablationText.textProperty().bind(queue.textProperty());
        queue.failedProperty().addListener((obs, o, bad) -> StyleClasses.set(ablationText, "problem-text", bad));
        Label ablationTitle = new Label("Ablation (Table 4) of the current config:");
        ablationTitle.getStyleClass().add("section-title");

        ablationProgress.visibleProperty().bind(queue.activeProperty().or(queue.textProperty().isNotEmpty()));
        ablationProgress.managedProperty().bind(ablationProgress.visibleProperty());
        reportProgress.setId("report-progress");
        reportProgress.setPrefWidth(100);
        reportProgress.setVisible(false);
        reportProgress.managedProperty().bind(reportProgress.visibleProperty());
        reportStatus.setId("report-status");
        reportStatus.setMaxWidth(420);
        reportStatus.setTextOverrun(javafx.scene.control.OverrunStyle.LEADING_ELLIPSIS);
        FlowPane bars = new FlowPane(8, 6, open, report, reportProgress, reportStatus, new Separator(Orientation.VERTICAL), ablationTitle,
                new Label("Seeds"), seeds, new Label("Epochs"), epochs, runAblation, stopAblation, ablationProgress,
                ablationText);
        bars.setAlignment(Pos.CENTER_LEFT);
        message.setId("analyses-message");
        message.setWrapText(true);
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        message.visibleProperty().bind(message.managedProperty());
        VBox top = new VBox(4, bars, message);
        top.setPadding(new Insets(6, 8, 4, 8));
        return top;
    }

    private Region runsSide() {
        Label title = new Label("Loaded runs (test top-1 error in %)");
        title.getStyleClass().add("section-title");
        runsTable.setItems(ctx.runs);
        runsTable.setPrefHeight(170);
        runsTable.setMinHeight(100);
        VBox box = new VBox(6, title, runsTable, matrix);
        box.setPadding(new Insets(4, 8, 8, 8));
        VBox.setVgrow(matrix, Priority.ALWAYS);
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        return scroll;
    }

    private Region analysesSide() {
        VBox errorBox = new VBox(6, about("Test error (top-1) of the loaded runs, epoch by epoch, from their"
                + " metrics files."), testError);
        errorBox.setPadding(new Insets(8));
        VBox.setVgrow(testError, Priority.ALWAYS);
        TabPane tabs = new TabPane(
                tab("analysis-tab-error", "Test error", errorBox),
                tab("analysis-tab-separability", "Separability", separability),
                tab("analysis-tab-cka", "CKA", similarity),
                tab("analysis-tab-memory", "Memory", memory),
                tab("analysis-tab-generalisation", "Generalisation", generalisation),
                tab("analysis-tab-featuremaps", "Feature maps", featureMaps));
        tabs.setId("analysis-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        return tabs;
    }

    private static Label about(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.getStyleClass().add("section-about");
        return l;
    }

    private static Tab tab(String id, String title, Region content) {
        Tab t = new Tab(title, content);
        t.setId(id);
        return t;
    }

    private void followConfig(ExperimentConfig c) {
        if (c != null && !queue.activeProperty().get()) {
            epochs.getValueFactory().setValue(c.training().epochsOrDefault());
        }
    }

    private void runsChanged() {
        List<RunRecord> records = ctx.records();
        matrix.setMatrix(AblationMatrices.from(records));
        if (records.isEmpty()) {
            testError.clear("Open runs to see their test error by epoch.");
        } else {
            testError.show(ReportCharts.testErrorCurves(records));
        }
    }

    /** Adds a run that has ended (the queue's), replacing an earlier reading of the same folder. */
    private void addRun(RunRecord r) {
        ctx.runs.removeIf(s -> s.run().dir().equals(r.dir()));
        ctx.runs.add(RunSummary.of(r));
    }

    /**
     * Reads the run folders at or under {@code dir} in the background and shows them in place of the
     * loaded ones; the future completes on the FX thread with the number of runs shown (0 when the
     * folder could not be read: the message says why).
     */
    public CompletableFuture<Integer> open(Path dir) {
        message.setText("Reading run folders under " + dir + " \u2026");
        CompletableFuture<Integer> shown = new CompletableFuture<>();
        CompletableFuture.supplyAsync(() -> {
            try {
                return RunFolders.read(dir);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).whenComplete((loaded, failure) -> Platform.runLater(() -> {
            if (failure != null) {
                Throwable t = failure.getCause() == null ? failure : failure.getCause();
                t = t.getCause() == null ? t : t.getCause();
                message.setText("Cannot open runs: " + t.getMessage());
                shown.complete(0);
                return;
            }
            List<RunSummary> rows = new ArrayList<>();
            loaded.runs().forEach(r -> rows.add(RunSummary.of(r)));
            ctx.runs.setAll(rows);
            List<String> said = new ArrayList<>();
            if (!loaded.problems().isEmpty()) {
                said.add("Could not read " + loaded.problems().size() + " folder(s): "
                        + String.join("; ", loaded.problems()));
            }
            if (!loaded.notStarted().isEmpty()) {
                said.add(loaded.notStarted().size() + " run(s) of the job array have not started yet and are not"
                        + " counted: " + String.join(", ", loaded.notStarted().stream()
                                .map(t -> t.name()).toList()));
            }
            message.setText(String.join(" ", said));
            shown.complete(rows.size());
        }));
        return shown;
    }

    private void startAblation() {
        if (!vm.problems().isEmpty()) {
            message.setText("The config has problems, so the ablation cannot run: " + vm.problems().get(0));
            return;
        }
        String busy = ctx.busyReason();
        if (busy == null && ctx.work.runningProperty().get() > 0) {
            busy = "An analysis is running: the ablation waits until it ends.";
        }
        if (busy != null) {
            message.setText(busy.replace("the analyses wait", "the ablation waits"));
            return;
        }
        ExperimentConfig config = vm.config();
        int n = seeds.getValue();
        int e = epochs.getValue();
        // Issue 15 item 5: the time first, from a few measured steps; a long queue is confirmed.
        AblationPlan plan = AblationPlan.of(config, n);
        queue.estimate(config, n, e, est -> {
            String what = String.format(Locale.ROOT, "%d runs, about %s of training on this machine (per step: %s)",
                    plan.runCount(), org.mlaan.lab.core.io.Durations.rough(est.totalSeconds()),
                    est.perStepText(plan.methods()));
            if (est.totalSeconds() > confirmAboveSeconds && !confirm.test("Run the ablation?", what + ". Start it?")) {
                message.setText("Not started: " + what + ".");
                return;
            }
            ctx.runs.clear();
            if (queue.start(config, n, e, runsFolder.get(), est)) {
                message.setText(what + ". The run folders go to " + org.mlaan.lab.ui.common.DisplayPaths.of(queue.folder()));
            }
        }, why -> message.setText("The ablation did not start: its time could not be estimated (" + why + ")."));
    }

    /** Asks before starting an ablation estimated to train longer than {@code seconds} (tests set it). */
    void setConfirmation(double seconds, java.util.function.BiPredicate<String, String> ask) {
        confirmAboveSeconds = seconds;
        confirm = ask;
    }

    /** A yes/no dialog: true when the person chose OK. */
    private static boolean askInDialog(String title, String question) {
        javafx.scene.control.Alert alert = new javafx.scene.control.Alert(
                javafx.scene.control.Alert.AlertType.CONFIRMATION, question);
        alert.setHeaderText(title);
        return alert.showAndWait().filter(b -> b == javafx.scene.control.ButtonType.OK).isPresent();
    }

    /**
     * Writes the report of the loaded runs (the {@code report} command's HTML page and CSV tables):
     * their metrics' tables, the checkpoint analyses when the window has them (against the CKA
     * reference chosen here), the memory rows and the generalisation target of this tab's last
     * measurements.
     */
    private void exportReport() {
        if (ctx.runs.isEmpty()) {
            message.setText("Open runs first: the report is made of the loaded runs.");
            return;
        }
        String busy = ctx.busyReason();
        if (busy != null) {
            message.setText(busy.replace("the analyses wait", "the report waits"));
            return;
        }
        Path file = reportDialog.apply("report.html");
        if (file == null) {
            return;
        }
        RunAnalyses checkpoint = ctx.analyses();
        ReportAssembler.Options options = ReportAssembler.Options.defaults()
                .withCheckpointAnalyses(checkpoint != null)
                .withMemory(List.copyOf(memory.table().getItems()), List.of());
        RunSummary reference = similarity.reference().getValue();
        if (reference != null) {
            options = options.withReference(reference.run().dir());
        }
        if (generalisation.lastTarget() != null) {
            options = options.withGeneraliseTo(generalisation.lastTarget(), generalisation.lastImages());
        }
        ReportAssembler.Options chosen = options;
        List<Path> dirs = ctx.records().stream().map(RunRecord::dir).toList();
        message.setText("");
        ctx.work.start("Report", reportProgress, reportStatus, p -> {
            AnalysisReport report = new ReportAssembler(checkpoint).assemble(dirs, chosen, p);
            Path target = file.toAbsolutePath();
            if (target.getParent() != null) {
                Files.createDirectories(target.getParent());
            }
            HtmlReport.write(report, target);
            ReportCsv.write(report, ReportCsv.folderFor(target));
            return target;
        }, target -> reportStatus.setText("Wrote " + target + " and its tables in "
                + ReportCsv.folderFor(target).getFileName()));
    }

    private Path askForReportFile(String name) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the report of the loaded runs");
        chooser.setInitialFileName(name);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("HTML page", "*.html"));
        File f = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        return f == null ? null : f.toPath();
    }

    private Path askForRuns() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Open a run folder, or a folder of run folders");
        Path base = runsFolder.get();
        if (base != null && base.toFile().isDirectory()) {
            chooser.setInitialDirectory(base.toFile());
        }
        File f = chooser.showDialog(getScene() == null ? null : getScene().getWindow());
        return f == null ? null : f.toPath();
    }

    /** True while the ablation trains or an analysis runs: no other run of the window may train meanwhile. */
    public ReadOnlyBooleanProperty activeProperty() {
        return active.getReadOnlyProperty();
    }

    /** Tells the tab whether another run (the Train tab's, the comparison's) trains; nothing here starts meanwhile. */
    public void setOtherRunActive(ObservableValue<Boolean> otherActive) {
        ctx.setOtherRunActive(Objects.requireNonNull(otherActive));
    }

    /** Replaces the memory measure (Table 3); null: the tab says it is unavailable. */
    public void setMemoryMeasure(MemoryMeasure m) {
        ctx.setMemory(m);
    }

    /** The folder ablation queues write into (the Train tab's runs folder). */
    public ObjectProperty<Path> runsFolderProperty() {
        return runsFolder;
    }

    /** Stops the ablation queue after the step under way (the window is closing). */
    public void stop() {
        queue.stop();
    }

    // ---- for tests in this package ----

    void setDirectoryDialog(Supplier<Path> dialog) {
        directoryDialog = Objects.requireNonNull(dialog);
    }

    void setReportDialog(Function<String, Path> dialog) {
        reportDialog = Objects.requireNonNull(dialog);
    }

    AblationMatrixView matrix() {
        return matrix;
    }

    AnalysisContext context() {
        return ctx;
    }

    AblationQueue queue() {
        return queue;
    }

    ChartCard testErrorCard() {
        return testError;
    }

    SeparabilitySection separability() {
        return separability;
    }

    SimilaritySection similarity() {
        return similarity;
    }

    MemorySection memory() {
        return memory;
    }

    GeneralisationSection generalisation() {
        return generalisation;
    }

    FeatureMapSection featureMaps() {
        return featureMaps;
    }

    Spinner<Integer> seedsSpinner() {
        return seeds;
    }

    Spinner<Integer> epochsSpinner() {
        return epochs;
    }
}
