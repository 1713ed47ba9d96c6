package org.mlaan.lab.ui.network;

/**
 * Sizes of the network strip, in pixels: the normal set and a larger one for a projector.
 * Rows from the top: stage labels, the leap arcs, the unit tiles, the module bands.
 */
record StripMetrics(double minTile, double maxTile, double gap, double tileHeight, double stageRow, double arcZone,
        double bandGap, double bandHeight, double pad, double compactModuleWidth) {

    static final StripMetrics NORMAL = new StripMetrics(58, 116, 14, 52, 22, 70, 8, 80, 8, 118);
    static final StripMetrics PRESENTATION = new StripMetrics(84, 170, 20, 60, 26, 52, 6, 84, 6, 190);

    static StripMetrics of(boolean presentation) {
        return presentation ? PRESENTATION : NORMAL;
    }

    double tileTop() {
        return stageRow + arcZone;
    }

    double bandTop() {
        return tileTop() + tileHeight + bandGap;
    }

    double height() {
        return bandTop() + bandHeight + pad;
    }

    /** Tile width for {@code units} tiles in {@code width} pixels: as wide as fits, within the limits. */
    double tileWidth(int units, double width) {
        double fit = (width - 2 * pad - (units - 1) * gap) / units;
        return Math.max(minTile, Math.min(maxTile, fit));
    }
}
