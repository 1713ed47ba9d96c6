package org.mlaan.lab.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mlaan.lab.analysis.result.MemoryRow;
import org.mlaan.lab.core.config.ExperimentConfig;

class IsolatedBenchTest {

    @Test
    void table3MeasuresBpFirstThenTheLocalMethodEachInItsOwnJvm() throws Exception {
        ExperimentConfig dgl = TinyTrainedRuns.config("mem", "DGL", ", \"split\": {\"cutsAfter\": [\"1.2\", \"2.2\"]}");
        List<Double> progress = new ArrayList<>();

        List<MemoryRow> rows = IsolatedBench.memory(dgl, 1, "cpu", (what, f) -> progress.add(f));

        assertEquals(List.of("BP", "DGL"), rows.stream().map(MemoryRow::method).toList());
        assertEquals("", rows.get(0).split());
        assertEquals("3 modules", rows.get(1).split());
        assertEquals(16, rows.get(1).batchSize());
        // Three gradient-isolated modules keep one module's activations, not the whole network's.
        assertTrue(rows.get(1).liveBytes() < rows.get(0).liveBytes(), rows.toString());
        assertTrue(rows.get(0).processBytes() > 0, "a resident-set peak from the child JVM");
        assertEquals(-1, rows.get(0).deviceBytes());
        assertEquals(1.0, progress.get(progress.size() - 1));
    }

    @Test
    void bpAloneIsRefusedBeforeAnyJvmStarts() {
        ExperimentConfig bp = TinyTrainedRuns.config("mem", "BP", "");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> IsolatedBench.memory(bp, 1, "cpu", AnalysisProgress.NONE));
        assertTrue(e.getMessage().contains("BP"));
    }
}
