package org.mlaan.lab.report;

import java.awt.Color;
import java.awt.Paint;
import org.jfree.chart.renderer.PaintScale;
import org.mlaan.lab.core.color.ColormapTable;

/** A JFreeChart paint scale over one of the lab's perceptual colormaps, from {@code lower} (dark) to {@code upper} (bright). */
final class ColormapScale implements PaintScale {
    private final double lower;
    private final double upper;
    private final ColormapTable table;

    ColormapScale(double lower, double upper, ColormapTable table) {
        this.lower = lower;
        this.upper = upper > lower ? upper : lower + 1;
        this.table = table;
    }

    @Override
    public double getLowerBound() {
        return lower;
    }

    @Override
    public double getUpperBound() {
        return upper;
    }

    @Override
    public Paint getPaint(double value) {
        return new Color(table.argb((value - lower) / (upper - lower)));
    }

    /** Black or white, whichever reads on the colour of {@code value}. */
    Color textOn(double value) {
        return ColormapTable.luminance(table.argb((value - lower) / (upper - lower))) > 0.3 ? Color.BLACK : Color.WHITE;
    }
}
