package org.mlaan.lab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** Charts as vector figures keep what a slide needs: title, legend, axis labels, at the size asked. */
class VectorChartsTest {
    @TempDir
    Path tmp;

    private static JFreeChart chart() {
        XYSeries s = new XYSeries("DGL+MLAAN");
        s.add(1, 80.0);
        s.add(6, 38.4);
        return ChartFactory.createXYLineChart("Test error per epoch", "epoch", "test top-1 error (%)",
                new XYSeriesCollection(s));
    }

    @Test
    void anSvgIsWellFormedAtItsSizeAndCarriesTheChartsWords() throws Exception {
        Path file = tmp.resolve("error.svg");
        VectorCharts.write(chart(), 640, 400, VectorCharts.Kind.SVG, file);

        DocumentBuilderFactory xml = DocumentBuilderFactory.newInstance();
        // The file names SVG 1.0's DTD; nothing is fetched (no network here, and none is needed to read it).
        xml.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document svg = xml.newDocumentBuilder().parse(file.toFile());
        assertEquals("svg", svg.getDocumentElement().getTagName());
        assertEquals(640.0, Double.parseDouble(svg.getDocumentElement().getAttribute("width")));
        assertEquals(400.0, Double.parseDouble(svg.getDocumentElement().getAttribute("height")));
        assertTrue(svg.getElementsByTagName("text").getLength() > 0, "words as text, not as outlines");
        String text = svg.getDocumentElement().getTextContent();
        // (The rotated value-axis label is drawn as outlines by JFreeChart's rotated text.)
        for (String words : new String[] {"Test error per epoch", "DGL+MLAAN", "epoch"}) {
            assertTrue(text.contains(words), words + " in " + text);
        }
    }

    @Test
    void aPdfIsOnePageOfTheChartTitledLikeIt() throws IOException {
        Path file = tmp.resolve("error.pdf");
        VectorCharts.write(chart(), 640, 400, VectorCharts.Kind.PDF, file);

        String pdf = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        assertTrue(pdf.startsWith("%PDF-"), pdf.substring(0, 8));
        assertTrue(pdf.contains("/Title (Test error per epoch)"), "the document's title");
        assertTrue(pdf.contains("/MediaBox [0.0 0.0 640.0 400.0]"), "one page of the chart's size");
        assertTrue(pdf.contains("/Count 1"), "one page");
        assertTrue(pdf.contains("/Font"), "words as text in a font (selectable on a slide), not as outlines");
        assertTrue(pdf.trim().endsWith("%%EOF"));
    }

    @Test
    void noSizeNoFile() {
        assertThrows(IllegalArgumentException.class,
                () -> VectorCharts.write(chart(), 0, 400, VectorCharts.Kind.SVG, tmp.resolve("x.svg")));
        assertTrue(Files.notExists(tmp.resolve("x.svg")));
    }
}
