package org.mlaan.lab.ui.features;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.Rectangle2D;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import org.mlaan.lab.core.run.FeatureMaps;

/**
 * A grid of heatmaps in the layout of MLAAN Figure 4: one row per test image, the image itself in
 * the first column with its class name on it, then one heatmap per column (channels of one run, or one
 * run per column), each over its image. The cells are square and as large as the space allows.
 * Rows and columns are reused while their count stays, so a live refresh only redraws.
 *
 * <p>Node ids, for tests and styling: {@code <prefix>image-<row>}, {@code <prefix>caption-<row>},
 * {@code <prefix>heatmap-<row>-<key>} and {@code <prefix>heatmap-caption-<row>-<key>}, where the
 * keys name the columns.
 */
public final class FeatureGrid extends Region {
    private static final double GAP = 8;
    private static final double MIN_CELL = 16;
    private static final double MAX_CELL = 320;

    /** One heatmap to show: a map of {@code height x width} values, with a short note under it (may be empty). */
    public record MapCell(float[] values, int height, int width, String note) {}

    private final String idPrefix;
    private final DoubleProperty mapOpacity = new SimpleDoubleProperty(this, "mapOpacity", 0.6);
    private final ObjectProperty<Colormap> colormap = new SimpleObjectProperty<>(this, "colormap", Colormap.VIRIDIS);
    private final List<Row> rows = new ArrayList<>();
    private List<String> keys = List.of();
    private Node inputHeader;
    private List<Node> headers = List.of();
    private boolean sharedRowScale;
    private Node title;
    private Node titleRight;
    /** What the last layout drew on: title line, headers and cells, in this region's coordinates. */
    private Rectangle2D drawn = Rectangle2D.EMPTY;

    /** The nodes of one row. */
    private record Row(HeatmapView image, Label caption, List<HeatmapView> cells, List<Label> notes,
            List<MapCell> shown) {}

    public FeatureGrid(String idPrefix) {
        this.idPrefix = idPrefix;
        getStyleClass().add("feature-grid");
        setPadding(new Insets(GAP));
    }

    /**
     * A title line over the grid, aligned with the cells: {@code left} at their left edge (it may
     * be cut short), {@code right} at their right edge (it keeps its width). Either may be null.
     */
    /** The line above a figure: its title on the left, the step it shows on the right. */
    public record Header(javafx.scene.control.Label title, javafx.scene.control.Label step) {}

    /**
     * Puts a new header line above the figure, its labels with the ids {@code PREFIX-figure-title}
     * and {@code PREFIX-step-label}, and returns it.
     */
    public Header header(String idPrefix) {
        javafx.scene.control.Label left = new javafx.scene.control.Label();
        left.setId(idPrefix + "-figure-title");
        left.getStyleClass().add("figure-title");
        javafx.scene.control.Label right = new javafx.scene.control.Label();
        right.setId(idPrefix + "-step-label");
        right.getStyleClass().add("figure-step");
        right.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        setTitle(left, right);
        return new Header(left, right);
    }

    public void setTitle(Node left, Node right) {
        if (title != null) {
            getChildren().remove(title);
        }
        if (titleRight != null) {
            getChildren().remove(titleRight);
        }
        title = left;
        titleRight = right;
        if (left != null) {
            getChildren().add(left);
        }
        if (right != null) {
            getChildren().add(right);
        }
        requestLayout();
    }

    /**
     * The grid as a picture, cropped to what it draws (title, headers and cells) with a small
     * margin: the figure an export writes. FX thread.
     */
    public WritableImage picture() {
        layout();
        WritableImage whole = snapshot(null, null);
        int w = (int) whole.getWidth();
        int h = (int) whole.getHeight();
        if (drawn.getWidth() <= 0 || drawn.getHeight() <= 0) {
            return whole;
        }
        int x0 = Math.max(0, (int) Math.floor(drawn.getMinX() - GAP));
        int y0 = Math.max(0, (int) Math.floor(drawn.getMinY() - GAP));
        int x1 = Math.min(w, (int) Math.ceil(drawn.getMaxX() + GAP));
        int y1 = Math.min(h, (int) Math.ceil(drawn.getMaxY() + GAP));
        return new WritableImage(whole.getPixelReader(), x0, y0, x1 - x0, y1 - y0);
    }

    /** Opacity of every map over its image (see {@link HeatmapView#mapOpacityProperty()}). */
    public DoubleProperty mapOpacityProperty() {
        return mapOpacity;
    }

    public ObjectProperty<Colormap> colormapProperty() {
        return colormap;
    }

