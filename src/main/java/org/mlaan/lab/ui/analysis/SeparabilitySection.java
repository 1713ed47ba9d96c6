package org.mlaan.lab.ui.analysis;

import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.mlaan.lab.analysis.RunAnalyses;
import org.mlaan.lab.analysis.result.SeparabilityCurve;
import org.mlaan.lab.report.ReportCharts;

/** MLAAN Figure 5: linear separability of each module's output, one line per loaded run. */
final class SeparabilitySection extends AnalysisSection {
    private final Spinner<Integer> trainImages = spinner("separability-train", 100, 50_000, 2000, 500,
            "Images the linear classifiers are fitted on");
    private final Spinner<Integer> testImages = spinner("separability-test", 100, 10_000, 1000, 500,
            "Test images the classifiers are scored on");
    private final ChartCard card = new ChartCard("separability-chart",
            "Run it to fit a linear classifier on each module's pooled output of every loaded run.");

    SeparabilitySection(AnalysisContext ctx) {
        super(ctx, "separability", "Linear separability (MLAAN Figure 5): a linear classifier on each module's frozen,"
                + " pooled output, from each run's last checkpoint.", "Run separability");
        controls(List.of(new Label("Train images"), trainImages, new Label("Test images"), testImages));
        VBox.setVgrow(card, Priority.ALWAYS);
        getChildren().add(card);
    }

    @Override
    void start() {
        RunAnalyses a = readyAnalyses();
        if (a == null) {
            return;
        }
        int train = trainImages.getValue();
        int test = testImages.getValue();
        ctx.work.start("Separability", bar, status, p -> AnalysisContext.eachRun(ctx.records(), p,
                (r, q) -> a.separability(r, train, test, q)), (AnalysisContext.PerRun<SeparabilityCurve> out) -> {
                    if (!out.results().isEmpty()) {
                        card.show(ReportCharts.separability(out.results()));
                    }
                    problems(out.problems());
                });
    }

    ChartCard card() {
        return card;
    }
}
