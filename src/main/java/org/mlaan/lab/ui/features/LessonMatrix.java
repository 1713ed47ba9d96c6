package org.mlaan.lab.ui.features;

import java.util.Locale;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.CornerRadii;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.mlaan.lab.core.config.Method;
import org.mlaan.lab.core.experiment.Lesson;
import org.mlaan.lab.ui.common.ErrorScale;

/**
 * MLAAN Table 4 live, small enough for a lesson's corner: MLM off/on down, LAM off/on across, BP
 * beside them, each cell its run's best test error so far, coloured from the lowest shown (green)
 * to the highest (red). Ids: {@code lesson-matrix}, {@code lesson-cell-METHOD} (BP, DGL, DGL-MLM ...).
 */
final class LessonMatrix extends GridPane {
    private final Map<Method, VBox> cells = new java.util.EnumMap<>(Method.class);
    private final Map<Method, Label> errors = new java.util.EnumMap<>(Method.class);

    LessonMatrix() {
        setId("lesson-matrix");
        getStyleClass().add("lesson-matrix");
        setHgap(4);
        setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        setVgap(4);
        add(axis("LAM off"), 1, 0);
        add(axis("LAM on"), 2, 0);
        add(axis("end to end"), 3, 0);
        add(axis("MLM off"), 0, 1);
        add(axis("MLM on"), 0, 2);
        place(Method.DGL, 1, 1);
        place(Method.DGL_LAM, 2, 1);
        place(Method.DGL_MLM, 1, 2);
        place(Method.DGL_MLAAN, 2, 2);
        place(Method.BP, 3, 1);
    }

    private void place(Method m, int column, int row) {
        Label name = new Label(Lesson.label(m).replace(" (probe head)", ""));
        name.getStyleClass().add("lesson-cell-method");
        name.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        Label error = new Label("\u2013");
        error.getStyleClass().add("lesson-cell-error");
        error.setId("lesson-cell-" + id(m) + "-error");
        VBox cell = new VBox(0, name, error);
        cell.setId("lesson-cell-" + id(m));
        cell.getStyleClass().add("lesson-cell");
        cell.setAlignment(Pos.CENTER);
        cell.setPadding(new Insets(4, 8, 4, 8));
        // At least 104 px, wider where the method's name needs it (DGL+MLAAN in bold): never cut.
        cell.setMinWidth(104);
        cells.put(m, cell);
        errors.put(m, error);
        add(cell, column, row);
    }

    private static String id(Method m) {
        return m.label().replace('+', '-');
    }

    private static Label axis(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("lesson-matrix-axis");
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }

    /** Each method's best test error so far (a fraction; NaN before its first evaluation). */
    void show(Map<Method, Double> best) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double e : best.values()) {
            if (!Double.isNaN(e)) {
                min = Math.min(min, e);
                max = Math.max(max, e);
            }
        }
        ErrorScale scale = new ErrorScale(min, max);
        for (Map.Entry<Method, VBox> c : cells.entrySet()) {
            double e = best.getOrDefault(c.getKey(), Double.NaN);
            errors.get(c.getKey()).setText(Double.isNaN(e) ? "\u2013" : String.format(Locale.ROOT, "%.1f%%", 100 * e));
            c.getValue().setBackground(new Background(new BackgroundFill(scale.colour(e), new CornerRadii(4),
                    Insets.EMPTY)));
        }
    }

    /** What a cell shows now ("72.0%", or a dash before its run's first evaluation). */
    String errorText(Method m) {
        return errors.get(m).getText();
    }
}
