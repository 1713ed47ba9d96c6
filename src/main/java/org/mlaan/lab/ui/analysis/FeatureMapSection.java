package org.mlaan.lab.ui.analysis;

import java.awt.image.BufferedImage;
import java.util.List;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.mlaan.lab.analysis.RunAnalyses;
import org.mlaan.lab.analysis.result.FeatureMapPanel;
import org.mlaan.lab.report.FeatureMapFigure;
import org.mlaan.lab.ui.features.ExportButton;

/**
 * MLAAN Figure 4: the loaded runs' feature maps of the same test images at the same unit, from
 * their last checkpoints, a row per run: the report's figure, redrawn when the unit changes.
 */
final class FeatureMapSection extends AnalysisSection {
    private final Spinner<Integer> images = spinner("featuremaps-images", 1, 10, 4, 1, "Test images (columns)");
    private final ComboBox<String> unit = new ComboBox<>();
    private final ImageView figure = new ImageView();
    private final Label placeholder = new Label("Run it to draw every loaded run's feature maps, a row per run.");
    private final Label exportStatus = new Label();
    private final ExportButton export;
    private List<FeatureMapPanel> panels = List.of();

    FeatureMapSection(AnalysisContext ctx) {
        super(ctx, "featuremaps", "Feature maps (MLAAN Figure 4): the same test images through each run's last"
                + " checkpoint, at one unit, a row per run.", "Draw feature maps");
        unit.setId("featuremaps-unit");
        unit.setTooltip(new Tooltip("The unit whose output is shown"));
        unit.valueProperty().addListener((obs, o, u) -> redraw());
        export = new ExportButton("Export PNG", () -> (WritableImage) figure.getImage(),
                () -> "feature-maps-" + unit.getValue() + ".png", exportStatus::setText);
        export.setId("featuremaps-export");
        export.setDisable(true);
        exportStatus.getStyleClass().add("export-status");
        controls(List.of(new Label("Images"), images, new Label("Unit"), unit));
        figure.setId("featuremaps-figure");
        figure.setPreserveRatio(true);
        placeholder.getStyleClass().add("placeholder");
        placeholder.setWrapText(true);
        ScrollPane scroll = new ScrollPane(new StackPane(figure, placeholder));
        VBox.setVgrow(scroll, Priority.ALWAYS);
        HBox exportRow = new HBox(8, export, exportStatus);
        exportRow.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(scroll, exportRow);
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
        BufferedImage picture = FeatureMapFigure.draw(panels, u);
        figure.setImage(SwingFXUtils.toFXImage(picture, null));
        placeholder.setVisible(false);
        export.setDisable(false);
    }

    /** The runs drawn, in row order. */
    List<FeatureMapPanel> panels() {
        return panels;
    }

    ImageView figure() {
        return figure;
    }
}
