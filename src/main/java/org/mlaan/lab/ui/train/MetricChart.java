package org.mlaan.lab.ui.train;

import java.util.ArrayList;
import java.util.List;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.MenuItem;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.mlaan.lab.core.io.CsvCells;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeriesCollection;
import org.mlaan.lab.core.run.EpochMetrics;
import org.mlaan.lab.core.run.StepMetrics;

/**
 * One live chart of the Train tab: a JFreeChart in a {@link ChartViewer}, fed with batches of
 * steps and epochs. Feeding only appends to its curves with change events held back; the chart is
 * drawn when {@link #draw()} is called (by the redraw throttle of {@link TrainingCharts}), so a
 * run that steps fast costs one drawing per throttle tick, never one per step. The horizontal
 * axis counts steps or wall time ({@link ChartXAxis}); another run's curves can be laid behind the
 * chart's own ({@link #addGhosts}).
 */
abstract class MetricChart {
    /** More curves than this and the legend is left out: the colours say which module is which. */
    private static final int MAX_LEGEND_ITEMS = 8;

    protected final XYSeriesCollection dataset = new XYSeriesCollection();
    protected final XYPlot plot;
    protected final XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
    private final JFreeChart chart;
    private final ChartViewer viewer;
    private final List<Entry> curves = new ArrayList<>();
    private SeriesSmoothing smoothing = SeriesSmoothing.OFF;
    private boolean presentation;
    private boolean dirty;
    private boolean inBatch;
    private CheckMenuItem logScaleItem;
    private boolean logScaleChosen;
    private ChartXAxis xAxis = ChartXAxis.STEP;
    private String emptyMessage;

    MetricChart(String id, String title, NumberAxis rangeAxis) {
        rangeAxis.setAutoRangeIncludesZero(true);
        plot = new XYPlot(dataset, ChartXAxis.STEP.newAxis(), rangeAxis, renderer);
        chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        ChartLook.prepare(chart);
        ChartLook.applyFonts(chart, false, xAxis.toString());
        emptyMessage = plot.getNoDataMessage();
        viewer = new ChartViewer(chart);
        viewer.setId(id);
        viewer.getStyleClass().add("metric-chart");
        viewer.setMinSize(120, 90);
        viewer.setPrefSize(340, 240);
        MenuItem resetZoom = new MenuItem("Reset zoom");
        resetZoom.setOnAction(e -> {
            plot.getDomainAxis().setAutoRange(true);
            plot.getRangeAxis().setAutoRange(true);
        });
        // JFreeChart's own "Export As" writes non-atomically and duplicates the lab's "Export PNG...".
        viewer.getContextMenu().getItems().setAll(resetZoom);
    }

    /** Adds "Log scale" to the chart's menu; what the person picks there holds from then on. */
    protected void offerLogScale() {
        logScaleItem = new CheckMenuItem("Log scale");
        logScaleItem.setId(viewer.getId() + "-log-scale");
        logScaleItem.setOnAction(e -> {
            logScaleChosen = true;
            setLogScale(logScaleItem.isSelected());
        });
        viewer.getContextMenu().getItems().add(logScaleItem);
    }

    /** The scale this chart would pick itself; ignored once the person has chosen in the menu. */
    protected void suggestLogScale(boolean on) {
        if (!logScaleChosen && isLogScale() != on) {
            setLogScale(on);
        }
    }

    boolean isLogScale() {
        return plot.getRangeAxis() instanceof LogAxis;
    }

    /** A logarithmic value axis, or back to a linear one from zero. */
    void setLogScale(boolean on) {
        if (logScaleItem != null) {
            logScaleItem.setSelected(on);
        }
        String label = plot.getRangeAxis().getLabel();
        ValueAxis axis;
        if (on) {
            LogAxis log = new LogAxis(label);
            log.setSmallestValue(1e-6);
            // Labels at whole decades only (0.001, 0.01, 0.1, 1), minor ticks between.
            log.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
            log.setMinorTickCount(9);
            log.setMinorTickMarksVisible(true);
            log.setNumberFormatOverride(new DecimalFormat("0.####", DecimalFormatSymbols.getInstance(Locale.ROOT)));
            axis = log;
        } else {
            NumberAxis linear = new NumberAxis(label);
            linear.setAutoRangeIncludesZero(true);
            axis = linear;
        }
        ChartLook.styleAxis(axis);
        plot.setRangeAxis(axis);
        ChartLook.applyFonts(chart, presentation, xAxis.toString());
    }

    ChartViewer viewer() {
        return viewer;
    }

    /** Counts the horizontal axis in steps or wall time from the next feed on. */
    void setXAxis(ChartXAxis a) {
        if (a == xAxis) {
            return;
        }
        xAxis = a;
        NumberAxis axis = a.newAxis();
        ChartLook.styleAxis(axis);
        plot.setDomainAxis(axis);
        ChartLook.applyFonts(chart, presentation, xAxis.toString());
    }

    ChartXAxis xAxis() {
        return xAxis;
    }

    /** Where a step sits on the horizontal axis now. */
    protected double x(StepMetrics s) {
        return xAxis.of(s);
    }

    /** What the empty chart says (this chart's own words until a notice replaces them). */
    protected void setEmptyMessage(String message) {
        emptyMessage = message;
        plot.setNoDataMessage(message);
    }

    /** A notice the empty chart shows instead of its own words, e.g. why a source has no points on this axis; null: back. */
    void setNotice(String notice) {
        plot.setNoDataMessage(notice == null ? emptyMessage : notice);
    }

