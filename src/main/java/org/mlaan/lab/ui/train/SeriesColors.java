package org.mlaan.lab.ui.train;

import javafx.scene.paint.Color;

/**
 * The colour of module {@code i}'s curves: ten distinct hues (Tableau 10) that stay apart on white
 * and in print, repeating after ten modules. The same palette idea as the network view's module
 * chips, so a module's loss line has its chip's colour.
 */
public final class SeriesColors {
    private static final String[] HEX = {"#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948",
        "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"};

    private SeriesColors() {}

    /** Colours before they repeat. */
    public static int size() {
        return HEX.length;
    }

    /** Module {@code module}'s colour (0-based; any int, wrapping). */
    public static Color colorOf(int module) {
        return Color.web(HEX[Math.floorMod(module, HEX.length)]);
    }

    /** The same colour for JFreeChart, which draws with AWT paints. */
    public static java.awt.Color awtColorOf(int module) {
        return java.awt.Color.decode(HEX[Math.floorMod(module, HEX.length)]);
    }
}
