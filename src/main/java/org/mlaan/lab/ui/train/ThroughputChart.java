package org.mlaan.lab.ui.train;

import java.awt.Color;
import java.util.List;
import org.jfree.chart.axis.NumberAxis;
import org.mlaan.lab.core.run.StepMetrics;

/** Images per second of every step, as the engine timed it (the step alone, without the window's work). */
final class ThroughputChart extends MetricChart {
    private final ChartCurve speed;

    ThroughputChart() {
        super("speed-chart", "Throughput", new NumberAxis("images/s"));
        speed = addCurve("images/s", SeriesStyle.line(new Color(0x3A, 0x8F, 0x6B)), true);
    }

    @Override
    void reset() {
        clearCurves();
    }

    @Override
    void addSteps(List<? extends StepMetrics> steps) {
        for (StepMetrics s : steps) {
            speed.add(x(s), s.imagesPerSecond());
        }
    }

    ChartCurve curve() {
        return speed;
    }
}
