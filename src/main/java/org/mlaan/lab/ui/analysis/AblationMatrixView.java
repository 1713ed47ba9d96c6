package org.mlaan.lab.ui.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.CornerRadii;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.mlaan.lab.analysis.result.AblationCell;
import org.mlaan.lab.analysis.result.AblationMatrix;
import org.mlaan.lab.analysis.result.SeedResult;
import org.mlaan.lab.report.ReportCharts;
import org.mlaan.lab.ui.common.ErrorScale;
import org.mlaan.lab.ui.common.StyleClasses;
import org.mlaan.lab.ui.features.ExportButton;

/**
 * MLAAN Table 4 as a picture: a 2x2 grid, MLM off/on down, LAM off/on across, each cell coloured
 * by its mean best test error and showing mean ± std over its seeds; BP beside it. Clicking a cell
 * lists that method's seeds in the table below. Node ids: {@code matrix-cell-mlm0-lam1},
 * {@code matrix-cell-bp}, {@code seed-table}, {@code seed-table-title}.
 */
final class AblationMatrixView extends VBox {
    private static final double CELL_WIDTH = 150;
    private static final int PICTURE_WIDTH = 900;
    private static final int PICTURE_HEIGHT = 420;

    private final Cell[][] cells = new Cell[2][2];
    private final Cell bp = new Cell("matrix-cell-bp");
    private final Label title = new Label("Ablation (MLAAN Table 4): best test error, mean \u00b1 std over seeds");
    private final Label seedTitle = new Label("Click a cell to see its seeds.");
    private final TableView<SeedResult> seedTable = new TableView<>();
    private final ObjectProperty<AblationCell> selected = new SimpleObjectProperty<>(this, "selected");
    private final Label exportStatus = new Label();
    private final ExportButton export = new ExportButton("Export PNG", this::picture, () -> "ablation-matrix.png",
            exportStatus::setText);
    private AblationMatrix matrix;

    /** One coloured cell: the method, its error and its seed count. */
    private final class Cell extends VBox {
        final Label method = new Label();
        final Label error = new Label();
        final Label seeds = new Label();
        AblationCell shown;

        Cell(String id) {
            setId(id);
            getStyleClass().add("matrix-cell");
            method.setId(id + "-method");
            error.setId(id + "-error");
            seeds.setId(id + "-seeds");
            method.getStyleClass().add("matrix-method");
            error.getStyleClass().add("matrix-error");
            seeds.getStyleClass().add("matrix-seeds");
            getChildren().addAll(method, error, seeds);
            setAlignment(Pos.CENTER);
            setPadding(new Insets(6));
            setMinWidth(CELL_WIDTH);
            setPrefWidth(CELL_WIDTH);
            setMinHeight(Region.USE_PREF_SIZE);
            setOnMouseClicked(e -> {
                if (shown != null) {
                    selected.set(shown);
                }
            });
        }

        void show(AblationCell c, String emptyName, ErrorScale scale) {
            shown = c;
            method.setText(c == null ? emptyName : c.method().label());
            error.setText(c == null ? "no runs" : Percent.meanStd(c.bestError()));
            seeds.setText(c == null ? "" : "n = " + c.seeds().size() + (c.seeds().size() == 1 ? " seed" : " seeds"));
            Color fill = c == null ? ErrorScale.NONE : scale.colour(c.bestError().mean());
            setBackground(new Background(new BackgroundFill(fill, new CornerRadii(4), Insets.EMPTY)));
            setTooltip(c);
        }

        private void setTooltip(AblationCell c) {
            Tooltip.install(this, new Tooltip(c == null ? "No run of this combination is loaded."
                    : String.format(Locale.ROOT, "%s: best %s, final %s over %d seed(s)", c.method().label(),
                            Percent.meanStd(c.bestError()), Percent.meanStd(c.finalError()), c.seeds().size())));
        }
    }

