package org.mlaan.lab.ui.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.stage.FileChooser;
import org.mlaan.lab.core.config.ExperimentConfig;
import org.mlaan.lab.core.experiment.Experiment;
import org.mlaan.lab.core.local.ActivationEstimate;
import org.mlaan.lab.core.local.LocalPlan;
import org.mlaan.lab.core.run.EpochMetrics;
import org.mlaan.lab.core.run.RunRecord;
import org.mlaan.lab.core.run.StepMetrics;
import org.mlaan.lab.report.VectorCharts;
import org.mlaan.lab.ui.common.PngExport;
import org.mlaan.lab.ui.model.LabViewModel;
import org.mlaan.lab.ui.model.LiveRun;
import org.slf4j.LoggerFactory;

/**
 * The four charts of the Train tab in a 2x2 grid: loss per module, error, throughput, memory. They
 * show the window's live run, appending what each hand-over of the {@link LiveRun} adds (with a
 * resumed run's earlier curves in front), or a run folder read back from disk; another run folder
 * can be overlaid, faded, behind either (issue 15, item 8), and the horizontal axis counts steps
 * or wall time. Drawing goes through a {@link RedrawThrottle}; a change of smoothing, axis, source
 * or overlay replays the data once.
 */
final class TrainingCharts extends GridPane {
    private final LabViewModel vm;
    private final LiveRun run;
    private final LossChart loss = new LossChart();
    private final ErrorChart error = new ErrorChart();
    private final ThroughputChart speed = new ThroughputChart();
    private final MemoryChart memory = new MemoryChart();
    private final List<MetricChart> charts = List.of(loss, error, speed, memory);
    private final ObjectProperty<SeriesSmoothing> smoothing = new SimpleObjectProperty<>(this, "smoothing",
            SeriesSmoothing.OFF);
    private final ObjectProperty<ChartXAxis> xAxis = new SimpleObjectProperty<>(this, "xAxis", ChartXAxis.STEP);
    private final ReadOnlyObjectWrapper<RunRecord> shownRecord = new ReadOnlyObjectWrapper<>(this, "shownRecord");
    private final ObjectProperty<RunRecord> overlay = new SimpleObjectProperty<>(this, "overlay");
    private final RedrawThrottle throttle = new RedrawThrottle(() -> charts.forEach(MetricChart::draw));
    private RunRecord liveHistory;
    private ErrorReporter errors = (title, message) -> LoggerFactory.getLogger(TrainingCharts.class)
            .warn("{}: {}", title, message);

    TrainingCharts(LabViewModel vm, LiveRun run) {
        this.vm = vm;
        this.run = run;
        getStyleClass().add("training-charts");
        setHgap(6);
        setVgap(6);
        for (int i = 0; i < 2; i++) {
            ColumnConstraints col = new ColumnConstraints();
            col.setPercentWidth(50);
            col.setHgrow(Priority.ALWAYS);
            getColumnConstraints().add(col);
            RowConstraints row = new RowConstraints();
            row.setPercentHeight(50);
            row.setVgrow(Priority.ALWAYS);
            getRowConstraints().add(row);
        }
        for (int i = 0; i < charts.size(); i++) {
            MetricChart c = charts.get(i);
            add(c.viewer(), i % 2, i / 2);
            addExportItem(c, fileNames().get(i));
            addDataItems(c, fileNames().get(i));
        }

        run.steps().addListener((ListChangeListener<StepMetrics>) this::stepsChanged);
        run.epochs().addListener((ListChangeListener<EpochMetrics>) this::epochsChanged);
        // A run that stops stepping shows its last steps at once, not at the next throttle tick.
        run.stateProperty().addListener((obs, old, now) -> {
            if (now != LiveRun.State.RUNNING) {
                throttle.flush();
            }
        });
        vm.estimateProperty().addListener((obs, old, now) -> {
            if (isLive()) {
                feed(() -> memory.setEstimate(now));
            }
        });
        smoothing.addListener((obs, old, now) -> replay());
        xAxis.addListener((obs, old, now) -> replay());
        overlay.addListener((obs, old, now) -> replay());
        loss.setOnViewChange(this::replay);
        vm.presentationProperty().addListener((obs, old, on) -> setPresentation(on));
        setPresentation(vm.presentationProperty().get());
        replay();
    }

    /** Smoothing of the per-step curves (off by default: the charts show what was measured). */
    ObjectProperty<SeriesSmoothing> smoothingProperty() {
        return smoothing;
    }

    /** Steps or wall time along the charts. */
    ObjectProperty<ChartXAxis> xAxisProperty() {
        return xAxis;
    }

    /** A run folder drawn faded behind what the charts show, or null. */
    ObjectProperty<RunRecord> overlayProperty() {
        return overlay;
    }

