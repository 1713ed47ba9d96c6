package org.mlaan.lab.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.pdf.PDFDocument;
import org.jfree.pdf.PDFGraphics2D;
import org.jfree.pdf.PDFHints;
import org.jfree.pdf.Page;
import org.jfree.svg.SVGGraphics2D;
import org.mlaan.lab.core.io.AtomicFiles;

/**
 * A chart as a vector figure for slides and papers (issue 14, item 4): SVG through JFreeSVG, PDF
 * through JFreePDF, drawn by the chart itself, so its title, legend and axis labels come along
 * and scale without blurring. Written atomically, like every file the lab writes.
 */
public final class VectorCharts {
    private VectorCharts() {}

    /** The file kinds this class writes, by extension. */
    public enum Kind {
        SVG("svg", "SVG image"),
        PDF("pdf", "PDF document");

        private final String extension;
        private final String description;

        Kind(String extension, String description) {
            this.extension = extension;
            this.description = description;
        }

        public String extension() {
            return extension;
        }

        public String description() {
            return description;
        }
    }

    /** Writes {@code chart} drawn at {@code width} x {@code height} points as {@code kind}. */
    public static void write(JFreeChart chart, int width, int height, Kind kind, Path file) throws IOException {
        String title = chart.getTitle() == null ? "MLAAN Lab figure" : chart.getTitle().getText();
        write(new Figure(title, width, height, List.of(new Part.Chart(chart, new Rectangle(0, 0, width, height)))),
                kind, file);
    }

    /**
     * A figure of several parts (the lesson's: curves, matrix, feature maps and caption), each at
     * its place in points; charts stay vectors, pictures are embedded as they are.
     */
    public record Figure(String title, int width, int height, List<Part> parts) {
        public Figure {
            if (width < 1 || height < 1) {
                throw new IllegalArgumentException("a figure needs a positive size, got " + width + "x" + height);
            }
            parts = List.copyOf(parts);
        }

        /** Draws every part onto {@code g}: the same drawing for SVG, PDF and PNG. */
        public void draw(Graphics2D g) {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            for (Part p : parts) {
                p.draw(g);
            }
        }

        /** The figure as a picture, {@code scale} pixels per point (PNG export). */
        public BufferedImage picture(double scale) {
            BufferedImage image = new BufferedImage((int) Math.ceil(width * scale), (int) Math.ceil(height * scale),
                    BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.scale(scale, scale);
            draw(g);
            g.dispose();
            return image;
        }
    }

    /** One part of a {@link Figure}. */
    public sealed interface Part {
        void draw(Graphics2D g);

        /** A chart drawn by itself in {@code area}: title, legend and axis labels included. */
        record Chart(JFreeChart chart, Rectangle2D area) implements Part {
            @Override
            public void draw(Graphics2D g) {
                chart.draw(g, area);
            }
        }

        /** A picture (feature maps, say) scaled into {@code area}. */
        record Picture(BufferedImage image, Rectangle2D area) implements Part {
            @Override
            public void draw(Graphics2D g) {
                g.drawImage(image, (int) area.getX(), (int) area.getY(), (int) area.getWidth(), (int) area.getHeight(),
                        null);
            }
        }

        /** Lines of text from {@code (x, y)} (the first line's baseline), wrapped at {@code width}. */
        record Text(String text, Font font, Color colour, double x, double y, double width) implements Part {
            @Override
            public void draw(Graphics2D g) {
                g.setFont(font);
                g.setColor(colour);
                java.awt.FontMetrics m = g.getFontMetrics();
                double line = y;
                StringBuilder current = new StringBuilder();
                for (String word : text.split(" ")) {
                    String next = current.length() == 0 ? word : current + " " + word;
                    if (m.stringWidth(next) > width && current.length() > 0) {
                        g.drawString(current.toString(), (float) x, (float) line);
                        line += m.getHeight();
                        current = new StringBuilder(word);
                    } else {
                        current = new StringBuilder(next);
                    }
                }
                if (current.length() > 0) {
                    g.drawString(current.toString(), (float) x, (float) line);
                }
            }
        }
    }

    /** Writes {@code figure} as {@code kind}. */
    public static void write(Figure figure, Kind kind, Path file) throws IOException {
        Rectangle area = new Rectangle(0, 0, figure.width(), figure.height());
        switch (kind) {
            case SVG -> {
                SVGGraphics2D g = new SVGGraphics2D(figure.width(), figure.height());
                figure.draw(g);
                AtomicFiles.write(file, out -> out.write(g.getSVGDocument().getBytes(StandardCharsets.UTF_8)));
            }
            case PDF -> {
                PDFDocument pdf = new PDFDocument();
                pdf.setTitle(figure.title());
                pdf.setAuthor("MLAAN Lab");
                Page page = pdf.createPage(area);
                PDFGraphics2D g = page.getGraphics2D();
                // Words as text in a font, so they stay selectable and searchable on a slide.
                g.setRenderingHint(PDFHints.KEY_DRAW_STRING_TYPE, PDFHints.VALUE_DRAW_STRING_TYPE_STANDARD);
                figure.draw(g);
                AtomicFiles.write(file, out -> out.write(pdf.getPDFBytes()));
            }
            default -> throw new IllegalStateException("no writer for " + kind);
        }
    }
}
