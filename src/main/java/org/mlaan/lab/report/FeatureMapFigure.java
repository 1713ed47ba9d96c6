package org.mlaan.lab.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import org.mlaan.lab.analysis.result.FeatureMapPanel;
import org.mlaan.lab.core.color.ColormapTable;
import org.mlaan.lab.core.run.FeatureMaps;

/**
 * The Figure 4 comparison of the MLAAN paper as one picture: a row per run, a column per test
 * image, each cell the image as the network saw it and, beside it, the mean over channels of the
 * chosen unit's output as a viridis heatmap (each map scaled from its own minimum, dark, to its
 * own maximum, bright). Runs are matched by the images' test-set indices, so every column shows
 * the same image. Pure AWT, so the report can draw it without a window.
 */
public final class FeatureMapFigure {
    static final int CELL = 80;
    static final int GAP = 6;
    static final int COLUMN_GAP = 16;
    static final int LABEL_WIDTH = 190;
    static final int TITLE_HEIGHT = 28;
    static final int HEADER_HEIGHT = 22;
    static final int ROW_GAP = 10;
    private static final Color TEXT = new Color(0x33, 0x38, 0x3F);
    private static final Color MUTED = new Color(0x8a, 0x90, 0x99);

    private FeatureMapFigure() {}

    /** The figure of {@code panels} at {@code unit}, its columns the images of the first panel. */
    public static BufferedImage draw(List<FeatureMapPanel> panels, String unit) {
        List<FeatureMaps.Image> images = panels.isEmpty() ? List.of() : panels.get(0).maps().images();
        int width = LABEL_WIDTH + Math.max(1, images.size()) * (2 * CELL + GAP + COLUMN_GAP);
        int height = TITLE_HEIGHT + HEADER_HEIGHT + Math.max(1, panels.size()) * (CELL + ROW_GAP);
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setColor(TEXT);
            g.setFont(new Font("SansSerif", Font.BOLD, 14));
            g.drawString("Feature maps at unit " + unit + ": each image, then the mean over channels", 8, 19);
            g.setFont(new Font("SansSerif", Font.PLAIN, 11));
            for (int col = 0; col < images.size(); col++) {
                FeatureMaps.Image im = images.get(col);
                Rectangle cell = imageCell(0, col);
                g.setColor(TEXT);
                g.drawString(fit(g, im.className() + " (test #" + im.testIndex() + ")", 2 * CELL + GAP),
                        cell.x, TITLE_HEIGHT + 15);
            }
            for (int row = 0; row < panels.size(); row++) {
                FeatureMapPanel p = panels.get(row);
                Rectangle first = imageCell(row, 0);
                g.setColor(MethodColors.of(p.method()));
                g.fillRect(8, first.y, 4, CELL);
                g.setColor(TEXT);
                g.setFont(new Font("SansSerif", Font.BOLD, 12));
                g.drawString(fit(g, p.method().label(), LABEL_WIDTH - 24), 18, first.y + 16);
                g.setFont(new Font("SansSerif", Font.PLAIN, 11));
                g.drawString(fit(g, p.run(), LABEL_WIDTH - 24), 18, first.y + 32);
                g.setColor(MUTED);
                g.drawString("epoch " + (p.maps().epoch() + 1) + ", step " + p.maps().globalStep(), 18, first.y + 48);
                int u = p.maps().unitIndex(unit);
                for (int col = 0; col < images.size(); col++) {
                    FeatureMaps.Image im = find(p.maps(), images.get(col).testIndex());
                    Rectangle ic = imageCell(row, col);
                    Rectangle hc = heatmapCell(row, col);
                    if (im == null || u < 0 || u >= im.maps().size()) {
                        g.setColor(new Color(0xf0, 0xf1, 0xf3));
                        g.fillRect(ic.x, ic.y, ic.width + GAP + hc.width, ic.height);
                        g.setColor(MUTED);
                        g.drawString(im == null ? "image not tapped" : "unit not tapped", ic.x + 6, ic.y + CELL / 2);
                        continue;
                    }
                    drawScaled(g, rgb(im), ic);
                    FeatureMaps.UnitMap map = im.maps().get(u);
                    drawScaled(g, heatmap(map.channelMean(), map.height(), map.width()), hc);
                }
            }
        } finally {
            g.dispose();
        }
        return out;
    }

    /** Where the image of run {@code row}, column {@code col} is drawn. */
    static Rectangle imageCell(int row, int col) {
        return new Rectangle(LABEL_WIDTH + col * (2 * CELL + GAP + COLUMN_GAP),
                TITLE_HEIGHT + HEADER_HEIGHT + row * (CELL + ROW_GAP), CELL, CELL);
    }

    /** Where its heatmap is drawn, right of the image. */
    static Rectangle heatmapCell(int row, int col) {
        Rectangle r = imageCell(row, col);
        return new Rectangle(r.x + CELL + GAP, r.y, CELL, CELL);
    }

    /** The values as viridis colours, each scaled from the map's minimum to its maximum. */
    static BufferedImage heatmap(float[] values, int height, int width) {
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        for (float v : values) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        double span = hi > lo ? hi - lo : 1;
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                img.setRGB(x, y, ColormapTable.VIRIDIS.argb((values[y * width + x] - lo) / span));
            }
        }
        return img;
    }

    private static BufferedImage rgb(FeatureMaps.Image im) {
        BufferedImage img = new BufferedImage(im.width(), im.height(), BufferedImage.TYPE_INT_RGB);
        float[] v = im.rgb();
        for (int y = 0; y < im.height(); y++) {
            for (int x = 0; x < im.width(); x++) {
                int i = 3 * (y * im.width() + x);
                img.setRGB(x, y, byteOf(v[i]) << 16 | byteOf(v[i + 1]) << 8 | byteOf(v[i + 2]));
            }
        }
        return img;
    }

    private static int byteOf(float v) {
        return Math.max(0, Math.min(255, Math.round(v * 255)));
    }

    /** Nearest-neighbour scaling: a map of 8x8 positions shows its 64 cells, not a blur. */
    private static void drawScaled(Graphics2D g, BufferedImage img, Rectangle to) {
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        g.drawImage(img, to.x, to.y, to.width, to.height, null);
    }

    private static FeatureMaps.Image find(FeatureMaps maps, int testIndex) {
        return maps.images().stream().filter(i -> i.testIndex() == testIndex).findFirst().orElse(null);
    }

    private static String fit(Graphics2D g, String text, int width) {
        FontMetrics fm = g.getFontMetrics();
        if (fm.stringWidth(text) <= width) {
            return text;
        }
        String t = text;
        while (t.length() > 1 && fm.stringWidth(t + "…") > width) {
            t = t.substring(0, t.length() - 1);
        }
        return t + "…";
    }
}