    /** The run folder shown instead of the live run, or null while the live run is shown. */
    ReadOnlyObjectProperty<RunRecord> shownRecordProperty() {
        return shownRecord.getReadOnlyProperty();
    }

    boolean isLive() {
        return shownRecord.get() == null;
    }

    void setErrorReporter(ErrorReporter reporter) {
        this.errors = reporter;
    }

    /** Shows a run read back from its folder, until {@link #showLive()}. */
    void showRecord(RunRecord record) {
        shownRecord.set(record);
        replay();
        throttle.flush();
    }

    /** Shows the window's live run again. */
    void showLive() {
        if (!isLive()) {
            shownRecord.set(null);
            replay();
            throttle.flush();
        }
    }

    /** Curves of a resumed run's earlier steps, drawn before the live ones (null: none). */
    void setLiveHistory(RunRecord history) {
        liveHistory = history;
        if (isLive()) {
            replay();
        }
    }

    /** Draws whatever is waiting for the throttle now. */
    void flush() {
        throttle.flush();
    }

    /** Writes every chart as a PNG into {@code dir}, at its size on screen. */
    List<Path> exportPng(Path dir) throws IOException {
        flush();
        List<Path> written = new ArrayList<>();
        for (int i = 0; i < charts.size(); i++) {
            Path file = dir.resolve(fileNames().get(i));
            PngExport.write(charts.get(i).viewer(), file);
            written.add(file);
        }
        return written;
    }

    /** File names of the charts' PNGs, in grid order. */
    static List<String> fileNames() {
        return List.of("loss.png", "error.png", "throughput.png", "memory.png");
    }

    LossChart lossChart() {
        return loss;
    }

    ErrorChart errorChart() {
        return error;
    }

    ThroughputChart throughputChart() {
        return speed;
    }

    MemoryChart memoryChart() {
        return memory;
    }

    private void setPresentation(boolean on) {
        charts.forEach(c -> c.setPresentation(on));
        throttle.flush();
    }

    private void stepsChanged(ListChangeListener.Change<? extends StepMetrics> c) {
        if (!isLive()) {
            return;
        }
        while (c.next()) {
            if (c.wasRemoved() && !c.wasAdded()) {
                replay(); // the run was cleared for a new start
                return;
            }
            if (c.wasAdded()) {
                List<? extends StepMetrics> added = c.getAddedSubList();
                feed(() -> charts.forEach(ch -> ch.addSteps(added)));
            }
        }
    }

    private void epochsChanged(ListChangeListener.Change<? extends EpochMetrics> c) {
        if (!isLive()) {
            return;
        }
        while (c.next()) {
            if (c.wasRemoved() && !c.wasAdded()) {
                replay();
                return;
            }
            if (c.wasAdded()) {
                List<? extends EpochMetrics> added = c.getAddedSubList();
                feed(() -> charts.forEach(ch -> ch.addEpochs(added)));
            }
        }
    }

    /** Forgets what the charts show and feeds them their whole source again, and the overlay behind it. */
    private void replay() {
        RunRecord record = shownRecord.get();
        RunRecord behind = overlay.get();
        feed(() -> {
            for (MetricChart c : charts) {
                c.removeGhosts();
                c.setSmoothing(smoothing.get());
                c.setXAxis(xAxis.get());
                c.reset();
            }
            List<StepMetrics> shownSteps = new ArrayList<>();
            if (record != null) {
                feedRecord(charts, record);
                shownSteps.addAll(record.steps());
            } else {
                memory.setEstimate(vm.estimateProperty().get());
                // The live run's plan as of its start (a replay at start, when its steps were cleared).
                loss.setPlan(vm.localPlan());
                RunRecord history = liveHistory;
                if (history != null) {
                    loss.setPlan(localPlan(history.config()));
                    charts.forEach(c -> c.addSteps(history.steps()));
                    shownSteps.addAll(history.steps());
                }
                charts.forEach(c -> c.addSteps(run.steps()));
                shownSteps.addAll(run.steps());
                if (history != null) {
                    charts.forEach(c -> c.addEpochs(history.epochs()));
                }
                charts.forEach(c -> c.addEpochs(run.epochs()));
            }
            String notice = xAxis.get() == ChartXAxis.WALL_TIME && !shownSteps.isEmpty()
                    && shownSteps.stream().noneMatch(st -> Double.isFinite(st.seconds()))
                    ? "This run folder was written before the lab kept wall time: pick the step axis" : null;
            charts.forEach(c -> c.setNotice(notice));
            if (behind != null) {
                List<MetricChart> past = List.of(lossChartLike(), new ErrorChart(), new ThroughputChart(),
                        new MemoryChart());
                for (MetricChart c : past) {
                    c.setSmoothing(smoothing.get());
                    c.setXAxis(xAxis.get());
                    c.reset();
                }
                feedRecord(past, behind);
                String label = overlayLabel(behind);
                for (int i = 0; i < charts.size(); i++) {
                    charts.get(i).addGhosts(past.get(i), label);
                }
            }
        });
    }

