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
import org.mlaan.lab.report.VectorCharts;
import org.mlaan.lab.ui.features.ExportButton;

/**
 * One chart of the tab in a {@link ChartViewer}, with a line that says what to do before there is
 * one, "Export PNG" that writes what the viewer shows, and "SVG" / "PDF" that write the chart as
 * a vector figure at the viewer's size, for slides and papers. Ids: {@code ID} (the viewer, once
 * shown), {@code ID-export}, {@code ID-export-svg}, {@code ID-export-pdf}, {@code ID-placeholder}.
 */
final class ChartCard extends VBox {
    private final String id;
    private final StackPane area = new StackPane();
    private final Label placeholder;
    private final Label exportStatus = new Label();
    private final ExportButton export;
    private final ExportButton svg;
    private final ExportButton pdf;
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
        svg = vector(VectorCharts.Kind.SVG);
        pdf = vector(VectorCharts.Kind.PDF);
        exportStatus.getStyleClass().add("export-status");
        HBox bar = new HBox(8, export, svg, pdf, exportStatus);
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
        svg.setDisable(false);
        pdf.setDisable(false);
    }

    private ExportButton vector(VectorCharts.Kind kind) {
        String ext = kind.extension();
        ExportButton b = new ExportButton(ext.toUpperCase(java.util.Locale.ROOT),
                file -> VectorCharts.write(viewer.getChart(), figureWidth(), figureHeight(), kind, file),
                () -> id + "." + ext, exportStatus::setText,
                new javafx.stage.FileChooser.ExtensionFilter(kind.description(), "*." + ext));
        b.setId(id + "-export-" + ext);
        b.setTooltip(new Tooltip("Write this chart as " + kind.description() + ": a vector figure for slides"
                + " and papers, legend and axis labels included"));
        b.setDisable(true);
        return b;
    }

    /** The figure's size: the chart's on screen, or a slide-sized default before it has been laid out. */
    private int figureWidth() {
        return viewer.getWidth() > 0 ? (int) Math.round(viewer.getWidth()) : 640;
    }

    private int figureHeight() {
        return viewer.getHeight() > 0 ? (int) Math.round(viewer.getHeight()) : 400;
    }

    /** Back to the placeholder, with a new line. */
    void clear(String placeholderText) {
        placeholder.setText(placeholderText);
        area.getChildren().setAll(placeholder);
        viewer = null;
        export.setDisable(true);
        svg.setDisable(true);
        pdf.setDisable(true);
    }

    ChartViewer viewer() {
        return viewer;
    }

    ExportButton exportButton() {
        return export;
    }

    /** The SVG or PDF button (tests). */
    ExportButton vectorButton(VectorCharts.Kind kind) {
        return kind == VectorCharts.Kind.SVG ? svg : pdf;
    }
}
