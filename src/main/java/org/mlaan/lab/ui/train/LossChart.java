package org.mlaan.lab.ui.train;

import org.mlaan.lab.ui.network.ModuleColors;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.axis.NumberAxis;
import org.mlaan.lab.core.run.StepMetrics;

/**
 * The local loss of every module per step, one line each in the module's colour (backprop has one
 * loss). Steps read back from a run folder carry only the run's final loss, which is the last
 * module's local loss, so it continues that module's line. Local methods weight their modules'
 * losses very differently (0.001 for a first module's own head in DGL+MLAAN), so once the losses
 * shown span more than {@value #LOG_SPREAD} times, the value axis turns logarithmic, unless the
 * person has picked a scale in the chart's menu.
 */
final class LossChart extends MetricChart {
    private final Map<Integer, ChartCurve> modules = new LinkedHashMap<>();
    /** Largest over smallest loss shown above which the axis turns logarithmic. */
    static final double LOG_SPREAD = 20;

    private int configuredModules = 1;
    private double smallest = Double.POSITIVE_INFINITY;
    private double largest = 0;

    LossChart() {
        super("loss-chart", "Loss per module", new NumberAxis("loss"));
        offerLogScale();
    }

    /** K of the run being shown: names the lines, and places a run folder's loss on the last module. */
    void setModuleCount(int k) {
        configuredModules = Math.max(1, k);
    }

    @Override
    void reset() {
        removeCurves();
        modules.clear();
        smallest = Double.POSITIVE_INFINITY;
        largest = 0;
        suggestLogScale(false);
    }

    @Override
    void addSteps(List<? extends StepMetrics> steps) {
        for (StepMetrics s : steps) {
            double[] m = s.moduleLosses();
            if (m.length == 0) {
                module(configuredModules - 1, configuredModules).add(s.globalStep(), s.loss());
                see(s.loss());
            } else {
                for (int i = 0; i < m.length; i++) {
                    if (Double.isFinite(m[i])) {
                        module(i, m.length).add(s.globalStep(), m[i]);
                        see(m[i]);
                    }
                }
            }
        }
        if (largest > LOG_SPREAD * smallest) {
            suggestLogScale(true);
        }
    }

    private void see(double loss) {
        if (loss > 0 && Double.isFinite(loss)) {
            smallest = Math.min(smallest, loss);
            largest = Math.max(largest, loss);
        }
    }

    /** The line of module {@code i} of {@code k}, made when first needed (NaN-only modules get none). */
    private ChartCurve module(int i, int k) {
        ChartCurve c = modules.get(i);
        if (c == null) {
            String name = k <= 1 ? "loss" : "E" + i;
            c = addCurve(name, SeriesStyle.line(ModuleColors.awtColorOf(i)), true);
            modules.put(i, c);
        }
        return c;
    }

    /** The line of module {@code i} (0-based), or null when it has none (tests). */
    ChartCurve curveOf(int i) {
        return modules.get(i);
    }
}
