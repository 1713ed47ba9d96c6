package org.mlaan.lab.ui.features;

import javafx.scene.paint.Color;
import org.mlaan.lab.core.color.ColormapTable;

/**
 * The colormaps of the window's heatmaps: the tables of {@link ColormapTable} (shared with the
 * report's AWT figures), with JavaFX colours.
 */
public enum Colormap {
    VIRIDIS(ColormapTable.VIRIDIS),
    INFERNO(ColormapTable.INFERNO);

    /** Entries in each table. */
    public static final int SIZE = ColormapTable.SIZE;

    private final ColormapTable table;

    Colormap(ColormapTable table) {
        this.table = table;
    }

    /** The opaque ARGB colour of {@code t} in 0..1 (values outside are clamped; NaN is 0). */
    public int argb(double t) {
        return table.argb(t);
    }

    /** The table entry of {@code t}: 0 for the lowest value, {@link #SIZE} - 1 for the highest. */
    public static int index(double t) {
        return ColormapTable.index(t);
    }

    /** Table entry {@code i} as opaque ARGB. */
    public int entry(int i) {
        return table.entry(i);
    }

    public Color color(double t) {
        int c = argb(t);
        return Color.rgb(c >> 16 & 0xff, c >> 8 & 0xff, c & 0xff);
    }

    @Override
    public String toString() {
        return table.toString();
    }
}
