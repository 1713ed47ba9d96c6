package org.mlaan.lab.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mlaan.lab.core.config.Method;

class AblationPlanTest {

    @Test
    void aMethodWithItsOwnEpochsTrainsThemAndTheOthersKeepTheBase() {
        AblationPlan plan = AblationPlan.of(RunFixtures.config("abl", Method.DGL, 7, 4), 2)
                .withEpochsFor(Map.of(Method.DGL_MLAAN, 2));
        assertEquals(2, plan.configFor(Method.DGL_MLAAN, 8).training().epochsOrDefault());
        assertEquals(4, plan.configFor(Method.DGL, 8).training().epochsOrDefault());
        assertEquals(4, plan.configFor(Method.BP, 7).training().epochsOrDefault());
        assertEquals(2, plan.epochsOf(Method.DGL_MLAAN));
        assertEquals(16, plan.configFor(Method.DGL_MLAAN, 8).training().batchSizeOrDefault(), "the rest of training kept");
    }

    @Test
    void epochsForAMethodOutsideThePlanIsRejected() {
        AblationPlan plan = AblationPlan.of(RunFixtures.config("abl", Method.INFOPRO, 7, 4), 1);
        var e = assertThrows(IllegalArgumentException.class, () -> plan.withEpochsFor(Map.of(Method.DGL_LAM, 2)));
        assertTrue(e.getMessage().contains("DGL+LAM is not in this ablation"), e.getMessage());
    }
}
