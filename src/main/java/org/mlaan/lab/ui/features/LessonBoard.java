package org.mlaan.lab.ui.features;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import javafx.stage.FileChooser;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.mlaan.lab.analysis.AblationMatrices;
import org.mlaan.lab.analysis.AnalysisProgress;
import org.mlaan.lab.analysis.RunAnalyses;
import org.mlaan.lab.analysis.result.SeparabilityCurve;
import org.mlaan.lab.core.config.DatasetKind;
import org.mlaan.lab.core.config.Method;
import org.mlaan.lab.core.experiment.Lesson;
import org.mlaan.lab.core.run.EpochMetrics;
import org.mlaan.lab.core.run.RunFolderReader;
import org.mlaan.lab.core.run.RunRecord;
import org.mlaan.lab.core.run.RunStarted;
import org.mlaan.lab.report.LessonFigure;
import org.mlaan.lab.report.MethodColors;
import org.mlaan.lab.report.ReportCharts;
import org.mlaan.lab.report.VectorCharts;
import org.mlaan.lab.ui.common.BackgroundWork;
import org.mlaan.lab.ui.common.PngExport;
import org.mlaan.lab.ui.model.LiveRun;

/**
 * What the class looks at during a lesson (issue 14): the five test-error curves in one chart, the
 * MLM x LAM matrix with BP beside it filling in as the runs learn ({@link LessonMatrix}), one card
 * per run saying what its modules learn from and its test error on the arrangement and the texture
 * classes apart (early modules trained greedily lose the first and keep the second), and the
 * lesson as one figure for slides; when the runs end, the linear separability of every module's
 * output for the five runs in one chart (item 3, MLAAN Figure 5). Ids: {@code lesson-board},
 * {@code lesson-curves}, {@code lesson-matrix}, {@code lesson-caption}, {@code lesson-card-I},
 * {@code lesson-export-png/svg/pdf}, {@code lesson-separability}, {@code lesson-separability-status}.
 */
public final class LessonBoard extends VBox {
    private static final double BAR_WIDTH = 60;
    private static final String ARRANGEMENT = "arrangement";
    private static final String TEXTURE = "texture";
    /** Images the end-of-lesson separability classifiers are fitted on and scored on: seconds per run on 2 cores. */
    static final int SEPARABILITY_TRAIN = 1000;
    static final int SEPARABILITY_TEST = 500;

    private final ChartViewer curves = new ChartViewer(null);
    private final LessonMatrix matrix = new LessonMatrix();
    private final Label caption = new Label();
    private final HBox cards = new HBox(8);
    private final HBox barLegend;
    private final Label exportStatus = new Label();
    private final ExportButton exportPng;
    private final ExportButton exportSvg;
    private final ExportButton exportPdf;
    private Supplier<WritableImage> mapsPicture = () -> null;
    private List<ComparisonRun> runs = List.of();
    private List<Card> shownCards = List.of();
    private JFreeChart curvesChart;
    private final ChartViewer separability = new ChartViewer(null);
    private final ProgressBar separabilityBar = new ProgressBar(0);
    private final Label separabilityStatus = new Label();
    private final VBox separabilityBox;
    private final BackgroundWork work = new BackgroundWork();
    private List<SeparabilityCurve> separabilityCurves = List.of();
    /** Counts lessons followed, so that a measurement of an earlier lesson never lands on a later one. */
    private int lessonNumber;

    /** One run's card: method, what it learns from, test error, the two class groups as bars. */
    private record Card(VBox box, Label error, Label arrangement, Rectangle arrangementBar, Label texture,
            Rectangle textureBar) {}

