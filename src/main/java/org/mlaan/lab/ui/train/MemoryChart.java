package org.mlaan.lab.ui.train;

import java.awt.Color;
import java.util.List;
import org.jfree.chart.axis.NumberAxis;
import org.mlaan.lab.core.local.ActivationEstimate;
import org.mlaan.lab.core.run.StepMetrics;

/**
 * Memory in MiB: the peak bytes of live tensors in each step, as measured, against the plan's
 * activation estimate for backprop and for the local split (flat dashed lines), so the saving of
 * local learning, and how well the estimate holds, can be read off. On a GPU the device memory in
 * use after each step (the whole device, as the driver reports it: CUDA context and libtorch's
 * cache included) is drawn too. Run folders keep no memory figures, so a reopened run shows the
 * estimate only.
 */
final class MemoryChart extends MetricChart {
    private static final double MIB = 1024.0 * 1024.0;

    private final ChartCurve live;
    private final ChartCurve backpropEstimate;
    private final ChartCurve localEstimate;
    private final ChartCurve device;
    private ActivationEstimate estimate;
    private double lastStep;

    MemoryChart() {
        super("memory-chart", "Activation memory", new NumberAxis("MiB"));
        live = addCurve("live tensors", SeriesStyle.line(new Color(0x4E, 0x79, 0xA7)), true);
        backpropEstimate = addCurve("BP estimate", SeriesStyle.dashed(new Color(0x6B, 0x72, 0x7B)), false);
        localEstimate = addCurve("local estimate", SeriesStyle.dashed(new Color(0xF2, 0x8E, 0x2B)), false);
        device = addCurve("GPU memory", SeriesStyle.line(new Color(0x59, 0xA1, 0x4F)), true);
    }

    /** The activation estimate to draw against (null: none). */
    void setEstimate(ActivationEstimate e) {
        estimate = e;
        drawEstimate();
    }

    @Override
    void reset() {
        clearCurves();
        lastStep = 0;
        drawEstimate();
    }

    @Override
    void addSteps(List<? extends StepMetrics> steps) {
        for (StepMetrics s : steps) {
            if (s.liveBytes() >= 0) {
                live.add(s.globalStep(), s.liveBytes() / MIB);
            }
            if (s.deviceBytes() >= 0) {
                device.add(s.globalStep(), s.deviceBytes() / MIB);
            }
            lastStep = Math.max(lastStep, s.globalStep());
        }
        drawEstimate();
    }

    /** Estimate lines across every step shown so far. */
    private void drawEstimate() {
        backpropEstimate.clear();
        localEstimate.clear();
        if (estimate == null) {
            return;
        }
        double end = Math.max(lastStep, 1);
        backpropEstimate.add(0, estimate.backpropBytes() / MIB);
        backpropEstimate.add(end, estimate.backpropBytes() / MIB);
        if (estimate.localBytes() != estimate.backpropBytes()) {
            localEstimate.add(0, estimate.localBytes() / MIB);
            localEstimate.add(end, estimate.localBytes() / MIB);
        }
    }

    ChartCurve liveCurve() {
        return live;
    }

    ChartCurve deviceCurve() {
        return device;
    }
}