    /**
     * Adds the curves of {@code fed} (a chart of the same kind fed with another run) behind this
     * chart's own, faded, named with {@code label} (TensorBoard's overlaid runs). They stay until
     * {@link #removeGhosts()}.
     */
    void addGhosts(MetricChart fed, String label) {
        for (Entry e : List.copyOf(fed.curves)) {
            var from = e.curve().series();
            if (from.isEmpty()) {
                continue;
            }
            ChartCurve c = new ChartCurve(from.getKey() + " \u00b7 " + label, SeriesSmoothing.OFF);
            for (int i = 0; i < from.getItemCount(); i++) {
                c.series().add(from.getX(i), from.getY(i), false);
            }
            curves.add(new Entry(c, e.style().ghost(), false, true));
            dataset.addSeries(c.series());
        }
        restyle();
        dirty = true;
    }

    /** Removes the curves {@link #addGhosts} added. */
    void removeGhosts() {
        for (Entry e : List.copyOf(curves)) {
            if (e.ghost()) {
                curves.remove(e);
                dataset.removeSeries(e.curve().series());
            }
        }
        restyle();
        dirty = true;
    }

    /**
     * The data drawn, as CSV in long form: one row per point, {@code series,x,y} with the x axis's
     * name as the header's second column (as shown: smoothed where smoothing is on). Names are
     * written formula-safe ({@link CsvCells#text}), numbers as numbers.
     */
    String csv() {
        StringBuilder sb = new StringBuilder("series,").append(CsvCells.text(xAxis.csvName()))
                .append(',').append(CsvCells.text(plot.getRangeAxis().getLabel())).append('\n');
        for (int i = 0; i < dataset.getSeriesCount(); i++) {
            String name = CsvCells.text(String.valueOf(dataset.getSeriesKey(i)));
            var series = dataset.getSeries(i);
            for (int j = 0; j < series.getItemCount(); j++) {
                sb.append(name).append(',').append(CsvCells.number(series.getX(j).doubleValue())).append(',')
                        .append(CsvCells.number(series.getY(j).doubleValue())).append('\n');
            }
        }
        return sb.toString();
    }

    JFreeChart chart() {
        return chart;
    }

    /** Forgets everything shown (a new run, another run folder, another smoothing). */
    abstract void reset();

    /** Appends steps, in order. */
    abstract void addSteps(List<? extends StepMetrics> steps);

    /** Appends finished epochs, in order; their steps have been added before. */
    void addEpochs(List<? extends EpochMetrics> epochs) {}

    /** Smoothing for per-step curves from the next {@link #reset()} on. */
    void setSmoothing(SeriesSmoothing s) {
        smoothing = s;
    }

    SeriesSmoothing smoothing() {
        return smoothing;
    }

    /** Larger fonts and thicker lines, or back. */
    void setPresentation(boolean on) {
        presentation = on;
        boolean notify = chart.isNotify();
        chart.setNotify(false);
        ChartLook.applyFonts(chart, on, xAxis.toString());
        restyle();
        chart.setNotify(notify);
    }

    /** A new curve, at the end of the legend. {@code smoothed}: per-step data that smoothing applies to. */
    protected ChartCurve addCurve(String key, SeriesStyle style, boolean smoothed) {
        ChartCurve c = new ChartCurve(key, smoothed ? smoothing : SeriesSmoothing.OFF);
        if (inBatch) {
            c.beginBatch();
        }
        curves.add(new Entry(c, style, smoothed, false));
        dataset.addSeries(c.series());
        restyle();
        return c;
    }

    /** Removes one curve (a line that belongs to one source only). */
    protected void removeCurve(ChartCurve c) {
        curves.removeIf(e -> e.curve() == c);
        dataset.removeSeries(c.series());
        restyle();
        dirty = true;
    }

    /** Removes every curve. */
    protected void removeCurves() {
        curves.clear();
        dataset.removeAllSeries();
        dirty = true;
    }

    /** Clears every curve, keeping them in the legend; smoothed ones start anew with the current smoothing. */
    protected void clearCurves() {
        for (Entry e : curves) {
            if (!e.ghost()) {
                e.curve().clear(e.smoothed() ? smoothing : SeriesSmoothing.OFF);
            }
        }
        dirty = true;
    }

    /** Start of a feed: hold drawing and change events. */
    void beginBatch() {
        chart.setNotify(false);
        inBatch = true;
        curves.forEach(e -> e.curve().beginBatch());
    }

    /** End of a feed: one change event per curve (axes rescale); the drawing waits for {@link #draw()}. */
    void endBatch() {
        inBatch = false;
        curves.forEach(e -> e.curve().endBatch());
        dirty = true;
    }

    boolean isDirty() {
        return dirty;
    }

    /** Draws what was fed since the last drawing (no-op when nothing was). */
    void draw() {
        if (dirty) {
            dirty = false;
            chart.setNotify(true);
        }
    }

    private void restyle() {
        for (int i = 0; i < curves.size(); i++) {
            ChartLook.applyStyle(renderer, i, curves.get(i).style(), presentation);
        }
        if (chart.getLegend() != null) {
            chart.getLegend().setVisible(!curves.isEmpty() && curves.size() <= MAX_LEGEND_ITEMS);
        }
    }

    private record Entry(ChartCurve curve, SeriesStyle style, boolean smoothed, boolean ghost) {}
}
