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
 * time axis where the epoch ended with its evaluation (the sum of the epochs' seconds).
 */
final class ErrorChart extends MetricChart {
    private final ChartCurve trainStep;
    private final ChartCurve trainEpoch;
    private final ChartCurve test;
    private final ChartCurve best;
    private final Map<Integer, Double> epochEnds = new HashMap<>();
    private double epochSeconds;

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
        }
    }

    ChartCurve testCurve() {
        return test;
    }

    ChartCurve trainStepCurve() {
        return trainStep;
    }
}
