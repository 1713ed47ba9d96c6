package org.mlaan.lab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlaan.lab.core.config.ConfigFiles;
import org.mlaan.lab.core.config.DatasetConfig;
import org.mlaan.lab.core.config.ExperimentConfig;
import org.mlaan.lab.core.config.TrainingConfig;
import org.mlaan.lab.core.experiment.Lesson;

/** {@code lesson}: the classroom ablation as a benchmark that prints one table per seed (issue 14). */
class LessonCommandTest {

    /** The built-in lesson made tiny: 64 lesson images, two epochs of two steps. */
    static ExperimentConfig tinyLesson() {
        ExperimentConfig base = ConfigFiles.embedded(Lesson.BUILTIN_FILE);
        return base.withName("tiny-lesson")
                .withDataset(new DatasetConfig("builtin", null, 64, 20, null, null, null, "lesson", null))
                .withTraining(new TrainingConfig(2, 32, 0.05, 0.9, true, 5e-4, "constant", 0, 0.01, 1, null))
                .withDevice("cpu");
    }

    @Test
    void trainsTheFiveSideBySideAndPrintsEachSeedsTableAndVerdict(@TempDir Path dir) throws Exception {
        Path cfg = dir.resolve("tiny.json");
        ConfigFiles.write(tinyLesson(), cfg);
        CommandLineTest.Result r = CommandLineTest.run("lesson", "--config", cfg.toString(), "--seeds", "2",
                "--first-seed", "5", "--minutes", "20", "--out", dir.resolve("runs").toString());
        assertEquals(0, r.code(), r.err());
        for (String row : List.of("BP ", "DGL (probe head) ", "DGL+MLM ", "DGL+LAM ", "DGL+MLAAN ")) {
            // Each run took its four steps (two epochs of two) and was evaluated at the end of each epoch.
            assertTrue(r.out().lines().filter(l -> l.startsWith("  " + row)).count() == 2
                    && r.out().lines().filter(l -> l.startsWith("  " + row))
                            .allMatch(l -> l.matches("  " + java.util.regex.Pattern.quote(row.trim())
                                    + " +4 +128 +2 +\\d+\\.\\d +\\d+\\.\\d +\\d+\\.\\d .*")), r.out());
        }
        assertTrue(r.out().contains("DGL at least 15 points above DGL+MLAAN"), r.out());
        assertTrue(r.out().matches("(?s).*ordering shown at 20m00s on [0-2] of 2 seed\\(s\\).*"), r.out());
        assertTrue(r.out().contains("seed 5, at the end, ") && r.out().contains("seed 6, at the end, "),
                "seeds 5 and 6, each ended before the mark: " + r.out());
        try (Stream<Path> lessons = Files.list(dir.resolve("runs"))) {
            List<Path> seeds = lessons.sorted().toList();
            assertEquals(2, seeds.size(), seeds.toString());
            for (Path seed : seeds) {
                try (Stream<Path> runs = Files.list(seed)) {
                    assertEquals(5, runs.filter(p -> Files.exists(p.resolve("status.json"))).count(), seed.toString());
                }
            }
        }
    }

    @Test
    void aBudgetOfNoTimeIsRefusedBeforeAnyRun(@TempDir Path dir) {
        CommandLineTest.Result r = CommandLineTest.run("lesson", "--minutes", "0", "--out", dir.resolve("runs").toString());
        assertEquals(Main.BAD_INPUT, r.code());
        assertTrue(r.err().contains("--minutes: expected a positive number, got 0"), r.err());
        assertTrue(Files.notExists(dir.resolve("runs")));
    }
}
