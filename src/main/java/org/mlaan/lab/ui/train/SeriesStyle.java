package org.mlaan.lab.ui.train;

import java.awt.Color;

/**
 * How one curve is drawn.
 *
 * @param color its colour
 * @param width line width in pixels at normal size (presentation mode doubles it)
 * @param dashed a dashed line (estimates, best-so-far)
 * @param shapes a marker at each point (sparse per-epoch curves)
 */
record SeriesStyle(Color color, float width, boolean dashed, boolean shapes) {

    static SeriesStyle line(Color color) {
        return new SeriesStyle(color, 1.5f, false, false);
    }

    static SeriesStyle thin(Color color) {
        return new SeriesStyle(color, 1f, false, false);
    }

    static SeriesStyle dashed(Color color) {
        return new SeriesStyle(color, 1.5f, true, false);
    }

    static SeriesStyle marked(Color color) {
        return new SeriesStyle(color, 2f, false, true);
    }

    /** This curve for an overlaid run: the same colour, faded, thinner, without markers. */
    SeriesStyle ghost() {
        Color faded = new Color(color.getRed(), color.getGreen(), color.getBlue(), 100);
        return new SeriesStyle(faded, Math.max(1f, width - 0.5f), dashed, false);
    }
}