    public LessonBoard() {
        setId("lesson-board");
        getStyleClass().add("lesson-board");
        setSpacing(6);
        setPadding(new Insets(4, 8, 4, 8));
        curves.setId("lesson-curves");
        curves.setPrefSize(620, 260);
        curves.setMinSize(300, 160);
        caption.setId("lesson-caption");
        caption.getStyleClass().add("lesson-caption");
        caption.setWrapText(true);
        caption.setMinHeight(Region.USE_PREF_SIZE);
        HBox matrixRow = new HBox(10, matrix, caption);
        matrixRow.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(caption, Priority.ALWAYS);
        cards.setId("lesson-cards");
        // The bars' two groups named once above the cards, so each card row needs only its number.
        barLegend = new HBox(6, new Label("Bars, test error on:"), swatch(ARRANGEMENT),
                new Label("arrangement classes (the whole picture)"), swatch(TEXTURE),
                new Label("texture classes (a local cue)"));
        barLegend.setId("lesson-bar-legend");
        barLegend.getStyleClass().add("lesson-bar-legend");
        barLegend.setAlignment(Pos.CENTER_LEFT);
        barLegend.managedProperty().bind(barLegend.visibleProperty());
        exportPng = new ExportButton("PNG", file -> PngExport.write(SwingFXUtils.toFXImage(figure().picture(1), null),
                file), () -> "lesson.png", exportStatus::setText, new FileChooser.ExtensionFilter("PNG image", "*.png"));
        exportSvg = vector(VectorCharts.Kind.SVG);
        exportPdf = vector(VectorCharts.Kind.PDF);
        exportPng.setId("lesson-export-png");
        exportStatus.getStyleClass().add("export-status");
        HBox exportBar = new HBox(6, new Label("Lesson figure (curves, matrix, maps):"), exportPng, exportSvg, exportPdf,
                exportStatus);
        exportBar.setAlignment(Pos.CENTER_LEFT);
        separability.setId("lesson-separability");
        separability.setPrefSize(620, 240);
        separability.setMinSize(300, 160);
        separabilityStatus.setId("lesson-separability-status");
        separabilityStatus.setWrapText(true);
        separabilityStatus.setMinHeight(Region.USE_PREF_SIZE);
        separabilityBar.setMaxWidth(Double.MAX_VALUE);
        separabilityBar.setVisible(false);
        separabilityBar.managedProperty().bind(separabilityBar.visibleProperty());
        separabilityBox = new VBox(4, separabilityBar, separabilityStatus, separability);
        separabilityBox.setVisible(false);
        separabilityBox.managedProperty().bind(separabilityBox.visibleProperty());
        getChildren().addAll(curves, barLegend, cards, matrixRow, exportBar, separabilityBox);
        VBox.setVgrow(curves, Priority.ALWAYS);
    }

    private ExportButton vector(VectorCharts.Kind kind) {
        String ext = kind.extension();
        ExportButton b = new ExportButton(ext.toUpperCase(Locale.ROOT), file -> VectorCharts.write(figure(), kind, file),
                () -> "lesson." + ext, exportStatus::setText,
                new FileChooser.ExtensionFilter(kind.description(), "*." + ext));
        b.setId("lesson-export-" + ext);
        return b;
    }

    /** Where the figure's feature maps come from: the comparison's grid as shown. */
    void setMapsPicture(Supplier<WritableImage> picture) {
        this.mapsPicture = picture;
    }