    /**
     * Sets the columns: {@code inputHeader} over the images, then one header per key. Rebuilds the
     * cells only when the keys change.
     */
    public void setColumns(List<String> columnKeys, Node inputColumnHeader, List<? extends Node> columnHeaders) {
        if (columnKeys.size() != columnHeaders.size()) {
            throw new IllegalArgumentException(columnKeys.size() + " keys but " + columnHeaders.size() + " headers");
        }
        boolean rebuild = !columnKeys.equals(keys);
        keys = List.copyOf(columnKeys);
        List<Node> old = new ArrayList<>(headers);
        if (inputHeader != null) {
            old.add(inputHeader);
        }
        getChildren().removeAll(old);
        inputHeader = inputColumnHeader;
        headers = List.copyOf(columnHeaders);
        getChildren().add(inputHeader);
        getChildren().addAll(headers);
        if (rebuild) {
            int n = rows.size();
            setRowCount(0);
            setRowCount(n);
        }
        requestLayout();
    }

    /** Makes {@code n} rows, keeping the existing ones. */
    public void setRowCount(int n) {
        while (rows.size() > n) {
            Row r = rows.remove(rows.size() - 1);
            getChildren().remove(r.image());
            getChildren().remove(r.caption());
            getChildren().removeAll(r.cells());
            getChildren().removeAll(r.notes());
        }
        while (rows.size() < n) {
            int index = rows.size();
            HeatmapView image = newView();
            image.setId(idPrefix + "image-" + index);
            Label caption = new Label();
            caption.setId(idPrefix + "caption-" + index);
            caption.getStyleClass().add("map-caption");
            caption.setAlignment(javafx.geometry.Pos.CENTER);
            caption.visibleProperty().bind(caption.textProperty().isNotEmpty());
            List<HeatmapView> cells = new ArrayList<>();
            List<Label> notes = new ArrayList<>();
            List<MapCell> shown = new ArrayList<>();
            for (String key : keys) {
                HeatmapView cell = newView();
                cell.setId(idPrefix + "heatmap-" + index + "-" + key);
                cells.add(cell);
                Label note = new Label();
                note.setId(idPrefix + "heatmap-caption-" + index + "-" + key);
                note.getStyleClass().add("map-note");
                note.visibleProperty().bind(note.textProperty().isNotEmpty());
                notes.add(note);
                shown.add(null);
            }
            rows.add(new Row(image, caption, cells, notes, shown));
            getChildren().add(image);
            getChildren().add(caption);
            getChildren().addAll(cells);
            getChildren().addAll(notes);
        }
        requestLayout();
    }

    public int rowCount() {
        return rows.size();
    }

    public int columnCount() {
        return keys.size();
    }

    /**
     * Shows {@code image} in row {@code row} with {@code caption} and one cell per column; a null
     * cell leaves its column empty.
     */
    public void showRow(int row, FeatureMaps.Image image, String caption, List<MapCell> cells) {
        Row r = rows.get(row);
        r.image().show(image.rgb(), image.height(), image.width(), null, 0, 0);
        r.caption().setText(caption);
        for (int c = 0; c < keys.size(); c++) {
            MapCell cell = c < cells.size() ? cells.get(c) : null;
            r.shown().set(c, cell);
            HeatmapView view = r.cells().get(c);
            if (cell == null) {
                view.show(null, 0, 0, null, 0, 0);
                r.notes().get(c).setText("");
            } else {
                view.show(image.rgb(), image.height(), image.width(), cell.values(), cell.height(), cell.width());
                r.notes().get(c).setText(cell.note());
            }
        }
        applyScale(r);
    }

    /** Empties row {@code row}. */
    public void clearRow(int row) {
        Row r = rows.get(row);
        r.image().show(null, 0, 0, null, 0, 0);
        r.caption().setText("");
        for (int c = 0; c < keys.size(); c++) {
            r.shown().set(c, null);
            r.cells().get(c).show(null, 0, 0, null, 0, 0);
            r.notes().get(c).setText("");
        }
    }

    /**
     * One colour scale per row (the min..max of all its maps), so that the columns of a row can be
     * compared in strength; off, each map spans the whole colormap.
     */
    public void setSharedRowScale(boolean on) {
        sharedRowScale = on;
        rows.forEach(this::applyScale);
    }

    public boolean isSharedRowScale() {
        return sharedRowScale;
    }

    /** The heatmap of row {@code row}, column {@code column} (FX thread). */
    public HeatmapView cell(int row, int column) {
        return rows.get(row).cells().get(column);
    }

    private void applyScale(Row r) {
        float low = Float.POSITIVE_INFINITY;
        float high = Float.NEGATIVE_INFINITY;
        for (MapCell cell : r.shown()) {
            if (cell != null) {
                low = Math.min(low, HeatmapView.min(cell.values()));
                high = Math.max(high, HeatmapView.max(cell.values()));
            }
        }
        for (HeatmapView view : r.cells()) {
            if (sharedRowScale && low <= high) {
                view.setRange(low, high);
            } else {
                view.clearRange();
            }
        }
    }

