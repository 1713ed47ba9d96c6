package org.mlaan.lab.cli;

import org.mlaan.lab.core.config.ExperimentConfig;
import org.mlaan.lab.core.config.Method;
import org.mlaan.lab.core.run.EpochMetrics;
import org.mlaan.lab.core.run.RunFinished;
import org.mlaan.lab.core.run.StepMetrics;
import org.mlaan.lab.engine.SideBySideRuns;

/** One run of a lesson on the command line: what the table needs, written by its training thread. */
final class LessonRow implements SideBySideRuns.Member {
    private final ExperimentConfig config;
    private volatile long start;
    private final int batch;
    private volatile long steps;
    private volatile double firstStep = Double.NaN;
    private volatile double end = Double.NaN;
    private volatile EpochMetrics lastEpoch;
    private volatile String failure;

    LessonRow(ExperimentConfig config) {
        this.config = config;
        this.batch = config.training().batchSizeOrDefault();
    }

    /** The lesson's start, from which the row's times count. */
    void startClock(long nanos) {
        start = nanos;
    }

    @Override
    public ExperimentConfig config() {
        return config;
    }

    Method method() {
        return config.methodOrDefault();
    }

    long steps() {
        return steps;
    }

    long images() {
        return steps * batch;
    }

    int epochs() {
        EpochMetrics e = lastEpoch;
        return e == null ? 0 : e.epoch() + 1;
    }

    /** The last evaluated epoch's test error (a fraction), NaN before the first. */
    double lastTestError() {
        EpochMetrics e = lastEpoch;
        return e == null ? Double.NaN : e.testTop1Error();
    }

    /** The last evaluated epoch's error on one class group, NaN where there is none. */
    double groupError(String group) {
        EpochMetrics e = lastEpoch;
        return e == null ? Double.NaN : e.groupErrors().getOrDefault(group, Double.NaN);
    }

    double firstStepSeconds() {
        return firstStep;
    }

    double endSeconds() {
        return end;
    }

    String failure() {
        return failure;
    }

    /** What the row shows now, fixed: the table at the budget's mark while the runs train on. */
    Figures figures() {
        return new Figures(method(), steps(), images(), epochs(), lastTestError(), groupError("arrangement"),
                groupError("texture"), firstStepSeconds(), endSeconds(), failure);
    }

    /** One row of a lesson table; errors are fractions, times seconds from the lesson's start (NaN: not yet). */
    record Figures(Method method, long steps, long images, int epochs, double testError, double arrangementError,
            double textureError, double firstStep, double end, String failure) {}

    private double now() {
        return (System.nanoTime() - start) / 1e9;
    }

    @Override
    public void failedToStart(String message) {
        failure = message;
        end = now();
    }

    @Override
    public void onStep(StepMetrics step) {
        if (Double.isNaN(firstStep)) {
            firstStep = now();
        }
        steps = step.globalStep() + 1;
    }

    @Override
    public void onEpoch(EpochMetrics epoch) {
        if (!Double.isNaN(epoch.testTop1Error())) {
            lastEpoch = epoch;
        }
    }

    @Override
    public void onFinished(RunFinished event) {
        end = now();
        if (event.status() == RunFinished.Status.FAILED) {
            failure = event.message();
        }
    }
}
