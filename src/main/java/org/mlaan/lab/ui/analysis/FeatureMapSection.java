package org.mlaan.lab.ui.analysis;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextAlignment;
import org.mlaan.lab.analysis.RunAnalyses;
import org.mlaan.lab.analysis.result.FeatureMapPanel;
import org.mlaan.lab.core.run.FeatureMaps;
import org.mlaan.lab.ui.features.ExportButton;
import org.mlaan.lab.ui.features.FeatureGrid;

/**
 * MLAAN Figure 4: the loaded runs' feature maps of the same test images at the same unit, from
 * their last checkpoints, one column per run (the channel mean over the image).
 */
final class FeatureMapSection extends AnalysisSection {
    private final Spinner<Integer> images = spinner("featuremaps-images", 1, 10, 4, 1, "Test images (rows)");
    private final ComboBox<String> unit = new ComboBox<>();
    private final FeatureGrid grid = new FeatureGrid("analysis-maps-");
    private final Label placeholder = new Label("Run it to draw every loaded run's feature maps side by side.");
    private final Label exportStatus = new Label();
    private final ExportButton export;
    private List<FeatureMapPanel> panels = List.of();

    FeatureMapSection(AnalysisContext ctx) {
        super(ctx, "featuremaps", "Feature maps (MLAAN Figure 4): the same test images through each run's last"
                + " checkpoint, at one unit, side by side.", "Draw feature maps");
        getStyleClass().add("features-pane");
        unit.setId("featuremaps-unit");
        unit.setTooltip(new Tooltip("The unit whose output is shown"));
        unit.valueProperty().addListener((obs, o, u) -> redraw());
        export = new ExportButton("Export PNG", grid::picture, () -> "feature-maps-" + unit.getValue() + ".png",
                exportStatus::setText);
        export.setId("featuremaps-export");
        export.setDisable(true);
        exportStatus.getStyleClass().add("export-status");
        controls(List.of(new Label("Images"), images, new Label("Unit"), unit));
        grid.setId("featuremaps-grid");
        grid.setVisible(false);
        placeholder.getStyleClass().add("placeholder");
        placeholder.setWrapText(true);
        StackPane area = new StackPane(grid, placeholder);
        VBox.setVgrow(area, Priority.ALWAYS);
        HBox exportRow = new HBox(8, export, exportStatus);
        exportRow.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(area, exportRow);
    }

    @Override
    void start() {
        RunAnalyses a = readyAnalyses();
        if (a == null) {
            return;
        }
        int n = images.getValue();
        ctx.work.start("Feature maps", bar, status, p -> AnalysisContext.eachRun(ctx.records(), p,
                (r, q) -> a.featureMaps(r, n)), (AnalysisContext.PerRun<FeatureMapPanel> out) -> {
                    show(out.results());
                    problems(out.problems());
                });
    }

    private void show(List<FeatureMapPanel> shown) {
        panels = List.copyOf(shown);
        if (panels.isEmpty()) {
            return;
        }
        List<String> keys = new ArrayList<>();
        List<Label> headers = new ArrayList<>();
        for (int i = 0; i < panels.size(); i++) {
            keys.add(Integer.toString(i));
            headers.add(header(panels.get(i).method().label() + "\n" + panels.get(i).run()));
        }
        grid.setColumns(keys, header("input"), headers);
        String was = unit.getValue();
        List<String> units = panels.get(0).maps().units();
        unit.getItems().setAll(units);
        unit.setValue(was != null && units.contains(was) ? was : units.isEmpty() ? null : units.get(units.size() / 2));
        redraw();
    }

    private void redraw() {
        String u = unit.getValue();
        if (panels.isEmpty() || u == null) {
            return;
        }
        FeatureMaps first = panels.get(0).maps();
        grid.setRowCount(first.images().size());
        for (int row = 0; row < first.images().size(); row++) {
            List<FeatureGrid.MapCell> cells = new ArrayList<>();
            for (FeatureMapPanel p : panels) {
                int at = p.maps().unitIndex(u);
                if (at < 0 || row >= p.maps().images().size()) {
                    cells.add(null);
                } else {
                    FeatureMaps.UnitMap m = p.maps().images().get(row).maps().get(at);
                    cells.add(new FeatureGrid.MapCell(m.channelMean(), m.height(), m.width(), ""));
                }
            }
            FeatureMaps.Image image = first.images().get(row);
            grid.showRow(row, image, image.className(), cells);
        }
        grid.setVisible(true);
        placeholder.setVisible(false);
        export.setDisable(false);
    }

    private static Label header(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("map-header");
        l.setWrapText(true);
        l.setAlignment(Pos.CENTER);
        l.setTextAlignment(TextAlignment.CENTER);
        return l;
    }

    FeatureGrid grid() {
        return grid;
    }
}
