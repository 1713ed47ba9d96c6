package org.mlaan.lab.ui.analysis;

import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.mlaan.lab.analysis.RunAnalyses;
import org.mlaan.lab.analysis.result.SimilarityResult;
import org.mlaan.lab.core.config.Method;
import org.mlaan.lab.core.run.RunRecord;
import org.mlaan.lab.report.ReportCharts;

/**
 * MLAAN Figure 6: linear CKA of every loaded run's module outputs against a chosen BP run's at
 * the same units, as lines, and all unit pairs of one chosen run as a heatmap.
 */
final class SimilaritySection extends AnalysisSection {
    private final ComboBox<RunSummary> reference = new ComboBox<>();
    private final ComboBox<SimilarityResult> heatmapRun = new ComboBox<>();
    private final Spinner<Integer> images = spinner("cka-images", 50, 10_000, 500, 100,
            "Test images the representations are read on");
    private final ChartCard lines = new ChartCard("cka-lines", "Run it to compare every run with the reference.");
    private final ChartCard heatmap = new ChartCard("cka-heatmap", "All unit pairs of one run against the reference.");

    SimilaritySection(AnalysisContext ctx) {
        super(ctx, "cka", "CKA against BP (MLAAN Figure 6): linear CKA of each run's module outputs against the"
                + " reference run's at the same units, on the same test images.", "Run CKA");
        reference.setId("cka-reference");
        reference.setTooltip(new Tooltip("The end-to-end (BP) run the others are compared with"));
        reference.setConverter(names());
        reference.setPrefWidth(220);
        heatmapRun.setId("cka-heatmap-run");
        heatmapRun.setConverter(new StringConverter<>() {
            @Override
            public String toString(SimilarityResult r) {
                return r == null ? "" : r.run() + " (" + r.method().label() + ")";
            }

            @Override
            public SimilarityResult fromString(String s) {
                return null;
            }
        });
        heatmapRun.valueProperty().addListener((obs, o, r) -> {
            if (r != null) {
                heatmap.show(ReportCharts.similarityHeatmap(r));
            }
        });
        controls(List.of(new Label("Reference"), reference, new Label("Images"), images));
        ctx.runs.addListener((ListChangeListener<RunSummary>) c -> offerReferences());
        offerReferences();
        Label heatmapOf = new Label("Heatmap of");
        heatmapOf.setMinWidth(Region.USE_PREF_SIZE);
        HBox heatmapBar = new HBox(8, heatmapOf, heatmapRun);
        heatmapBar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        HBox charts = new HBox(8, lines, new VBox(4, heatmapBar, heatmap));
        HBox.setHgrow(lines, Priority.ALWAYS);
        HBox.setHgrow(charts.getChildren().get(1), Priority.ALWAYS);
        VBox.setVgrow(heatmap, Priority.ALWAYS);
        VBox.setVgrow(charts, Priority.ALWAYS);
        getChildren().add(charts);
    }

    static StringConverter<RunSummary> names() {
        return new StringConverter<>() {
            @Override
            public String toString(RunSummary s) {
                return s == null ? "" : s.name() + " (" + s.method().label() + ")";
            }

            @Override
            public RunSummary fromString(String s) {
                return null;
            }
        };
    }

    /** Every loaded run may be the reference; the first BP run is chosen unless one was chosen. */
    private void offerReferences() {
        RunSummary was = reference.getValue();
        reference.getItems().setAll(ctx.runs);
        if (was != null && ctx.runs.contains(was)) {
            reference.setValue(was);
        } else {
            reference.setValue(ctx.runs.stream().filter(s -> s.method() == Method.BP).findFirst().orElse(null));
        }
    }

    @Override
    void start() {
        RunSummary ref = reference.getValue();
        if (ctx.runs.isEmpty()) {
            ready();
            return;
        }
        if (ref == null) {
            problem("Choose the reference run (a BP run of the same network and data).");
            return;
        }
        RunAnalyses a = readyAnalyses();
        if (a == null) {
            return;
        }
        int n = images.getValue();
        List<RunRecord> others = ctx.records().stream().filter(r -> !r.dir().equals(ref.run().dir())).toList();
        if (others.isEmpty()) {
            problem("Load at least one run besides the reference.");
            return;
        }
        ctx.work.start("CKA", bar, status, p -> AnalysisContext.eachRun(others, p,
                (r, q) -> a.similarity(r, ref.run(), n, q)), (AnalysisContext.PerRun<SimilarityResult> out) -> {
                    if (!out.results().isEmpty()) {
                        lines.show(ReportCharts.similarityLines(out.results()));
                        heatmapRun.getItems().setAll(out.results());
                        heatmapRun.setValue(out.results().get(out.results().size() - 1));
                    }
                    problems(out.problems());
                });
    }

    ChartCard lines() {
        return lines;
    }

    ChartCard heatmap() {
        return heatmap;
    }

    ComboBox<RunSummary> reference() {
        return reference;
    }
}
