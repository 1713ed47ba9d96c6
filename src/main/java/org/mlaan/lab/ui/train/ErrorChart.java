package org.mlaan.lab.ui.train;

import java.awt.Color;
import java.text.NumberFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.axis.NumberAxis;
import org.mlaan.lab.core.run.EpochMetrics;
import org.mlaan.lab.core.run.StepMetrics;

/**
 * Error in percent: the training error of each step's batch (1 - accuracy), the training error
 * over each epoch, and the test top-1 error after each evaluated epoch with the best so far (the
 * figure the papers report). Epoch points sit at the step where their epoch ended, or on the wall
 * time axis where the epoch ended with its evaluation (the sum of the epochs' seconds). Where the
 * data set's classes form groups (the built-in set's arrangement and texture classes), each
 * group's test error gets a line of its own.
 */
final class ErrorChart extends MetricChart {
    private final ChartCurve trainStep;
    private final ChartCurve trainEpoch;
    private final ChartCurve test;
    private final ChartCurve best;
    private final Map<Integer, Double> epochEnds = new HashMap<>();
    /** The test error of each class group (the built-in set's arrangement and texture classes), made when first seen. */
    private final Map<String, ChartCurve> groups = new java.util.LinkedHashMap<>();
    private double epochSeconds;

    /** Group lines: orange and green, apart from the test line's red and the train lines' blues. */
    private static final Color[] GROUP_COLOURS = {new Color(0xF2, 0x8E, 0x2B), new Color(0x59, 0xA1, 0x4F),
        new Color(0x8E, 0x5A, 0xA5)};

    ErrorChart() {
        super("error-chart", "Error", percentAxis());
        trainStep = addCurve("train batch", SeriesStyle.thin(new Color(0xA7, 0xC0, 0xDA)), true);
        trainEpoch = addCurve("train epoch", SeriesStyle.marked(new Color(0x2F, 0x5C, 0x8A)), false);
        test = addCurve("test", SeriesStyle.marked(new Color(0xD6, 0x40, 0x3A)), false);
        best = addCurve("best test", SeriesStyle.dashed(new Color(0x7A, 0x1F, 0x1A)), false);
        setEmptyMessage("No step yet: batch error from the first step, test error at each epoch's end");
    }

    private static NumberAxis percentAxis() {
        NumberAxis y = new NumberAxis("error");
        y.setNumberFormatOverride(NumberFormat.getPercentInstance(Locale.ROOT));
        return y;
    }

    @Override
    void reset() {
        groups.values().forEach(this::removeCurve);
        groups.clear();
        clearCurves();
        epochEnds.clear();
        epochSeconds = 0;
    }

    @Override
    void addSteps(List<? extends StepMetrics> steps) {
        for (StepMetrics s : steps) {
            trainStep.add(x(s), 1 - s.accuracy());
            epochEnds.put(s.epoch(), s.globalStep() + 1.0);
        }
    }

    @Override
    void addEpochs(List<? extends EpochMetrics> epochs) {
        for (EpochMetrics e : epochs) {
            epochSeconds += e.seconds();
            double x = xAxis() == ChartXAxis.WALL_TIME ? epochSeconds
                    : epochEnds.getOrDefault(e.epoch(), e.epoch() + 1.0);
            trainEpoch.add(x, 1 - e.trainAccuracy());
            test.add(x, e.testTop1Error());
            best.add(x, e.bestTop1Error());
            for (Map.Entry<String, Double> g : e.groupErrors().entrySet()) {
                groupCurve(g.getKey()).add(x, g.getValue());
            }
        }
    }

    /** Issue 14, item 3: early modules lose the arrangement classes first; a line per group shows it. */
    private ChartCurve groupCurve(String name) {
        return groups.computeIfAbsent(name, n -> addCurve("test: " + n + " classes",
                SeriesStyle.marked(GROUP_COLOURS[groups.size() % GROUP_COLOURS.length]), false));
    }

    ChartCurve testCurve() {
        return test;
    }

    ChartCurve trainStepCurve() {
        return trainStep;
    }
}
