package org.mlaan.lab.ui.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.mlaan.lab.core.run.RunFinished;
import org.mlaan.lab.core.run.RunStarted;
import org.mlaan.lab.core.run.StepMetrics;

class ProgressTextTest {
    private static final RunStarted STARTED = new RunStarted("runs/x", "cpu()", 0, 6, 79, 10_000, 2_000);

    private static StepMetrics step(int epoch, int step, double eta) {
        return new StepMetrics(epoch, step, (long) epoch * 79 + step, 2.0, new double[] {2.0}, 0.3, 0.1, 211.4, eta,
                -1);
    }

    @Test
    void steppingLineNamesEpochStepPercentEtaSpeedAndDevice() {
        assertEquals("epoch 2/6 \u00b7 step 57/79 \u00b7 29% \u00b7 ETA 1:23 \u00b7 211 images/s \u00b7 cpu()",
                ProgressText.stepping(STARTED, step(1, 56, 83.2)));
    }

    @Test
    void fractionCountsStepsOverTheWholeRun() {
        assertEquals(135.0 / 474, ProgressText.fraction(STARTED, step(1, 55, 1)), 1e-12);
        assertEquals(0, ProgressText.fraction(STARTED, null));
        assertEquals(1.0, ProgressText.fraction(STARTED, step(5, 78, 0)));
    }

    @Test
    void finishedLineGivesTheOutcomeAndTheErrors() {
        RunFinished f = new RunFinished(RunFinished.Status.COMPLETED, 6, 0.3955, 0.3912, Double.NaN, 153, "");

        assertEquals("Completed after 6 epochs in 2:33 \u00b7 test top-1 error 39.55% (best 39.12%)",
                ProgressText.finished(f));
    }
}
