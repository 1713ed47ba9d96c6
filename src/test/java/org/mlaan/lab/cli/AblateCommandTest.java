package org.mlaan.lab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlaan.lab.analysis.AblationPlan;
import org.mlaan.lab.analysis.RunFixtures;
import org.mlaan.lab.core.config.ConfigFiles;
import org.mlaan.lab.core.config.Method;

/** {@code ablate --epochs-for}: per-method epoch budgets, so the queue gives Table 5 too. */
class AblateCommandTest {
    private static final AblationPlan DGL_PLAN = AblationPlan.of(RunFixtures.config("a", Method.DGL, 1, 4), 1);

    @Test
    void epochsForReadsMethodEqualsEpochsForEachMethod() {
        assertEquals(Map.of(Method.DGL_MLAAN, 2, Method.DGL, 4),
                AblateCommand.epochsFor(List.of("DGL+MLAAN=2", "dgl=4"), DGL_PLAN));
    }

    @Test
    void badEpochsForValuesNameTheOptionAndTheProblem() {
        String[][] cases = {
            {"DGL+MLAAN", "expected METHOD=N"},
            {"DGL+FOO=2", "unknown method 'DGL+FOO'"},
            {"InfoPro=2", "InfoPro is not in this ablation"},
            {"DGL=0", "expected at least 1 epoch, got 0"},
            {"DGL=two", "expected a whole number of epochs"}};
        for (String[] c : cases) {
            var e = assertThrows(IllegalArgumentException.class, () -> AblateCommand.epochsFor(List.of(c[0]), DGL_PLAN));
            assertTrue(e.getMessage().startsWith("--epochs-for '" + c[0] + "'") && e.getMessage().contains(c[1]),
                    e.getMessage());
        }
        var twice = assertThrows(IllegalArgumentException.class,
                () -> AblateCommand.epochsFor(List.of("DGL=2", "DGL=3"), DGL_PLAN));
        assertTrue(twice.getMessage().contains("--epochs-for: DGL is given twice"), twice.getMessage());
    }

    @Test
    void theCommandRejectsABadEpochsForBeforeAnyRun(@TempDir Path dir) throws Exception {
        Path cfg = dir.resolve("abl.json");
        ConfigFiles.write(RunFixtures.config("abl", Method.DGL, 1, 1), cfg);
        CommandLineTest.Result r = CommandLineTest.run("ablate", "--config", cfg.toString(), "--seeds", "1",
                "--epochs-for", "DGL+MLM=-1", "--out", dir.resolve("runs").toString());
        assertEquals(Main.BAD_INPUT, r.code());
        assertTrue(r.err().contains("--epochs-for 'DGL+MLM=-1': expected at least 1 epoch"), r.err());
        assertTrue(Files.notExists(dir.resolve("runs")), "nothing ran");
    }
}