    /** The lesson as one figure: curves, matrix, the maps as shown and the caption (issue 14, item 4). */
    public VectorCharts.Figure figure() {
        List<ReportCharts.LessonCurve> lines = lessonCurves();
        List<RunRecord> records = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            records.add(new RunRecord(null, runs.get(i).config(), null, List.of(), lines.get(i).epochs()));
        }
        WritableImage maps = mapsPicture.get();
        return LessonFigure.of(lines, imagesPerEpoch(), AblationMatrices.from(records),
                maps == null ? null : SwingFXUtils.fromFXImage(maps, null), caption.getText());
    }

    /** The export buttons: PNG, SVG, PDF. */
    public List<ExportButton> exportButtons() {
        return List.of(exportPng, exportSvg, exportPdf);
    }

    /** Follows these runs (the lesson's five, in column order); FX thread. */
    public void follow(List<ComparisonRun> lessonRuns) {
        this.runs = List.copyOf(lessonRuns);
        lessonNumber++;
        separabilityCurves = List.of();
        // (An earlier lesson's chart stays in the hidden viewer until this one's replaces it.)
        separabilityBox.setVisible(false);
        // Only the built-in scenes have arrangement and texture classes (Fashion-MNIST has neither).
        barLegend.setVisible(runs.stream().anyMatch(r -> r.config().dataset() == null
                || r.config().dataset().kindOrDefault() == DatasetKind.BUILTIN));
        List<Card> built = new ArrayList<>();
        cards.getChildren().clear();
        for (int i = 0; i < runs.size(); i++) {
            Card c = card(i, runs.get(i));
            built.add(c);
            cards.getChildren().add(c.box());
            HBox.setHgrow(c.box(), Priority.ALWAYS);
            runs.get(i).live().epochs().addListener((javafx.collections.ListChangeListener<EpochMetrics>) ch -> refresh());
            runs.get(i).live().stateProperty().addListener((obs, o, n) -> refresh());
        }
        shownCards = built;
        refresh();
    }

    private static Card card(int i, ComparisonRun run) {
        Method m = run.config().methodOrDefault();
        Label name = new Label(Lesson.label(m));
        name.getStyleClass().add("lesson-card-method");
        name.setWrapText(true);
        name.setMinHeight(Region.USE_PREF_SIZE);
        name.setStyle("-fx-text-fill: " + MethodColors.web(MethodColors.of(m)) + ";");
        Label learns = new Label(Lesson.learnsFrom(m));
        learns.getStyleClass().add("lesson-card-learns");
        learns.setWrapText(true);
        learns.setMinHeight(Region.USE_PREF_SIZE);
        Tooltip.install(name, new Tooltip(Lesson.learnsFrom(m)));
        Label error = new Label("test: after epoch 1");
        error.setId("lesson-card-" + i + "-error");
        error.getStyleClass().add("lesson-card-error");
        Label arrangement = new Label();
        arrangement.setId("lesson-card-" + i + "-arrangement");
        Label texture = new Label();
        texture.setId("lesson-card-" + i + "-texture");
        Rectangle arrangementBar = bar(ARRANGEMENT);
        Rectangle textureBar = bar(TEXTURE);
        VBox box = new VBox(2, name, learns, error, barRow(arrangementBar, arrangement),
                barRow(textureBar, texture));
        box.setId("lesson-card-" + i);
        box.getStyleClass().add("lesson-card");
        box.setPadding(new Insets(4, 6, 4, 6));
        box.setMinWidth(120);
        box.setMaxWidth(Double.MAX_VALUE);
        return new Card(box, error, arrangement, arrangementBar, texture, textureBar);
    }

    private static Rectangle bar(String group) {
        Rectangle r = new Rectangle(0, 8);
        r.getStyleClass().addAll("lesson-bar", "lesson-bar-" + group);
        return r;
    }

    private static Rectangle swatch(String group) {
        Rectangle r = new Rectangle(14, 8);
        r.getStyleClass().addAll("lesson-bar", "lesson-bar-" + group);
        return r;
    }

    private static HBox barRow(Rectangle bar, Label text) {
        Region track = new Region();
        track.getStyleClass().add("lesson-bar-track");
        track.setMinSize(BAR_WIDTH, 8);
        track.setMaxSize(BAR_WIDTH, 8);
        StackPane stack = new StackPane(track, bar);
        stack.setAlignment(Pos.CENTER_LEFT);
        HBox row = new HBox(6, stack, text);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    /** Redraws the curves, the matrix, the cards and the caption from the runs' epochs; FX thread. */
    public void refresh() {
        List<ReportCharts.LessonCurve> lines = lessonCurves();
        Map<Method, Double> best = new EnumMap<>(Method.class);
        for (ReportCharts.LessonCurve line : lines) {
            best.put(line.method(), line.epochs().stream().mapToDouble(EpochMetrics::testTop1Error)
                    .filter(e -> !Double.isNaN(e)).min().orElse(Double.NaN));
        }
        curvesChart = ReportCharts.lessonCurves(lines, imagesPerEpoch());
        curves.setChart(curvesChart);
        matrix.show(best);
        for (int i = 0; i < runs.size() && i < shownCards.size(); i++) {
            showCard(shownCards.get(i), runs.get(i).live());
        }
        caption.setText(captionText());
    }

    /** Each run's evaluated epochs so far, under its label on screen. */
    private List<ReportCharts.LessonCurve> lessonCurves() {
        List<ReportCharts.LessonCurve> lines = new ArrayList<>();
        for (ComparisonRun r : runs) {
            Method m = r.config().methodOrDefault();
            lines.add(new ReportCharts.LessonCurve(Lesson.label(m), m, List.copyOf(r.live().epochs())));
        }
        return lines;
    }

    /** Training images of one epoch: its steps times the batch (every run of a lesson has the same). */
    private int imagesPerEpoch() {
        for (ComparisonRun r : runs) {
            RunStarted started = r.live().startedProperty().get();
            if (started != null) {
                return started.stepsPerEpoch() * r.config().training().batchSizeOrDefault();
            }
        }
        return 0;
    }

    private static void showCard(Card c, LiveRun live) {
        EpochMetrics last = live.epochs().isEmpty() ? null : live.epochs().get(live.epochs().size() - 1);
        if (last == null || Double.isNaN(last.testTop1Error())) {
            return;
        }
        c.error().setText(String.format(Locale.ROOT, "test %.1f%%", 100 * last.testTop1Error()));
        showGroup(c.arrangement(), c.arrangementBar(), ARRANGEMENT, last);
        showGroup(c.texture(), c.textureBar(), TEXTURE, last);
    }

    private static void showGroup(Label text, Rectangle bar, String group, EpochMetrics e) {
        Double err = e.groupErrors().get(group);
        if (err == null || Double.isNaN(err)) {
            text.setText("");
            bar.setWidth(0);
            return;
        }
        text.setText(String.format(Locale.ROOT, "%.0f%%", 100 * err));
        text.setTooltip(new Tooltip(String.format(Locale.ROOT, "test error on the %s classes: %.1f%%", group,
                100 * err)));
        bar.setWidth(BAR_WIDTH * Math.max(0, Math.min(1, err)));
    }

    private String captionText() {
        boolean anyActive = runs.stream().anyMatch(r -> r.live().state().isActive());
        boolean anyEpoch = runs.stream().anyMatch(r -> !r.live().epochs().isEmpty());
        if (!anyEpoch) {
            return "Five runs learn the same images with the same network, taking turns step by step. The matrix"
                    + " fills in after each run's first epoch.";
        }
        if (anyActive) {
            return "Matrix: best test error so far. Top left, greedy local learning (DGL); LAM added across, MLM"
                    + " down; BP, trained end to end, beside them. Bars: error on the arrangement classes (the whole"
                    + " picture matters) and on the texture classes (a local cue).";
        }
        return "Done. Each cell is one run's best test error. Greedy local learning (top left) stays far behind BP:"
                + " its early modules kept only what their own small classifier needed, the local textures, and lost"
                + " the arrangement of the markers. MLM (down) and LAM (across) each give early modules a view of"
                + " later layers and win part of it back; together (bottom right) they come closest to BP.";
    }

    /**
     * Once the runs have ended: fits a linear classifier on each module's output of every run's last
     * checkpoint and draws the five lines in one chart (item 3; MLAAN Figure 5), on the training
     * thread with its progress on the board. Runs without a folder or a checkpoint are named in the
     * status line and left out. FX thread.
     */
    void measureSeparability(RunAnalyses analyses) {
        List<ComparisonRun> measured = runs.stream().filter(r -> r.live().startedProperty().get() != null).toList();
        if (analyses == null || measured.isEmpty()) {
            return;
        }
        int lesson = lessonNumber;
        separabilityBox.setVisible(true);
        work.start("Linear separability of each module's output", separabilityBar, separabilityStatus,
                progress -> separabilityOf(measured, analyses, progress), (Measured out) -> {
                    if (lesson != lessonNumber) {
                        return;
                    }
                    separabilityCurves = out.curves();
                    separability.setVisible(!out.curves().isEmpty());
                    if (!out.curves().isEmpty()) {
                        separability.setChart(ReportCharts.separability(out.curves()));
                    }
                    separabilityStatus.setText(out.problems().isEmpty() ? SEPARABILITY_CAPTION
                            : SEPARABILITY_CAPTION + " Left out: " + String.join("; ", out.problems()));
                });
    }

    /** What the separability measurement gave: one curve per run it could read, one line per run it could not. */
    private record Measured(List<SeparabilityCurve> curves, List<String> problems) {}

    private static final String SEPARABILITY_CAPTION = "Linear separability: how well a linear classifier reads the"
            + " classes from each module's output (MLAAN Figure 5), on the held-out images. Greedy learning's"
            + " early modules keep less of what the last layer needs; end-to-end learning keeps it all the way.";

    private static Measured separabilityOf(List<ComparisonRun> measured, RunAnalyses analyses,
            AnalysisProgress progress) {
        List<SeparabilityCurve> curves = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < measured.size(); i++) {
            ComparisonRun r = measured.get(i);
            Method m = r.config().methodOrDefault();
            String label = Lesson.label(m);
            double from = (double) i / measured.size();
            AnalysisProgress part = (what, f) -> progress.update(label + ": " + what, from + f / measured.size());
            try {
                RunRecord record = RunFolderReader.read(Path.of(r.live().startedProperty().get().runDir()));
                SeparabilityCurve c = analyses.separability(record, SEPARABILITY_TRAIN, SEPARABILITY_TEST, part);
                curves.add(new SeparabilityCurve(label, c.method(), c.trainImages(), c.testImages(), c.points()));
            } catch (IOException | RuntimeException e) {
                problems.add(label + " (" + (e.getMessage() == null ? e.toString() : e.getMessage()) + ")");
            }
        }
        return new Measured(curves, problems);
    }

    /** The separability lines shown after the lesson, one per run (empty before the runs end). */
    public List<SeparabilityCurve> separabilityCurves() {
        return separabilityCurves;
    }

    /** The curves' chart as shown, or null before the first refresh (tests, export). */
    public JFreeChart curvesChart() {
        return curvesChart;
    }

    /** What the matrix's cell of {@code m} shows now ("72.0%", or a dash before the run's first evaluation). */
    public String matrixText(Method m) {
        return matrix.errorText(m);
    }

    /** The caption under the matrix. */
    public String caption() {
        return caption.getText();
    }
}