    AblationMatrixView() {
        setId("ablation-matrix");
        getStyleClass().add("ablation-matrix");
        setSpacing(6);
        title.getStyleClass().add("section-title");
        GridPane grid = new GridPane();
        grid.setId("matrix-grid");
        grid.setHgap(4);
        grid.setVgap(4);
        grid.add(axis("LAM off"), 1, 0);
        grid.add(axis("LAM on"), 2, 0);
        grid.add(axis("MLM off"), 0, 1);
        grid.add(axis("MLM on"), 0, 2);
        for (int mlm = 0; mlm < 2; mlm++) {
            for (int lam = 0; lam < 2; lam++) {
                cells[mlm][lam] = new Cell("matrix-cell-mlm" + mlm + "-lam" + lam);
                grid.add(cells[mlm][lam], 1 + lam, 1 + mlm);
            }
        }
        Label bpAxis = axis("end-to-end");
        VBox bpBox = new VBox(4, bpAxis, bp);
        bpBox.setPadding(new Insets(0, 0, 0, 14));
        export.setId("matrix-export");
        export.setTooltip(new Tooltip("Write the matrix as the report draws it, as a PNG file"));
        exportStatus.getStyleClass().add("export-status");
        exportStatus.setWrapText(true);
        VBox exportBox = new VBox(4, export, exportStatus);
        exportBox.setPadding(new Insets(0, 0, 0, 14));
        exportBox.setAlignment(Pos.BOTTOM_LEFT);
        HBox matrixRow = new HBox(grid, bpBox, exportBox);
        matrixRow.setAlignment(Pos.TOP_LEFT);

        seedTitle.setId("seed-table-title");
        seedTable.setId("seed-table");
        seedTable.setPlaceholder(new Label("No cell chosen"));
        seedTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        seedTable.setPrefHeight(130);
        seedTable.setMinHeight(90);
        seedTable.getColumns().setAll(List.of(
                Columns.text("seed", 50, s -> Long.toString(s.seed())),
                Columns.text("epochs", 55, s -> Integer.toString(s.epochs())),
                Columns.text("final err %", 75, s -> Percent.of(s.finalError())),
                Columns.text("best err %", 75, s -> Percent.of(s.bestError())),
                Columns.text("minutes", 60, s -> String.format(Locale.ROOT, "%.1f", s.minutes())),
                Columns.text("state", 75, SeedResult::state),
                Columns.text("run folder", 160, s -> s.runDir() == null ? "" : s.runDir().getFileName().toString())));
        VBox.setVgrow(seedTable, Priority.ALWAYS);
        getChildren().addAll(title, matrixRow, seedTitle, seedTable);
        selected.addListener((obs, o, c) -> showSeeds(c));
        setMatrix(null);
    }

    private static Label axis(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("matrix-axis");
        l.setMaxWidth(Double.MAX_VALUE);
        l.setAlignment(Pos.CENTER);
        GridPane.setHalignment(l, HPos.CENTER);
        return l;
    }

    /** Shows {@code m} (null: no runs of the family); keeps the chosen method chosen if it is still there. */
    void setMatrix(AblationMatrix m) {
        matrix = m;
        List<AblationCell> all = new ArrayList<>();
        if (m != null) {
            all.addAll(m.cells());
            if (m.bp() != null) {
                all.add(m.bp());
            }
        }
        double min = all.stream().mapToDouble(c -> c.bestError().mean()).filter(v -> !Double.isNaN(v)).min()
                .orElse(Double.NaN);
        double max = all.stream().mapToDouble(c -> c.bestError().mean()).filter(v -> !Double.isNaN(v)).max()
                .orElse(Double.NaN);
        ErrorScale scale = new ErrorScale(min, max);
        export.setDisable(m == null);
        AblationCell was = selected.get();
        AblationCell again = was == null ? null : all.stream().filter(c -> c.method() == was.method()).findFirst()
                .orElse(null);
        selected.set(again);
        String base = m == null ? "DGL" : m.base().label();
        for (int mlm = 0; mlm < 2; mlm++) {
            for (int lam = 0; lam < 2; lam++) {
                Optional<AblationCell> c = m == null ? Optional.empty() : m.cell(mlm == 1, lam == 1);
                cells[mlm][lam].show(c.orElse(null), emptyName(base, mlm == 1, lam == 1), scale);
            }
        }
        bp.show(m == null ? null : m.bp(), "BP", scale);
        showSeeds(again);
    }

    private static String emptyName(String base, boolean mlm, boolean lam) {
        if (mlm && lam) {
            return base + "+MLAAN";
        }
        return base + (mlm ? "+MLM" : lam ? "+LAM" : "");
    }

    /** Shows the seeds of the cell of this method, as a click on it would. */
    void select(AblationCell c) {
        selected.set(c);
    }

    private void showSeeds(AblationCell c) {
        if (c == null) {
            seedTable.getItems().clear();
            seedTitle.setText("Click a cell to see its seeds.");
        } else {
            seedTable.getItems().setAll(c.seeds());
            seedTitle.setText(c.method().label() + ": " + c.seeds().size() + " seed(s), best "
                    + Percent.meanStd(c.bestError()) + ", final " + Percent.meanStd(c.finalError()));
        }
        for (Cell[] row : cells) {
            for (Cell cell : row) {
                StyleClasses.set(cell, "selected", c != null && cell.shown != null && cell.shown.method() == c.method());
            }
        }
        StyleClasses.set(bp, "selected", c != null && bp.shown != null && bp.shown.method() == c.method());
    }

    /** The report's drawing of the matrix (the PNG export writes it). */
    private WritableImage picture() {
        return SwingFXUtils.toFXImage(ReportCharts.ablationMatrix(matrix).createBufferedImage(PICTURE_WIDTH,
                PICTURE_HEIGHT), null);
    }

    ExportButton exportButton() {
        return export;
    }

    AblationMatrix matrix() {
        return matrix;
    }

    ObjectProperty<AblationCell> selectedProperty() {
        return selected;
    }
}
