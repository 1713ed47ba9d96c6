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
 * cache included) is drawn too, and the process's peak resident set (what a system monitor
 * shows: libtorch's allocator caches and the JVM included) on the steps that measured their live
 * tensors. Only the series a run has are in the legend (no "GPU memory" on a CPU), and the axis
 * spans the values shown rather than starting at zero, so that the estimates' difference shows.
 * Run folders keep no memory figures, so a reopened run shows the estimate only.
 */
final class MemoryChart extends MetricChart {
    private static final double MIB = 1024.0 * 1024.0;

    private ChartCurve live;
    private ChartCurve backpropEstimate;
    private ChartCurve localEstimate;
    private ChartCurve device;
    private ChartCurve process;
    private ActivationEstimate estimate;
    private double lastStep;

    MemoryChart() {
        super("memory-chart", "Memory", new NumberAxis("MiB"));
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
        addFixedCurves();
    }

    private void addFixedCurves() {
        live = addCurve("live tensors (peak)", SeriesStyle.line(new Color(0x4E, 0x79, 0xA7)), true);
        backpropEstimate = addCurve("BP estimate", SeriesStyle.dashed(new Color(0x6B, 0x72, 0x7B)), false);
        localEstimate = addCurve("local estimate", SeriesStyle.dashed(new Color(0xF2, 0x8E, 0x2B)), false);
        device = null;
        process = null;
    }

    /** The activation estimate to draw against (null: none). */
    void setEstimate(ActivationEstimate e) {
        estimate = e;
        drawEstimate();
    }

    @Override
    void reset() {
        removeCurves();
        addFixedCurves();
        lastStep = 0;
        drawEstimate();
    }

    @Override
    void addSteps(List<? extends StepMetrics> steps) {
        for (StepMetrics s : steps) {
            if (s.liveBytes() >= 0) {
                live.add(x(s), s.liveBytes() / MIB);
            }
            if (s.deviceBytes() >= 0) {
                if (device == null) {
                    device = addCurve("GPU memory", SeriesStyle.line(new Color(0x59, 0xA1, 0x4F)), true);
                }
                device.add(x(s), s.deviceBytes() / MIB);
            }
            if (s.processPeakBytes() >= 0) {
                if (process == null) {
                    process = addCurve("process peak (RSS)", SeriesStyle.line(new Color(0x8E, 0x5A, 0xA5)), false);
                }
                process.add(x(s), s.processPeakBytes() / MIB);
            }
            if (Double.isFinite(x(s))) {
                lastStep = Math.max(lastStep, x(s));
            }
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

    /** The GPU curve, or null when no step carried a GPU figure. */
    ChartCurve deviceCurve() {
        return device;
    }

    /** The process-peak curve, or null when no step carried one. */
    ChartCurve processCurve() {
        return process;
    }
}
