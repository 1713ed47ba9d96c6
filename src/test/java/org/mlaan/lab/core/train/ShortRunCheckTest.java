package org.mlaan.lab.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mlaan.lab.core.config.TrainingConfig;

class ShortRunCheckTest {

    private static TrainingConfig cosine(int epochs, int warmup) {
        return new TrainingConfig(epochs, 128, 0.1, null, null, null, "cosine", warmup, null, null, null);
    }

    @Test
    void aRunThatIsAllWarmUpIsNamedWithItsSettings() {
        String w = ShortRunCheck.of(cosine(1, 1), 1).orElseThrow();
        assertTrue(w.contains("training.warmupEpochs (1) is not below the 1 epoch(s)"), w);
        assertTrue(w.contains("rates per epoch are 0.01"), w);
    }

    @Test
    void threeCosineEpochsWithOneWarmUpEpochNeverReachHalfTheRate() {
        // e = 1: warm-up start 0.01; e = 2: 0.05 * (1 + cos(2 pi / 3)) = 0.025; e = 3: 0.
        String w = ShortRunCheck.of(cosine(3, 1), 3).orElseThrow();
        assertTrue(w.contains("0.01, 0.025, 0"), w);
        assertTrue(w.contains("cosine schedule over 3 epoch(s)"), w);
    }

    @Test
    void theSixEpochDemoAndAConstantRateAreFine() {
        // e = 2: 0.075 and e = 3: 0.05 reach half of 0.1.
        assertEquals(Optional.empty(), ShortRunCheck.of(cosine(6, 1), 6));
        assertEquals(Optional.empty(), ShortRunCheck.of(cosine(4, 0), 4));
        TrainingConfig constant = new TrainingConfig(1, 128, 0.1, null, null, null, "constant", 1, null, null, null);
        assertEquals(Optional.empty(), ShortRunCheck.of(constant, 1));
    }
}
