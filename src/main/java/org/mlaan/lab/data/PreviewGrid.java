package org.mlaan.lab.data;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Writes a PNG contact sheet of a data set: one row per class with its name at the left and the
 * first few images of that class, each enlarged by whole pixels (nearest neighbour, so what one
 * sees is exactly what the network gets). Uses only Java2D and ImageIO, so it works headless.
 */
public final class PreviewGrid {
    /** Pixels between cells and around the sheet. */
    public static final int GAP = 4;
    private static final Color BACKGROUND = new Color(0x20, 0x22, 0x26);
    private static final Color EMPTY = new Color(0x30, 0x33, 0x38);
    private static final Color TEXT = new Color(0xE8, 0xE8, 0xE8);

    private PreviewGrid() {}

    /** Where things are on a written sheet. */
    public record Layout(int labelWidth, int scale, int cellWidth, int cellHeight, int columns, int rows) {
        /** Left edge of column {@code col}'s cells. */
        public int cellLeft(int col) {
            return labelWidth + GAP + col * (cellWidth + GAP);
        }

        /** Top edge of row {@code row}'s cells. */
        public int cellTop(int row) {
            return GAP + row * (cellHeight + GAP);
        }

        public int width() {
            return cellLeft(columns);
        }

        public int height() {
            return cellTop(rows);
        }
    }

    /** Enlargement that brings an image to about 96 pixels, at least 1. */
    public static int defaultScale(ImageSet set) {
        return Math.max(1, 96 / Math.max(set.height(), set.width()));
    }

    /** A sheet of {@code perClass} images per class at {@link #defaultScale}. */
    public static Layout write(ImageSet set, Path png, int perClass) throws IOException {
        return write(set, png, perClass, defaultScale(set));
    }

    /** A sheet of {@code perClass} images per class, each enlarged {@code scale} times. */
    public static Layout write(ImageSet set, Path png, int perClass, int scale) throws IOException {
        if (perClass <= 0 || scale <= 0) {
            throw new IllegalArgumentException("need at least one image per class and a positive scale, got "
                    + perClass + " and " + scale);
        }
        if (set.channels() != 3 && set.channels() != 1) {
            throw new IllegalArgumentException("can preview grey or RGB images, not " + set.channels()
                    + " channels");
        }
        List<List<Integer>> chosen = firstOfEachClass(set, perClass);
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
        int labelWidth = GAP + labelWidth(set.classNames(), font) + GAP;
        Layout layout = new Layout(labelWidth, scale, set.width() * scale, set.height() * scale,
                perClass, set.numClasses());
        BufferedImage sheet = new BufferedImage(layout.width(), layout.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = sheet.createGraphics();
        try {
            g.setColor(BACKGROUND);
            g.fillRect(0, 0, layout.width(), layout.height());
            for (int row = 0; row < set.numClasses(); row++) {
                drawLabel(g, font, set.classNames().get(row), layout, row);
                for (int col = 0; col < perClass; col++) {
                    int left = layout.cellLeft(col);
                    int top = layout.cellTop(row);
                    if (col < chosen.get(row).size()) {
                        paint(sheet, set, chosen.get(row).get(col), left, top, scale);
                    } else {
                        g.setColor(EMPTY);
                        g.fillRect(left, top, layout.cellWidth(), layout.cellHeight());
                    }
                }
            }
        } finally {
            g.dispose();
        }
        Path parent = png.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (!ImageIO.write(sheet, "png", png.toFile())) {
            throw new IOException(png + ": no PNG writer available");
        }
        return layout;
    }

    private static List<List<Integer>> firstOfEachClass(ImageSet set, int perClass) {
        List<List<Integer>> chosen = new ArrayList<>();
        for (int c = 0; c < set.numClasses(); c++) {
            chosen.add(new ArrayList<>());
        }
        for (int i = 0; i < set.size(); i++) {
            List<Integer> row = chosen.get(set.label(i));
            if (row.size() < perClass) {
                row.add(i);
            }
        }
        return chosen;
    }

    private static void paint(BufferedImage sheet, ImageSet set, int index, int left, int top, int scale) {
        boolean grey = set.channels() == 1;
        for (int y = 0; y < set.height(); y++) {
            for (int x = 0; x < set.width(); x++) {
                int r = set.pixel(index, 0, y, x);
                int g = grey ? r : set.pixel(index, 1, y, x);
                int b = grey ? r : set.pixel(index, 2, y, x);
                int rgb = (r << 16) | (g << 8) | b;
                for (int dy = 0; dy < scale; dy++) {
                    for (int dx = 0; dx < scale; dx++) {
                        sheet.setRGB(left + x * scale + dx, top + y * scale + dy, rgb);
                    }
                }
            }
        }
    }

    /**
     * Width of the longest class name. A JVM without any font (a bare server image) cannot
     * measure or draw text; the sheet is still useful without names, so that is not an error.
     */
    private static int labelWidth(List<String> names, Font font) {
        try {
            BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = probe.createGraphics();
            try {
                FontMetrics m = g.getFontMetrics(font);
                int widest = 0;
                for (String n : names) {
                    widest = Math.max(widest, m.stringWidth(n));
                }
                return widest;
            } finally {
                g.dispose();
            }
        } catch (RuntimeException | InternalError | LinkageError e) {
            return 0;
        }
    }

    private static void drawLabel(Graphics2D g, Font font, String name, Layout layout, int row) {
        if (layout.labelWidth() <= 2 * GAP) {
            return;
        }
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(font);
            g.setColor(TEXT);
            FontMetrics m = g.getFontMetrics();
            int baseline = layout.cellTop(row) + (layout.cellHeight() + m.getAscent() - m.getDescent()) / 2;
            g.drawString(name, GAP, baseline);
        } catch (RuntimeException | InternalError | LinkageError e) {
            // See labelWidth: names are a convenience on the sheet.
        }
    }
}
