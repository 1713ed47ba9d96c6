package org.mlaan.lab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYZDataset;
import org.junit.jupiter.api.Test;
import org.mlaan.lab.analysis.AblationMatrices;
import org.mlaan.lab.analysis.EpochBudgets;
import org.mlaan.lab.analysis.RunFixtures;
import org.mlaan.lab.analysis.result.AblationMatrix;
import org.mlaan.lab.core.color.ColormapTable;
import org.mlaan.lab.core.config.Method;

class ReportChartsTest {
    private static final double EPS = 1e-9;

    /** Distinct colours in the picture: a blank (all white) chart has one. */
    private static int colours(JFreeChart chart) {
        BufferedImage img = chart.createBufferedImage(640, 420);
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                seen.add(img.getRGB(x, y));
            }
        }
        return seen.size();
    }

    private static boolean hasAnnotation(XYPlot plot, String text) {
        return plot.getAnnotations().stream().anyMatch(a -> a instanceof XYTextAnnotation t && t.getText().equals(text));
    }

    @Test
    void testErrorCurvesHaveOneLinePerRunInPercentSkippingUnevaluatedEpochs() {
        JFreeChart chart = ReportCharts.testErrorCurves(List.of(
                RunFixtures.completed("a", Method.BP, 1, 0.5, Double.NaN, 0.25),
                RunFixtures.completed("b", Method.DGL_MLAAN, 1, 0.6, 0.4)));
        XYDataset d = chart.getXYPlot().getDataset();
        assertEquals(2, d.getSeriesCount());
        assertEquals(2, d.getItemCount(0), "the NaN epoch is skipped");
        assertEquals(3.0, d.getXValue(0, 1), EPS, "epochs count from 1");
        assertEquals(25.0, d.getYValue(0, 1), EPS);
        assertEquals(MethodColors.of(Method.DGL_MLAAN), chart.getXYPlot().getRenderer().getSeriesPaint(1));
        assertEquals("epoch", chart.getXYPlot().getDomainAxis().getLabel());
        assertTrue(colours(chart) > 20);
    }

    @Test
    void ablationMatrixColoursEachCellByItsMeanBestErrorAndLabelsMeanAndSpread() {
        AblationMatrix m = AblationMatrices.from(List.of(
                RunFixtures.completed("bp1", Method.BP, 1, 0.10), RunFixtures.completed("bp2", Method.BP, 2, 0.12),
                RunFixtures.completed("d1", Method.DGL, 1, 0.30), RunFixtures.completed("d2", Method.DGL, 2, 0.34),
                RunFixtures.completed("m1", Method.DGL_MLAAN, 1, 0.20)));
        JFreeChart chart = ReportCharts.ablationMatrix(m);
        XYPlot plot = chart.getXYPlot();
        XYZDataset d = (XYZDataset) plot.getDataset();
        assertEquals(3, d.getItemCount(0), "DGL, DGL+MLAAN and BP have runs");
        assertEquals(0.0, d.getXValue(0, 0), EPS);
        assertEquals(32.0, d.getZValue(0, 0), EPS, "DGL: mean of 30 and 34 %");
        assertEquals(1.0, d.getXValue(0, 1), EPS, "DGL+MLAAN: LAM on");
        assertEquals(1.0, d.getYValue(0, 1), EPS, "DGL+MLAAN: MLM on");
        assertEquals(2.0, d.getXValue(0, 2), EPS, "BP beside the matrix");
        String spread = String.format(java.util.Locale.ROOT, "best 32.00 ± %.2f %%", 100 * Math.sqrt(2 * 0.02 * 0.02));
        assertTrue(hasAnnotation(plot, spread), "DGL's label");
        assertTrue(hasAnnotation(plot, "best 11.00 ± 1.41 %"), "BP's label");
        assertTrue(hasAnnotation(plot, "no runs"), "DGL+MLM and DGL+LAM are empty");

        // The best cell (BP, 11 %) is drawn in the colormap's low end, the worst (DGL, 32 %) in its high end.
        ChartRenderingInfo info = new ChartRenderingInfo();
        BufferedImage img = chart.createBufferedImage(700, 420, info);
        Rectangle2D area = info.getPlotInfo().getDataArea();
        int bp = img.getRGB((int) plot.getDomainAxis().valueToJava2D(2.4, area, RectangleEdge.BOTTOM),
                (int) plot.getRangeAxis().valueToJava2D(0.4, area, RectangleEdge.LEFT));
        int dgl = img.getRGB((int) plot.getDomainAxis().valueToJava2D(0.4, area, RectangleEdge.BOTTOM),
                (int) plot.getRangeAxis().valueToJava2D(-0.4, area, RectangleEdge.LEFT));
        assertEquals(new Color(ColormapTable.VIRIDIS.argb(0)), new Color(bp));
        assertEquals(new Color(ColormapTable.VIRIDIS.argb(1)), new Color(dgl));
    }

    @Test
    void epochBudgetsAreBarsPerMethodGroupedByBudget() {
        JFreeChart chart = ReportCharts.epochBudgets(EpochBudgets.from(List.of(
                RunFixtures.completed("d4", Method.DGL, 1, 0.5, 0.4, 0.3, 0.2),
                RunFixtures.completed("m2a", Method.DGL_MLAAN, 1, 0.5, 0.3),
                RunFixtures.completed("m2b", Method.DGL_MLAAN, 2, 0.5, 0.1))));
        CategoryPlot plot = chart.getCategoryPlot();
        var d = plot.getDataset();
        assertEquals(2, d.getRowCount(), "two methods");
        assertEquals(List.of("2 epochs", "4 epochs"), d.getColumnKeys());
        assertEquals(20.0, d.getValue("DGL+MLAAN", "2 epochs").doubleValue(), EPS);
        assertEquals(20.0, d.getValue("DGL", "4 epochs").doubleValue(), EPS);
        assertEquals(null, d.getValue("DGL", "2 epochs"));
        assertTrue(colours(chart) > 10);
    }

    @Test
    void separabilityHasOneLinePerRunAtEachModulesDepth() {
        JFreeChart chart = ReportCharts.separability(List.of(
                ReportFixtures.separability("bp", Method.BP, 0.4, 0.6, 0.8),
                ReportFixtures.separability("mlaan", Method.DGL_MLAAN, 0.5, 0.7, 0.75)));
        XYDataset d = chart.getXYPlot().getDataset();
        assertEquals(2, d.getSeriesCount());
        assertEquals(9.0, d.getXValue(1, 2), EPS);
        assertEquals(75.0, d.getYValue(1, 2), EPS);
        assertTrue(colours(chart) > 20);
    }

    @Test
    void similarityLinesPlaceUnitsInNetworkOrder() {
        var r = ReportFixtures.similarity("dgl", Method.DGL);
        var later = new org.mlaan.lab.analysis.result.SimilarityResult("m", Method.DGL_MLAAN, "bp-run",
                List.of("stem", "2.2", "3.2"), new double[] {1, 0.5, 0.2}, new double[3][3], 10);
        JFreeChart chart = ReportCharts.similarityLines(List.of(r, later));
        assertEquals(List.of("stem", "1.2", "2.2", "3.2"), ReportCharts.unitOrder(List.of(r, later)));
        XYDataset d = chart.getXYPlot().getDataset();
        assertEquals(1.0, d.getXValue(0, 0), EPS, "1.2 is the second unit");
        assertEquals(0.0, d.getXValue(1, 0), EPS, "stem first");
        assertEquals(0.6, d.getYValue(0, 1), EPS);
        assertTrue(colours(chart) > 20);
    }

    @Test
    void similarityHeatmapHoldsEveryPairWithRunUnitsOnRows() {
        JFreeChart chart = ReportCharts.similarityHeatmap(ReportFixtures.similarity("dgl", Method.DGL));
        XYZDataset d = (XYZDataset) chart.getXYPlot().getDataset();
        assertEquals(9, d.getItemCount(0));
        // item (i=1, j=0): x = reference unit 0, y = run unit 1, value allPairs[1][0]
        assertEquals(0.0, d.getXValue(0, 3), EPS);
        assertEquals(1.0, d.getYValue(0, 3), EPS);
        assertEquals(0.4, d.getZValue(0, 3), EPS);
        assertTrue(hasAnnotation(chart.getXYPlot(), "0.40"));
        assertTrue(colours(chart) > 20);
    }

    @Test
    void memoryBarsAreInMebibytesColouredByMethod() {
        JFreeChart chart = ReportCharts.memoryBars(ReportFixtures.memory());
        CategoryPlot plot = chart.getCategoryPlot();
        var d = plot.getDataset();
        assertEquals(2, d.getRowCount(), "live and process peak");
        assertEquals(List.of("BP", "DGL+MLAAN (resnet32-k16)"), d.getColumnKeys());
        assertEquals(300.0, d.getValue(0, 0).doubleValue(), EPS);
        assertEquals(600.0, d.getValue(1, 1).doubleValue(), EPS);
        assertEquals(MethodColors.of(Method.DGL_MLAAN), plot.getRenderer().getItemPaint(0, 1));
        assertEquals("memory (MiB)", plot.getRangeAxis().getLabel());
        assertTrue(colours(chart) > 10);
    }
}
