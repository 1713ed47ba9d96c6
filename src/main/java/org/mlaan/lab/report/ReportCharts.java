package org.mlaan.lab.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.category.StatisticalBarRenderer;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.mlaan.lab.analysis.AblationMatrices;
import org.mlaan.lab.analysis.RunOutcome;
import org.mlaan.lab.analysis.result.AblationCell;
import org.mlaan.lab.analysis.result.AblationMatrix;
import org.mlaan.lab.analysis.result.EpochBudgetRow;
import org.mlaan.lab.analysis.result.MemoryRow;
import org.mlaan.lab.analysis.result.SeparabilityCurve;
import org.mlaan.lab.analysis.result.SeparabilityPoint;
import org.mlaan.lab.analysis.result.SimilarityResult;
import org.mlaan.lab.core.color.ColormapTable;
import org.mlaan.lab.core.config.Method;
import org.mlaan.lab.core.run.EpochMetrics;
import org.mlaan.lab.core.run.RunRecord;
import org.mlaan.lab.core.stats.Summary;

/**
 * The report's charts, each a {@link JFreeChart} built from analysis records: the HTML report
 * renders them to PNG, the lab window shows the same objects in a {@code ChartViewer}. Every chart
 * has a title and axis labels with units, and draws each method in its {@link MethodColors}
 * colour; where several runs share a method, the second and later are dashed.
 */
public final class ReportCharts {
    private static final Color GRID = new Color(0xE3, 0xE6, 0xEA);
    private static final Color TEXT = new Color(0x33, 0x38, 0x3F);
    private static final Color MUTED = new Color(0x6B, 0x72, 0x7B);
    private static final Font TITLE_FONT = new Font("SansSerif", Font.BOLD, 14);
    private static final Font CELL_FONT = new Font("SansSerif", Font.BOLD, 13);
    private static final Font SMALL_FONT = new Font("SansSerif", Font.PLAIN, 11);

    private ReportCharts() {}

    /** Test top-1 error (%) against epoch, one line per run; epochs without evaluation are skipped. */
    public static JFreeChart testErrorCurves(List<RunRecord> runs) {
        XYSeriesCollection data = new XYSeriesCollection();
        List<Method> methods = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (RunRecord run : runs) {
            Method m = run.config().methodOrDefault();
            XYSeries s = new XYSeries(uniqueKey(m.label() + " · " + RunOutcome.nameOf(run), keys), false, true);
            for (EpochMetrics e : run.epochs()) {
                if (!Double.isNaN(e.testTop1Error())) {
                    s.add(e.epoch() + 1, 100 * e.testTop1Error());
                }
            }
            data.addSeries(s);
            methods.add(m);
        }
        NumberAxis x = new NumberAxis("epoch");
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        NumberAxis y = new NumberAxis("test top-1 error (%)");
        y.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(data, x, y, lines(methods));
        return chart("Test error per epoch", plot, true);
    }

    /** One run of a lesson: its label on screen, its method (the colour) and its evaluated epochs. */
    public record LessonCurve(String label, Method method, List<EpochMetrics> epochs) {
        public LessonCurve {
            epochs = List.copyOf(epochs);
        }
    }

    /**
     * The lesson's curves (issue 14): test top-1 error (%) against images seen, one line per run
     * in its method's colour; the runs take turns, so their points line up.
     *
     * @param imagesPerEpoch training images of one epoch, the same for every run of a lesson
     */
    public static JFreeChart lessonCurves(List<LessonCurve> runs, int imagesPerEpoch) {
        XYSeriesCollection data = new XYSeriesCollection();
        List<Method> methods = new ArrayList<>();
        for (LessonCurve run : runs) {
            XYSeries s = new XYSeries(run.label(), false, true);
            for (EpochMetrics e : run.epochs()) {
                if (!Double.isNaN(e.testTop1Error())) {
                    s.add((e.epoch() + 1) * (double) imagesPerEpoch / 1000, 100 * e.testTop1Error());
                }
            }
            data.addSeries(s);
            methods.add(run.method());
        }
        NumberAxis x = new NumberAxis("training images seen (thousands)");
        x.setAutoRangeIncludesZero(true);
        NumberAxis y = new NumberAxis("test top-1 error (%)");
        y.setRange(0, 100);
        XYPlot plot = new XYPlot(data, x, y, lines(methods));
        return chart("Test error as the five runs learn", plot, true);
    }

