package org.mlaan.lab.ui.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.mlaan.lab.core.config.Method;
import org.mlaan.lab.core.run.RunStarted;
import org.mlaan.lab.core.run.StepMetrics;

class QueueProgressTest {
    private static final RunStarted STARTED = new RunStarted("runs/x", "cpu()", 0, 6, 79, 10_000, 2_000);

    private static StepMetrics step(int epoch, int step) {
        return new StepMetrics(epoch, step, (long) epoch * 79 + step, 1.0, new double[0], 0.5, 0.1, 100, Double.NaN,
                -1);
    }

    @Test
    void namesTheRunItsMethodSeedEpochAndStep() {
        QueueProgress p = new QueueProgress(3, 10, Method.DGL_LAM, 43, STARTED, step(1, 39));
        assertEquals("run 3/10: DGL+LAM seed 43, epoch 2/6 step 40/79", p.text());
    }

    @Test
    void fractionCountsFinishedRunsAndThePartOfTheCurrentOne() {
        // Two runs done of ten, the third half way (3 of 6 epochs).
        QueueProgress p = new QueueProgress(3, 10, Method.DGL_LAM, 43, STARTED, step(2, 78));
        assertEquals((2 + 0.5) / 10, p.fraction(), 1e-12);
    }

    @Test
    void beforeTheEngineHasMadeTheRunItSaysStarting() {
        QueueProgress p = new QueueProgress(1, 5, Method.BP, 42, null, null);
        assertEquals("run 1/5: BP seed 42, starting", p.text());
        assertEquals(0, p.fraction());
    }
}
