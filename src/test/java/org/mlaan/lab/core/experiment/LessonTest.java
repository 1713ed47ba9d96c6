package org.mlaan.lab.core.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mlaan.lab.core.config.ConfigFiles;
import org.mlaan.lab.core.config.ExperimentConfig;
import org.mlaan.lab.core.config.Method;
import org.mlaan.lab.core.local.HeadKind;

/** The lesson's five runs and its verdict (issue 14). */
class LessonTest {
    private static final ExperimentConfig BUILTIN = ConfigFiles.embedded(Lesson.BUILTIN_FILE);

    @Test
    void fiveRunsShareDataAndSplitEachWithItsMethodsOwnHeadsButDglWithTheProbe() throws Exception {
        List<ExperimentConfig> runs = Lesson.runs(BUILTIN, 3);
        assertEquals(Lesson.METHODS, runs.stream().map(ExperimentConfig::methodOrDefault).toList());
        for (ExperimentConfig c : runs) {
            assertEquals(3L, c.seedOrDefault());
            assertEquals(BUILTIN.dataset(), c.dataset());
            assertEquals(BUILTIN.training(), c.training());
        }
        assertNull(runs.get(0).split(), "BP trains end to end");
        assertEquals(BUILTIN.split(), runs.get(4).split());
        assertEquals(5, runs.stream().map(ExperimentConfig::nameOrDefault).distinct().count(), "one folder name each");
        // DGL's own head stays at chance in a lesson's budget (decision 0007): it trains with the probe, as labelled.
        Experiment dgl = Experiment.resolve(runs.get(1), DataShape.expected(runs.get(1)));
        assertEquals(HeadKind.PROBE, dgl.plan().modules().get(0).independent().orElseThrow().head());
        assertEquals("DGL (probe head)", Lesson.label(Method.DGL));
        // The others keep their defaults (Part A.2): probes on DGL+MLM/LAM/MLAAN, nothing overridden.
        for (int i = 2; i < 5; i++) {
            assertNull(runs.get(i).local(), runs.get(i).methodOrDefault().label());
        }
    }

    @Test
    void theVerdictAsksForTable4sOrdering() {
        assertTrue(Lesson.judge(errors(30, 60, 45, 40, 28)).shown());
        // DGL only 14 points above DGL+MLAAN: the myopia is too small to show.
        Lesson.Verdict close = Lesson.judge(errors(30, 42, 35, 35, 28));
        assertFalse(close.shown());
        assertFalse(close.checks().get(0).met());
        assertEquals(14, close.checks().get(0).figure(), 1e-9);
        // DGL+LAM better than DGL+MLAAN: not between them.
        assertFalse(Lesson.judge(errors(30, 60, 45, 27, 28)).checks().get(2).met());
        // BP 6 points from DGL+MLAAN.
        assertFalse(Lesson.judge(errors(22, 60, 45, 40, 28)).checks().get(3).met());
        // A run that never evaluated fails its checks.
        Map<Method, Double> missing = errors(30, 60, 45, 40, 28);
        missing.remove(Method.DGL_MLM);
        assertFalse(Lesson.judge(missing).checks().get(1).met());
    }

    private static Map<Method, Double> errors(double bp, double dgl, double mlm, double lam, double mlaan) {
        Map<Method, Double> m = new EnumMap<>(Method.class);
        m.put(Method.BP, bp);
        m.put(Method.DGL, dgl);
        m.put(Method.DGL_MLM, mlm);
        m.put(Method.DGL_LAM, lam);
        m.put(Method.DGL_MLAAN, mlaan);
        return m;
    }
}