    /**
     * Table 4 as a heatmap: rows MLM off/on, columns LAM off/on over the base method, BP beside
     * them; each cell coloured by its mean best test error and labelled with the method, mean ±
     * std of best and final error (%) and the seeds that count. A cell whose runs trained for
     * another number of epochs than the base cell says so.
     */
    public static JFreeChart ablationMatrix(AblationMatrix m) {
        List<AblationCell> shown = new ArrayList<>(m.cells());
        if (m.bp() != null) {
            shown.add(m.bp());
        }
        List<double[]> points = new ArrayList<>();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (AblationCell c : shown) {
            if (c.bestError().n() > 0) {
                double z = 100 * c.bestError().mean();
                points.add(new double[] {column(c), c.mlm() ? 1 : 0, z});
                lo = Math.min(lo, z);
                hi = Math.max(hi, z);
            }
        }
        if (points.isEmpty()) {
            lo = 0;
            hi = 100;
        }
        DefaultXYZDataset data = new DefaultXYZDataset();
        double[][] series = new double[3][points.size()];
        for (int i = 0; i < points.size(); i++) {
            for (int k = 0; k < 3; k++) {
                series[k][i] = points.get(i)[k];
            }
        }
        data.addSeries("mean best test error (%)", series);
        ColormapScale scale = new ColormapScale(lo, hi, ColormapTable.VIRIDIS);
        XYBlockRenderer r = new XYBlockRenderer();
        r.setBlockWidth(0.96);
        r.setBlockHeight(0.96);
        r.setPaintScale(scale);
        String[] columns = m.bp() != null ? new String[] {"LAM off", "LAM on", "BP (reference)"}
                : new String[] {"LAM off", "LAM on"};
        SymbolAxis x = new SymbolAxis("leap auxiliary modules (LAM)", columns);
        SymbolAxis y = new SymbolAxis("cascaded windows (MLM)", new String[] {"MLM off", "MLM on"});
        for (SymbolAxis a : new SymbolAxis[] {x, y}) {
            a.setGridBandsVisible(false);
            a.setLowerMargin(0);
        }
        x.setRange(-0.5, columns.length - 0.5);
        y.setRange(-0.5, 1.5);
        XYPlot plot = new XYPlot(data, x, y, r);
        int baseEpochs = m.cell(false, false).map(AblationMatrices::epochsTrained).orElse(-1);
        for (int col = 0; col < 2; col++) {
            for (int row = 0; row < 2; row++) {
                Optional<AblationCell> c = m.cell(row == 1, col == 1);
                if (c.isPresent()) {
                    label(plot, c.get(), col, row, scale, baseEpochs);
                } else {
                    XYTextAnnotation a = new XYTextAnnotation("no runs", col, row);
                    a.setFont(SMALL_FONT);
                    a.setPaint(MUTED);
                    plot.addAnnotation(a);
                }
            }
        }
        if (m.bp() != null) {
            label(plot, m.bp(), 2, 0, scale, baseEpochs);
        }
        JFreeChart chart = chart("Ablation (Table 4): " + m.base().label() + " with MLM and LAM, mean best test error",
                plot, false);
        chart.addSubtitle(scaleLegend(scale, "best test top-1 error (%)"));
        return chart;
    }

