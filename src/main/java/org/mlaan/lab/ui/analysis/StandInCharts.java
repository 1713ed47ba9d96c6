package org.mlaan.lab.ui.analysis;

import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.GrayPaintScale;
import org.mlaan.lab.analysis.result.MemoryRow;
import org.mlaan.lab.analysis.result.SeparabilityCurve;
import org.mlaan.lab.analysis.result.SeparabilityPoint;
import org.mlaan.lab.analysis.result.SimilarityResult;
import org.mlaan.lab.core.run.EpochMetrics;
import org.mlaan.lab.core.run.RunRecord;

/** Plain charts with the names of the report's charts, shown until those are merged. */
final class StandInCharts {
    private StandInCharts() {}

    static JFreeChart testErrorCurves(List<RunRecord> runs) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (RunRecord r : runs) {
            XYSeries s = new XYSeries(r.dir().getFileName().toString(), false, true);
            for (EpochMetrics e : r.epochs()) {
                if (!Double.isNaN(e.testTop1Error())) {
                    s.add(e.epoch() + 1, 100 * e.testTop1Error());
                }
            }
            data.addSeries(s);
        }
        return ChartFactory.createXYLineChart("Test error", "epoch", "test top-1 error (%)", data);
    }

    static JFreeChart separability(List<SeparabilityCurve> curves) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (SeparabilityCurve c : curves) {
            XYSeries s = new XYSeries(c.run(), false, true);
            for (SeparabilityPoint p : c.points()) {
                s.add(p.depth(), 100 * p.testAccuracy());
            }
            data.addSeries(s);
        }
        return ChartFactory.createXYLineChart("Linear separability", "depth (units)", "test accuracy (%)", data);
    }

    static JFreeChart similarityLines(List<SimilarityResult> results) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (SimilarityResult r : results) {
            XYSeries s = new XYSeries(r.run(), false, true);
            for (int i = 0; i < r.sameCut().length; i++) {
                s.add(i + 1, r.sameCut()[i]);
            }
            data.addSeries(s);
        }
        return ChartFactory.createXYLineChart("CKA against BP", "module", "linear CKA", data);
    }

    static JFreeChart similarityHeatmap(SimilarityResult r) {
        int n = r.allPairs().length;
        int m = n == 0 ? 0 : r.allPairs()[0].length;
        double[][] xyz = new double[3][n * m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                xyz[0][i * m + j] = j;
                xyz[1][i * m + j] = i;
                xyz[2][i * m + j] = r.allPairs()[i][j];
            }
        }
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries(r.run(), xyz);
        XYBlockRenderer renderer = new XYBlockRenderer();
        renderer.setPaintScale(new GrayPaintScale(0, 1));
        XYPlot plot = new XYPlot(data, new NumberAxis(r.reference()), new NumberAxis(r.run()), renderer);
        return new JFreeChart("CKA " + r.run() + " vs " + r.reference(), plot);
    }

    static JFreeChart memoryBars(List<MemoryRow> rows) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (MemoryRow r : rows) {
            data.addValue(r.liveBytes() / 1048576.0, "live tensors", r.method());
            data.addValue(r.processPeak() / 1048576.0, "process peak", r.method());
        }
        return ChartFactory.createBarChart("Memory", "method", "MiB", data, PlotOrientation.VERTICAL, true, true,
                false);
    }
}
