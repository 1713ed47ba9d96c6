package org.mlaan.lab.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.mlaan.lab.core.config.ScheduleKind;
import org.mlaan.lab.core.config.TrainingConfig;

class LearningRateScheduleTest {
    private static final double LR0 = 0.8;
    private static final int E = 400;
    private final LearningRateSchedule cosine = new LearningRateSchedule(ScheduleKind.COSINE, LR0, E, 10, 0.01);

    @Test
    void firstCosineEpochStartsAtTheWarmupRate() {
        // e = 1: 0.5*lr0*(1+cos(pi/400))*0/10 + 0.01*10/10
        assertEquals(0.01, cosine.rate(0), 1e-15);
    }

    @Test
    void tenthCosineEpochIsNineTenthsCosineAndOneTenthWarmupRate() {
        double expected = 0.5 * 0.8 * (1 + Math.cos(Math.PI * 10 / 400.0)) * 9 / 10 + 0.01 * 1 / 10;
        assertEquals(expected, cosine.rate(9), 1e-15);
        assertEquals(0.7198902, cosine.rate(9), 1e-6);
    }

    @Test
    void eleventhCosineEpochIsPlainCosine() {
        double expected = 0.5 * 0.8 * (1 + Math.cos(Math.PI * 11 / 400.0));
        assertEquals(expected, cosine.rate(10), 1e-15);
        assertEquals(0.7985082, cosine.rate(10), 1e-6);
    }

    @Test
    void lastCosineEpochReachesZero() {
        // e = E: 0.5*lr0*(1+cos(pi)) = 0
        assertEquals(0.0, cosine.rate(E - 1), 1e-15);
    }

    @Test
    void cosineWithoutWarmupStartsNearTheBaseRate() {
        LearningRateSchedule noWarmup = new LearningRateSchedule(ScheduleKind.COSINE, 0.1, 4, 0, 0.01);
        assertEquals(0.5 * 0.1 * (1 + Math.cos(Math.PI / 4)), noWarmup.rate(0), 1e-15);
        assertEquals(0.5 * 0.1 * (1 + Math.cos(Math.PI * 2 / 4)), noWarmup.rate(1), 1e-15);
    }

    @Test
    void stepScheduleDividesByTenAtEpochs80And120() {
        LearningRateSchedule step = new LearningRateSchedule(ScheduleKind.STEP, 0.1, 160, 10, 0.01);
        assertEquals(0.1, step.rate(0), 1e-15);
        assertEquals(0.1, step.rate(79), 1e-15);
        assertEquals(0.01, step.rate(80), 1e-15);
        assertEquals(0.01, step.rate(119), 1e-15);
        assertEquals(0.001, step.rate(120), 1e-15);
    }

    @Test
    void constantScheduleNeverChanges() {
        LearningRateSchedule constant = new LearningRateSchedule(ScheduleKind.CONSTANT, 0.05, 10, 10, 0.01);
        assertEquals(0.05, constant.rate(0), 0);
        assertEquals(0.05, constant.rate(9), 0);
    }

    @Test
    void configDefaultsGiveTheCosineWarmupSchedule() {
        TrainingConfig t = new TrainingConfig(null, null, null, null, null, null, null, null, null, null, null);
        LearningRateSchedule s = LearningRateSchedule.of(t, 400);
        assertEquals(ScheduleKind.COSINE, s.kind());
        assertEquals(0.01, s.rate(0), 1e-15);
        assertEquals(0.5 * 0.1 * (1 + Math.cos(Math.PI * 11 / 400.0)), s.rate(10), 1e-15);
    }

    @Test
    void imagenetCosineStartsAtTheBaseRateAndCountsEpochsFromZero() {
        LearningRateSchedule s = new LearningRateSchedule(ScheduleKind.COSINE_IMAGENET, 0.05, 150, 10, 0.01);
        assertEquals(0.05, s.rate(0), 1e-12, "no warm-up, whatever warmupEpochs says");
        assertEquals(0.5 * 0.05 * (1 + Math.cos(Math.PI * 75 / 150)), s.rate(75), 1e-12);
        assertEquals(ScheduleKind.COSINE_IMAGENET, ScheduleKind.parse("cosine-imagenet"));
    }

    @Test
    void negativeEpochIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> cosine.rate(-1));
    }
}
