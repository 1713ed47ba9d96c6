package org.mlaan.lab.ui.analysis;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.mlaan.lab.ui.features.ExportButton;

/**
 * One chart of the tab in a {@link ChartViewer}, with a line that says what to do before there is
 * one, and "Export PNG" that writes what the viewer shows. Ids: {@code ID} (the viewer, once
 * shown), {@code ID-export}, {@code ID-placeholder}.
 */
final class ChartCard extends VBox {
    private final String id;
    private final StackPane area = new StackPane();
    private final Label placeholder;
    private final Label exportStatus = new Label();
    private final ExportButton export;
    private ChartViewer viewer;

    ChartCard(String id, String placeholderText) {
        this.id = id;
        setId(id + "-card");
        getStyleClass().add("chart-card");
        placeholder = new Label(placeholderText);
        placeholder.setId(id + "-placeholder");
        placeholder.getStyleClass().add("placeholder");
        placeholder.setWrapText(true);
        area.getChildren().add(placeholder);
        area.setMinHeight(160);
        VBox.setVgrow(area, Priority.ALWAYS);
        export = new ExportButton("Export PNG", () -> viewer.snapshot(null, null), () -> id + ".png",
                exportStatus::setText);
        export.setId(id + "-export");
        export.setTooltip(new Tooltip("Write this chart as a PNG file"));
        export.setDisable(true);
        exportStatus.getStyleClass().add("export-status");
        HBox bar = new HBox(8, export, exportStatus);
        bar.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(area, bar);
        setSpacing(4);
    }

    /** Shows {@code chart} in place of what was there. */
    void show(JFreeChart chart) {
        if (viewer == null) {
            viewer = new ChartViewer(chart);
            viewer.setId(id);
            viewer.setMinSize(200, 150);
            viewer.setPrefSize(520, 300);
            area.getChildren().setAll(viewer);
        } else {
            viewer.setChart(chart);
        }
        export.setDisable(false);
    }

    /** Back to the placeholder, with a new line. */
    void clear(String placeholderText) {
        placeholder.setText(placeholderText);
        area.getChildren().setAll(placeholder);
        viewer = null;
        export.setDisable(true);
    }

    ChartViewer viewer() {
        return viewer;
    }

    ExportButton exportButton() {
        return export;
    }
}