    private HeatmapView newView() {
        HeatmapView v = new HeatmapView();
        v.mapOpacityProperty().bind(mapOpacity);
        v.colormapProperty().bind(colormap);
        return v;
    }

    // ---- layout: square cells, as large as the space allows, centred; captions and notes lie on the cells ----

    private double headerHeight(double cellWidth) {
        double h = inputHeader == null ? 0 : inputHeader.prefHeight(cellWidth);
        for (Node n : headers) {
            h = Math.max(h, n.prefHeight(cellWidth));
        }
        return h;
    }

    private double titleHeight() {
        double h = 0;
        if (title != null) {
            h = Math.max(h, title.prefHeight(-1));
        }
        if (titleRight != null) {
            h = Math.max(h, titleRight.prefHeight(-1));
        }
        return h == 0 ? 0 : h + GAP / 2;
    }

    private double cellSize(double width, double height) {
        int cols = keys.size() + 1;
        int n = Math.max(1, rows.size());
        double byWidth = (width - (cols - 1) * GAP) / cols;
        double s = byWidth;
        double top = titleHeight();
        // The headers wrap to the cell width, so their height depends on it: settle it in two passes.
        for (int pass = 0; pass < 2; pass++) {
            double header = headerHeight(s);
            double byHeight = (height - top - header - GAP - (n - 1) * GAP) / n;
            s = Math.min(byWidth, byHeight);
        }
        return Math.max(MIN_CELL, Math.min(MAX_CELL, Math.floor(s)));
    }

    @Override
    protected void layoutChildren() {
        Insets in = getInsets();
        double width = getWidth() - in.getLeft() - in.getRight();
        double height = getHeight() - in.getTop() - in.getBottom();
        int cols = keys.size() + 1;
        double s = cellSize(width, height);
        double header = headerHeight(s);
        double total = cols * s + (cols - 1) * GAP;
        double x0 = in.getLeft() + Math.max(0, (width - total) / 2);
        double y0 = in.getTop();
        double top = titleHeight();
        double lineLeft = x0;
        double lineWidth = total;
        if (top > 0) {
            // A grid narrower than its title line widens the line, up to the region's width.
            double leftW = title == null ? 0 : title.prefWidth(-1);
            double rightW = titleRight == null ? 0 : titleRight.prefWidth(-1);
            lineWidth = Math.min(width, Math.max(total, leftW + GAP * 2 + rightW));
            lineLeft = in.getLeft() + Math.max(0, (width - lineWidth) / 2);
            if (titleRight != null) {
                layoutInArea(titleRight, lineLeft + lineWidth - rightW, y0, rightW, top, 0, HPos.RIGHT, VPos.TOP);
            }
            if (title != null) {
                double room = Math.max(0, lineWidth - rightW - GAP * 2);
                title.resizeRelocate(lineLeft, y0, Math.min(room, leftW), title.prefHeight(-1));
            }
        }
        y0 += top;
        if (inputHeader != null) {
            layoutInArea(inputHeader, x0, y0, s, header, 0, HPos.CENTER, VPos.BOTTOM);
        }
        for (int c = 0; c < headers.size(); c++) {
            layoutInArea(headers.get(c), x0 + (c + 1) * (s + GAP), y0, s, header, 0, HPos.CENTER, VPos.BOTTOM);
        }
        double y = y0 + header + GAP;
        for (Row r : rows) {
            r.image().resizeRelocate(x0, y, s, s);
            double ch = Math.min(s, r.caption().prefHeight(s));
            r.caption().resizeRelocate(x0, y + s - ch, s, ch);
            for (int c = 0; c < r.cells().size(); c++) {
                double x = x0 + (c + 1) * (s + GAP);
                r.cells().get(c).resizeRelocate(x, y, s, s);
                Label note = r.notes().get(c);
                double nw = Math.min(s - 4, note.prefWidth(-1));
                double nh = Math.min(s - 4, note.prefHeight(nw));
                note.resizeRelocate(x + 2, y + 2, nw, nh);
            }
            y += s + GAP;
        }
        double left = Math.min(x0, lineLeft);
        double right = Math.max(x0 + total, lineLeft + lineWidth);
        drawn = new Rectangle2D(left, in.getTop(), right - left, Math.max(0, y - GAP - in.getTop()));
    }

    @Override
    protected double computePrefWidth(double height) {
        Insets in = getInsets();
        int cols = keys.size() + 1;
        return in.getLeft() + in.getRight() + cols * 120 + (cols - 1) * GAP;
    }

    @Override
    protected double computePrefHeight(double width) {
        Insets in = getInsets();
        int n = rows.size();
        return in.getTop() + in.getBottom() + titleHeight() + headerHeight(120) + GAP + n * (120 + GAP);
    }

    @Override
    protected double computeMinWidth(double height) {
        return 0;
    }

    @Override
    protected double computeMinHeight(double width) {
        return 0;
    }
}
