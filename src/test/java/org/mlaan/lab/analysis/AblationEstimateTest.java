package org.mlaan.lab.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mlaan.lab.core.config.Method;

/** The ablation's time from measured seconds per step: the whole queue, and what is left of it. */
class AblationEstimateTest {
    private static final List<Method> ORDER = List.of(Method.BP, Method.DGL, Method.DGL_MLAAN);
    private static final AblationEstimate E = new AblationEstimate(
            Map.of(Method.BP, 0.5, Method.DGL, 1.0, Method.DGL_MLAAN, 2.0),
            Map.of(Method.BP, 100L, Method.DGL, 100L, Method.DGL_MLAAN, 50L), 3);

    @Test
    void theTotalIsEverySeedOfEveryMethodAtItsOwnStepsAndSpeed() {
        assertEquals(50.0, E.secondsOf(Method.BP));
        assertEquals(100.0, E.secondsOf(Method.DGL_MLAAN));
        assertEquals(3 * (50 + 100 + 100), E.totalSeconds(), 1e-9);
    }

    @Test
    void whatIsLeftIsTheCurrentRunsOwnEtaAndEveryLaterRun() {
        // Run 2 of 9 (seed-major: BP, DGL, MLAAN, BP, ...) with 30 s to go: then MLAAN and two more seeds.
        assertEquals(30 + 100 + 2 * 250, E.secondsLeft(ORDER, 2, 30), 1e-9);
        assertEquals(12, E.secondsLeft(ORDER, 9, 12), 1e-9, "the last run: only its own ETA");
    }

    @Test
    void perStepFiguresReadInTheAblationsOrder() {
        assertEquals("BP 0.50 s, DGL 1.00 s, DGL+MLAAN 2.00 s", E.perStepText(ORDER));
    }
}