    /**
     * Table 5 as grouped bars: one group per epoch budget, one bar per method, the bar its mean
     * best test error (%) over seeds with the standard deviation as an error bar.
     */
    public static JFreeChart epochBudgets(List<EpochBudgetRow> rows) {
        DefaultStatisticalCategoryDataset data = new DefaultStatisticalCategoryDataset();
        List<EpochBudgetRow> sorted = rows.stream()
                .sorted(Comparator.comparingInt(EpochBudgetRow::epochs).thenComparing(EpochBudgetRow::method)).toList();
        List<Method> methods = new ArrayList<>();
        for (EpochBudgetRow row : sorted) {
            data.add(100 * row.bestError().mean(), 100 * row.bestError().std(), row.method().label(),
                    row.epochs() + (row.epochs() == 1 ? " epoch" : " epochs"));
            if (!methods.contains(row.method())) {
                methods.add(row.method());
            }
        }
        StatisticalBarRenderer r = new StatisticalBarRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setErrorIndicatorPaint(TEXT);
        r.setItemMargin(0.05);
        for (int i = 0; i < data.getRowCount(); i++) {
            r.setSeriesPaint(i, MethodColors.of(Method.parse(data.getRowKey(i).toString())));
        }
        CategoryPlot plot = new CategoryPlot(data, new CategoryAxis("epochs each run trained"),
                new NumberAxis("best test top-1 error (%), mean ± std over seeds"), r);
        return chart("Epoch budgets (Table 5): a method at fewer epochs against another at more", plot, true);
    }

    /** Figure 5: test accuracy (%) of a linear classifier on each module's pooled output, against depth. */
    public static JFreeChart separability(List<SeparabilityCurve> curves) {
        XYSeriesCollection data = new XYSeriesCollection();
        List<Method> methods = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (SeparabilityCurve c : curves) {
            XYSeries s = new XYSeries(uniqueKey(c.method().label() + " · " + c.run(), keys), false, true);
            for (SeparabilityPoint p : c.points()) {
                s.add(p.depth(), 100 * p.testAccuracy());
            }
            data.addSeries(s);
            methods.add(c.method());
        }
        NumberAxis x = new NumberAxis("depth (units from the input to the module's end)");
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        NumberAxis y = new NumberAxis("linear probe test accuracy (%)");
        y.setAutoRangeIncludesZero(false);
        return chart("Linear separability by depth (Figure 5)", new XYPlot(data, x, y, lines(methods)), true);
    }

    /** Figure 6: linear CKA of each run's module outputs with the reference run's at the same units. */
    public static JFreeChart similarityLines(List<SimilarityResult> results) {
        List<String> units = unitOrder(results);
        XYSeriesCollection data = new XYSeriesCollection();
        List<Method> methods = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (SimilarityResult r : results) {
            XYSeries s = new XYSeries(uniqueKey(r.method().label() + " · " + r.run() + " vs " + r.reference(), keys),
                    false, true);
            for (int i = 0; i < r.units().size() && i < r.sameCut().length; i++) {
                s.add(units.indexOf(r.units().get(i)), r.sameCut()[i]);
            }
            data.addSeries(s);
            methods.add(r.method());
        }
        SymbolAxis x = new SymbolAxis("unit (the module's last unit)", units.toArray(String[]::new));
        x.setGridBandsVisible(false);
        NumberAxis y = new NumberAxis("linear CKA with BP at the same unit (0..1)");
        y.setRange(0, 1.02);
        return chart("Similarity to BP by depth (Figure 6)", new XYPlot(data, x, y, lines(methods)), true);
    }

