package org.mlaan.lab.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mlaan.lab.analysis.result.EpochBudgetRow;
import org.mlaan.lab.core.config.Method;
import org.mlaan.lab.core.run.RunStatus;

class EpochBudgetsTest {
    private static final double EPS = 1e-12;

    @Test
    void oneRowPerMethodAndBudgetWithMeansOverSeeds() {
        List<EpochBudgetRow> rows = EpochBudgets.from(List.of(
                RunFixtures.completed("dgl-1", Method.DGL, 1, 0.5, 0.4, 0.3, 0.35),
                RunFixtures.completed("dgl-2", Method.DGL, 2, 0.5, 0.4, 0.25, 0.25),
                RunFixtures.run("m-1", Method.DGL_MLAAN, 1, 2, RunStatus.COMPLETED, 30, 0.4, 0.28),
                RunFixtures.run("m-2", Method.DGL_MLAAN, 2, 2, RunStatus.COMPLETED, 90, 0.5, 0.32),
                RunFixtures.run("m-bad", Method.DGL_MLAAN, 3, 2, RunStatus.FAILED, 30, 0.9)));
        assertEquals(2, rows.size());
        EpochBudgetRow dgl = rows.get(0);
        assertEquals(Method.DGL, dgl.method());
        assertEquals(4, dgl.epochs());
        assertEquals((0.3 + 0.25) / 2, dgl.bestError().mean(), EPS);
        assertEquals((0.35 + 0.25) / 2, dgl.finalError().mean(), EPS);
        assertEquals(Math.sqrt(2 * 0.05 * 0.05), dgl.finalError().std(), EPS);
        assertEquals(4.0, dgl.minutes(), EPS);
        EpochBudgetRow mlaan = rows.get(1);
        assertEquals(Method.DGL_MLAAN, mlaan.method());
        assertEquals(2, mlaan.epochs());
        assertEquals(2, mlaan.bestError().n(), "the failed run is left out");
        assertEquals(0.30, mlaan.bestError().mean(), EPS);
        assertEquals((1.0 + 3.0) / 2, mlaan.minutes(), EPS, "2 x 30 s and 2 x 90 s");
    }

    @Test
    void oneMethodAtTwoBudgetsGivesTwoRowsFewerEpochsFirst() {
        List<EpochBudgetRow> rows = EpochBudgets.from(List.of(
                RunFixtures.completed("long", Method.DGL, 1, 0.5, 0.4, 0.3),
                RunFixtures.completed("short", Method.DGL, 1, 0.5)));
        assertEquals(List.of(1, 3), rows.stream().map(EpochBudgetRow::epochs).toList());
    }

    @Test
    void runsAtOneBudgetMakeNoComparison() {
        assertTrue(EpochBudgets.from(List.of(RunFixtures.completed("a", Method.DGL, 1, 0.5, 0.4),
                RunFixtures.completed("b", Method.BP, 1, 0.5, 0.3))).isEmpty());
    }
}