    /** Feeds {@code to} (loss, error, throughput, memory) with a run folder's curves. */
    private static void feedRecord(List<MetricChart> to, RunRecord record) {
        ((LossChart) to.get(0)).setPlan(localPlan(record.config()));
        ((MemoryChart) to.get(3)).setEstimate(estimateOf(record.config()));
        to.forEach(c -> c.addSteps(record.steps()));
        to.forEach(c -> c.addEpochs(record.epochs()));
    }

    /** A loss chart in this one's view, to be fed with the overlaid run. */
    private LossChart lossChartLike() {
        LossChart l = new LossChart();
        l.setView(loss.view());
        return l;
    }

    /** How the overlaid run's curves are named: its method and folder, short. */
    static String overlayLabel(RunRecord r) {
        return r.config().methodOrDefault().label() + " " + r.dir().getFileName();
    }

    /** Feeds the charts with change events held, then asks for one drawing. */
    private void feed(Runnable change) {
        charts.forEach(MetricChart::beginBatch);
        try {
            change.run();
        } finally {
            charts.forEach(MetricChart::endBatch);
        }
        throttle.request();
    }

    /** "Save data as CSV..." and "Copy data": the points a chart draws, for a spreadsheet or a notebook. */
    private void addDataItems(MetricChart chart, String suggested) {
        MenuItem save = saveItem("Save data as CSV...", "Save chart data as CSV",
                new FileChooser.ExtensionFilter("CSV table", "*.csv"), suggested.replaceAll("\\.png$", ".csv"),
                file -> org.mlaan.lab.core.io.AtomicFiles.writeString(file, chart.csv()), "Could not save ");
        MenuItem copy = new MenuItem("Copy data");
        copy.setOnAction(e -> {
            flush();
            javafx.scene.input.ClipboardContent content = new javafx.scene.input.ClipboardContent();
            content.putString(chart.csv());
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
        });
        chart.viewer().getContextMenu().getItems().addAll(0, List.of(save, copy));
    }

    private void addExportItem(MetricChart chart, String suggested) {
        MenuItem export = saveItem("Export PNG...", "Export chart as PNG",
                new FileChooser.ExtensionFilter("PNG image", "*.png"), suggested,
                file -> PngExport.write(chart.viewer(), file), "Could not export ");
        List<MenuItem> items = new ArrayList<>(List.of(export));
        // Vector figures for slides and papers (issue 14, item 4), at the chart's size on screen.
        for (VectorCharts.Kind kind : VectorCharts.Kind.values()) {
            String ext = kind.extension();
            items.add(saveItem("Export " + ext.toUpperCase(java.util.Locale.ROOT) + "...",
                    "Export chart as " + kind.description(), new FileChooser.ExtensionFilter(kind.description(),
                            "*." + ext), suggested.replaceAll("\\.png$", "." + ext),
                    file -> VectorCharts.write(chart.chart(), Math.max(320, (int) chart.viewer().getWidth()),
                            Math.max(200, (int) chart.viewer().getHeight()), kind, file), "Could not export "));
        }
        items.add(new SeparatorMenuItem());
        chart.viewer().getContextMenu().getItems().addAll(0, items);
    }

    /** Something a chart writes to a file the person picks. */
    @FunctionalInterface
    private interface FileWrite {
        void to(java.nio.file.Path file) throws IOException;
    }

    /**
     * A menu item that asks where to save (offering {@code suggested}), brings the chart up to
     * date, and writes; a failure goes to the error reporter, prefixed with {@code failure}.
     */
    private MenuItem saveItem(String text, String title, FileChooser.ExtensionFilter filter, String suggested,
            FileWrite write, String failure) {
        MenuItem item = new MenuItem(text);
        item.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(title);
            chooser.setInitialFileName(suggested);
            chooser.getExtensionFilters().add(filter);
            java.io.File file = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
            if (file == null) {
                return;
            }
            flush();
            try {
                write.to(file.toPath());
            } catch (IOException ex) {
                errors.report(failure + file, ex.getMessage());
            }
        });
        return item;
    }

    /** The activation estimate of a config, or null when it cannot be resolved. */
    static ActivationEstimate estimateOf(ExperimentConfig c) {
        LocalPlan lp = localPlan(c);
        return lp == null ? null : ActivationEstimate.of(lp, c.training().batchSizeOrDefault());
    }

    /** The roles a run folder's config resolves to, or null where it no longer resolves (a folder of an older lab). */
    private static LocalPlan localPlan(ExperimentConfig c) {
        Experiment e = Experiment.check(c).experiment();
        return e == null ? null : e.plan();
    }
}