    /** Figure 6, all pairs: CKA of the run at unit i (rows) with the reference at unit j (columns). */
    public static JFreeChart similarityHeatmap(SimilarityResult r) {
        int n = r.units().size();
        DefaultXYZDataset data = new DefaultXYZDataset();
        double[][] series = new double[3][n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                series[0][i * n + j] = j;
                series[1][i * n + j] = i;
                series[2][i * n + j] = r.allPairs()[i][j];
            }
        }
        data.addSeries("CKA", series);
        ColormapScale scale = new ColormapScale(0, 1, ColormapTable.VIRIDIS);
        XYBlockRenderer renderer = new XYBlockRenderer();
        renderer.setPaintScale(scale);
        String[] names = r.units().toArray(String[]::new);
        SymbolAxis x = new SymbolAxis("reference (" + r.reference() + ") at unit", names);
        SymbolAxis y = new SymbolAxis(r.method().label() + " run at unit", names);
        for (SymbolAxis a : new SymbolAxis[] {x, y}) {
            a.setGridBandsVisible(false);
            a.setRange(-0.5, n - 0.5);
        }
        XYPlot plot = new XYPlot(data, x, y, renderer);
        if (n <= 10) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double v = r.allPairs()[i][j];
                    XYTextAnnotation a = new XYTextAnnotation(String.format(Locale.ROOT, "%.2f", v), j, i);
                    a.setFont(SMALL_FONT);
                    a.setPaint(scale.textOn(v));
                    plot.addAnnotation(a);
                }
            }
        }
        JFreeChart chart = chart("CKA, all unit pairs: " + r.run() + " vs " + r.reference(), plot, false);
        chart.addSubtitle(scaleLegend(scale, "linear CKA (0..1)"));
        return chart;
    }

    /**
     * Table 3 as bars: per method, the peak bytes of live tensors in a training step (full colour)
     * and the process peak (GPU memory, or the resident set on the CPU; light), in MiB.
     */
    public static JFreeChart memoryBars(List<MemoryRow> rows) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        Set<String> keys = new HashSet<>();
        List<Color> colors = new ArrayList<>();
        for (MemoryRow row : rows) {
            String key = uniqueKey(row.split().isEmpty() ? row.method() : row.method() + " (" + row.split() + ")", keys);
            data.addValue(row.liveBytes() / MIB, "live tensors, peak in a step", key);
            data.addValue(row.processPeak() / MIB, "process peak (GPU memory, or RSS on the CPU)", key);
            colors.add(MethodColors.of(row.method()));
        }
        BarRenderer r = new BarRenderer() {
            @Override
            public Paint getItemPaint(int row, int column) {
                Color c = colors.get(column);
                return row == 0 ? c : MethodColors.lighter(c, 0.55);
            }
        };
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setItemMargin(0.04);
        r.setSeriesPaint(0, MUTED);
        r.setSeriesPaint(1, MethodColors.lighter(MUTED, 0.55));
        CategoryPlot plot = new CategoryPlot(data, new CategoryAxis("method"), new NumberAxis("memory (MiB)"), r);
        return chart("Memory in a training step (Table 3)", plot, true);
    }

    private static final double MIB = 1024.0 * 1024.0;

    /** The order of units along a network: stem, then stage.block in order, anything else after. */
    static List<String> unitOrder(List<SimilarityResult> results) {
        Set<String> all = new LinkedHashSet<>();
        results.forEach(r -> all.addAll(r.units()));
        return all.stream().sorted(Comparator.comparingDouble(ReportCharts::unitRank)).toList();
    }

    private static double unitRank(String unit) {
        if (unit.equals("stem")) {
            return -1;
        }
        String[] p = unit.split("\\.");
        try {
            return Integer.parseInt(p[0]) * 10_000 + (p.length > 1 ? Integer.parseInt(p[1]) : 0);
        } catch (NumberFormatException e) {
            return Double.MAX_VALUE;
        }
    }

    private static int column(AblationCell c) {
        return c.method() == Method.BP ? 2 : c.lam() ? 1 : 0;
    }

    private static void label(XYPlot plot, AblationCell c, int x, int y, ColormapScale scale, int baseEpochs) {
        Summary best = c.bestError();
        Color ink = best.n() > 0 ? scale.textOn(100 * best.mean()) : TEXT;
        int epochs = AblationMatrices.epochsTrained(c);
        String[] lines = {
            c.method().label() + (baseEpochs > 0 && epochs > 0 && epochs != baseEpochs ? " (" + epochs + " epochs)" : ""),
            "best " + pm(best) + " %",
            "final " + pm(c.finalError()) + " %",
            best.n() + " of " + c.seeds().size() + " seed(s)"};
        for (int i = 0; i < lines.length; i++) {
            XYTextAnnotation a = new XYTextAnnotation(lines[i], x, y + 0.27 - 0.18 * i);
            a.setFont(i == 0 || i == 1 ? CELL_FONT : SMALL_FONT);
            a.setPaint(ink);
            a.setTextAnchor(TextAnchor.CENTER);
            plot.addAnnotation(a);
        }
    }

    /** Mean ± std of an error summary in %, or "n/a". */
    static String pm(Summary s) {
        return s.n() == 0 ? "n/a" : String.format(Locale.ROOT, "%.2f ± %.2f", 100 * s.mean(), 100 * s.std());
    }

    private static String uniqueKey(String key, Set<String> taken) {
        String k = key;
        for (int n = 2; !taken.add(k); n++) {
            k = key + " #" + n;
        }
        return k;
    }

    /** Lines with points, coloured by method; later runs of a method dashed. */
    private static XYLineAndShapeRenderer lines(List<Method> methods) {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        Map<Method, Integer> seen = new EnumMap<>(Method.class);
        for (int i = 0; i < methods.size(); i++) {
            int nth = seen.merge(methods.get(i), 1, Integer::sum);
            r.setSeriesPaint(i, MethodColors.of(methods.get(i)));
            r.setSeriesStroke(i, nth == 1 ? new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND)
                    : new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
                            new float[] {7f + 2 * nth, 4f}, 0f));
            r.setSeriesShape(i, new Ellipse2D.Double(-3, -3, 6, 6));
        }
        return r;
    }

    private static PaintScaleLegend scaleLegend(ColormapScale scale, String label) {
        NumberAxis axis = new NumberAxis(label);
        axis.setRange(scale.getLowerBound(), scale.getUpperBound());
        styleAxis(axis);
        PaintScaleLegend legend = new PaintScaleLegend(scale, axis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setMargin(new RectangleInsets(8, 8, 8, 8));
        legend.setStripWidth(14);
        legend.setBackgroundPaint(Color.WHITE);
        return legend;
    }

    private static JFreeChart chart(String title, Plot plot, boolean legend) {
        JFreeChart chart = new JFreeChart(title, TITLE_FONT, plot, legend);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setPadding(new RectangleInsets(6, 6, 4, 10));
        TextTitle t = chart.getTitle();
        t.setPaint(TEXT);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        if (plot instanceof XYPlot xy) {
            xy.setDomainGridlinePaint(GRID);
            xy.setRangeGridlinePaint(GRID);
            styleAxis(xy.getDomainAxis());
            styleAxis(xy.getRangeAxis());
        } else if (plot instanceof CategoryPlot cat) {
            cat.setRangeGridlinePaint(GRID);
            cat.getDomainAxis().setLabelPaint(MUTED);
            cat.getDomainAxis().setTickLabelPaint(TEXT);
            styleAxis(cat.getRangeAxis());
        }
        LegendTitle l = chart.getLegend();
        if (l != null) {
            l.setFrame(BlockBorder.NONE);
            l.setBackgroundPaint(Color.WHITE);
            l.setItemPaint(TEXT);
            l.setPosition(RectangleEdge.BOTTOM);
        }
        return chart;
    }

    private static void styleAxis(ValueAxis axis) {
        axis.setAxisLinePaint(MUTED);
        axis.setTickMarkPaint(MUTED);
        axis.setLabelPaint(MUTED);
        axis.setTickLabelPaint(TEXT);
    }
}
