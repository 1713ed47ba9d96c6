package org.mlaan.lab.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mlaan.lab.analysis.result.AblationCell;
import org.mlaan.lab.analysis.result.AblationMatrix;
import org.mlaan.lab.core.config.Method;
import org.mlaan.lab.core.run.RunStatus;

class AblationMatricesTest {
    private static final double EPS = 1e-12;

    @Test
    void cellsHoldMeanAndSampleStdOfFinalAndBestErrorOverSeeds() {
        AblationMatrix m = AblationMatrices.from(List.of(
                RunFixtures.completed("bp-1", Method.BP, 1, 0.50, 0.30, 0.20),
                RunFixtures.completed("bp-2", Method.BP, 2, 0.50, 0.22, 0.24),
                RunFixtures.completed("dgl-2", Method.DGL, 2, 0.60, 0.40, 0.44),
                RunFixtures.completed("dgl-1", Method.DGL, 1, 0.60, 0.30, 0.36),
                RunFixtures.completed("mlaan-1", Method.DGL_MLAAN, 1, 0.50, 0.25, 0.25)));
        assertEquals(Method.DGL, m.base());
        AblationCell dgl = m.cell(false, false).orElseThrow();
        // final: 0.44 and 0.36 -> mean 0.40, std sqrt(((0.04)^2 + (0.04)^2) / 1)
        assertEquals(0.40, dgl.finalError().mean(), EPS);
        assertEquals(Math.sqrt(2 * 0.04 * 0.04), dgl.finalError().std(), EPS);
        // best: 0.40 and 0.30 -> mean 0.35, std sqrt(2 * 0.05^2)
        assertEquals(0.35, dgl.bestError().mean(), EPS);
        assertEquals(Math.sqrt(2 * 0.05 * 0.05), dgl.bestError().std(), EPS);
        assertEquals(List.of(1L, 2L), dgl.seeds().stream().map(s -> s.seed()).toList(), "seed order");
        assertEquals(3.0, dgl.seeds().get(0).minutes(), EPS, "three 60 s epochs");
        assertEquals(0.21, m.bp().bestError().mean(), EPS, "best of each: (0.20 + 0.22) / 2");
        assertEquals(0.22, m.bp().finalError().mean(), EPS, "(0.20 + 0.24) / 2");
        AblationCell mlaan = m.cell(true, true).orElseThrow();
        assertEquals(Method.DGL_MLAAN, mlaan.method());
        assertEquals(0, mlaan.finalError().std(), "one seed has no spread");
        assertTrue(m.cell(true, false).isEmpty(), "no DGL+MLM run, no cell");
        assertEquals(List.of(Method.DGL, Method.DGL_MLAAN), m.cells().stream().map(AblationCell::method).toList());
    }

    @Test
    void failedAndNeverEvaluatedRunsAreListedButLeftOutOfTheMeans() {
        var runs = List.of(
                RunFixtures.completed("dgl-1", Method.DGL, 1, 0.30),
                RunFixtures.run("dgl-2", Method.DGL, 2, 1, RunStatus.FAILED, 60, 0.90),
                RunFixtures.run("dgl-3", Method.DGL, 3, 1, RunStatus.CANCELLED, 60, Double.NaN),
                RunFixtures.completed("dgl-4", Method.DGL, 4, 0.40));
        AblationCell dgl = AblationMatrices.from(runs).cell(false, false).orElseThrow();
        assertEquals(4, dgl.seeds().size());
        assertEquals(2, dgl.finalError().n());
        assertEquals(0.35, dgl.finalError().mean(), EPS);
        List<String> notes = AblationMatrices.notes(runs);
        assertTrue(notes.stream().anyMatch(n -> n.contains("dgl-2") && n.contains("it failed")), notes.toString());
        assertTrue(notes.stream().anyMatch(n -> n.contains("dgl-3") && n.contains("no evaluated epoch")),
                notes.toString());
    }

    @Test
    void aMethodsCellKeepsItsMostCommonBudgetAndNamesTheOthers() {
        var runs = List.of(
                RunFixtures.completed("dgl-a", Method.DGL, 1, 0.5, 0.3, 0.2, 0.1),
                RunFixtures.completed("dgl-b", Method.DGL, 2, 0.5, 0.3, 0.2, 0.3),
                RunFixtures.completed("dgl-short", Method.DGL, 3, 0.5, 0.45));
        AblationCell dgl = AblationMatrices.from(runs).cell(false, false).orElseThrow();
        assertEquals(2, dgl.seeds().size(), "the 2-epoch run is not mixed with the 4-epoch ones");
        assertEquals(0.2, dgl.finalError().mean(), EPS);
        assertEquals(4, AblationMatrices.epochsTrained(dgl));
        assertTrue(AblationMatrices.notes(runs).stream().anyMatch(n -> n.contains("1 DGL run(s) at 2 epochs")),
                AblationMatrices.notes(runs).toString());
    }

    @Test
    void cellsAtDifferentBudgetsAreNamedInTheNotes() {
        var runs = List.of(RunFixtures.completed("dgl", Method.DGL, 1, 0.5, 0.3, 0.2, 0.1),
                RunFixtures.completed("mlaan", Method.DGL_MLAAN, 1, 0.5, 0.2));
        List<String> notes = AblationMatrices.notes(runs);
        assertTrue(notes.stream().anyMatch(n -> n.contains("DGL 4, DGL+MLAAN 2 epochs")), notes.toString());
    }

    @Test
    void theInfoProFamilyIsTheBaseWhenItHasMoreRuns() {
        AblationMatrix m = AblationMatrices.from(List.of(
                RunFixtures.completed("ip", Method.INFOPRO, 1, 0.3),
                RunFixtures.completed("ipm", Method.INFOPRO_MLAAN, 1, 0.2),
                RunFixtures.completed("dgl", Method.DGL, 1, 0.4)));
        assertEquals(Method.INFOPRO, m.base());
        assertNull(m.bp());
        assertEquals(Method.INFOPRO_MLAAN, m.cell(true, true).orElseThrow().method());
        assertFalse(m.cells().stream().anyMatch(c -> c.method() == Method.DGL));
    }

    @Test
    void runsOfNeitherFamilyMakeNoMatrix() {
        assertNull(AblationMatrices.from(List.of(RunFixtures.completed("bp", Method.BP, 1, 0.3),
                RunFixtures.completed("man", Method.MAN, 1, 0.3))));
    }
}
