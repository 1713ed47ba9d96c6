package org.mlaan.lab.ui.train;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.plot.XYPlot;

/**
 * The lab's chart look on top of JFreeChart's defaults: white plot, light grid, no frames, fonts
 * and line widths that grow in presentation mode so a projector's back row can read them.
 */
final class ChartLook {
    static final Color GRID = new Color(0xE3, 0xE6, 0xEA);
    static final Color TEXT = new Color(0x33, 0x38, 0x3F);
    static final Color MUTED = new Color(0x6B, 0x72, 0x7B);
    private static final String FONT = "SansSerif";

    private ChartLook() {}

    /** Sets up a new chart's plot, axes and legend in the lab's look. */
    static void prepare(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setPadding(new RectangleInsets(4, 4, 2, 8));
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setDomainGridlineStroke(new BasicStroke(1f));
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        // An empty chart says why it is empty instead of showing bare axes (issue 15).
        plot.setNoDataMessage("No step yet: the curves start with the run's first step");
        plot.setNoDataMessagePaint(TEXT);
        styleAxis(plot.getDomainAxis());
        styleAxis(plot.getRangeAxis());
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setFrame(BlockBorder.NONE);
            legend.setBackgroundPaint(Color.WHITE);
            legend.setItemPaint(TEXT);
            legend.setPosition(RectangleEdge.BOTTOM);
        }
    }

    /** Colours of an axis (a replaced axis needs them too). */
    static void styleAxis(ValueAxis axis) {
        axis.setAxisLinePaint(MUTED);
        axis.setTickMarkPaint(MUTED);
        axis.setLabelPaint(MUTED);
        axis.setTickLabelPaint(TEXT);
    }

    /** Fonts for normal or presentation size; the horizontal axis is named {@code xLabel}. */
    static void applyFonts(JFreeChart chart, boolean presentation, String xLabel) {
        float scale = presentation ? 1.45f : 1f;
        TextTitle title = chart.getTitle();
        if (title != null) {
            title.setFont(new Font(FONT, Font.BOLD, Math.round(13 * scale)));
            title.setPaint(TEXT);
        }
        XYPlot plot = chart.getXYPlot();
        plot.setNoDataMessageFont(new Font(FONT, Font.PLAIN, Math.round(12 * scale)));
        for (ValueAxis axis : new ValueAxis[] {plot.getDomainAxis(), plot.getRangeAxis()}) {
            axis.setLabelFont(new Font(FONT, Font.PLAIN, Math.round(11 * scale)));
            axis.setTickLabelFont(new Font(FONT, Font.PLAIN, Math.round(11 * scale)));
        }
        // Ticks say it is steps or a clock; on a projector the plot needs the line more.
        plot.getDomainAxis().setLabel(presentation ? null : xLabel);
        if (chart.getLegend() != null) {
            chart.getLegend().setItemFont(new Font(FONT, Font.PLAIN, Math.round(11 * scale)));
        }
    }

    /** The renderer settings of series {@code i}. */
    static void applyStyle(XYLineAndShapeRenderer renderer, int i, SeriesStyle style, boolean presentation) {
        float width = style.width() * (presentation ? 2.2f : 1f);
        BasicStroke stroke = style.dashed()
                ? new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
                        new float[] {6 * width, 4 * width}, 0f)
                : new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
        renderer.setSeriesPaint(i, style.color());
        renderer.setSeriesStroke(i, stroke);
        renderer.setSeriesShapesVisible(i, style.shapes());
        if (style.shapes()) {
            double d = presentation ? 9 : 5;
            renderer.setSeriesShape(i, new Ellipse2D.Double(-d / 2, -d / 2, d, d));
        }
    }
}
