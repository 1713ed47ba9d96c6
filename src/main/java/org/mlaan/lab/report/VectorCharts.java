package org.mlaan.lab.report;

import java.awt.Rectangle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("a figure needs a positive size, got " + width + "x" + height);
        }
        Rectangle area = new Rectangle(0, 0, width, height);
        switch (kind) {
            case SVG -> {
                SVGGraphics2D g = new SVGGraphics2D(width, height);
                chart.draw(g, area);
                AtomicFiles.write(file, out -> out.write(g.getSVGDocument().getBytes(StandardCharsets.UTF_8)));
            }
            case PDF -> {
                PDFDocument pdf = new PDFDocument();
                pdf.setTitle(chart.getTitle() == null ? "MLAAN Lab figure" : chart.getTitle().getText());
                pdf.setAuthor("MLAAN Lab");
                Page page = pdf.createPage(area);
                PDFGraphics2D g = page.getGraphics2D();
                // Words as text in a font, so they stay selectable and searchable on a slide.
                g.setRenderingHint(PDFHints.KEY_DRAW_STRING_TYPE, PDFHints.VALUE_DRAW_STRING_TYPE_STANDARD);
                chart.draw(g, area);
                AtomicFiles.write(file, out -> out.write(pdf.getPDFBytes()));
            }
            default -> throw new IllegalStateException("no writer for " + kind);
        }
    }
}
