package org.mlaan.lab.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFolderTest {
    private static final LocalDateTime TIME = LocalDateTime.of(2025, 3, 14, 15, 9, 26);

    @TempDir
    Path tmp;

    @Test
    void folderIsNamedAfterTheConfigAndTimeWithASuffixWhenTaken() throws IOException {
        try (RunFolder a = RunFolder.create(tmp, "demo", TIME);
                RunFolder b = RunFolder.create(tmp, "demo", TIME);
                RunFolder c = RunFolder.create(tmp, "demo", TIME)) {
            assertEquals(tmp.resolve("demo-20250314-150926"), a.dir());
            assertEquals(tmp.resolve("demo-20250314-150926-2"), b.dir());
            assertEquals(tmp.resolve("demo-20250314-150926-3"), c.dir());
            assertTrue(Files.isDirectory(a.checkpointsDir()));
        }
    }

    @Test
    void aFixedFolderIsMadeOrTakenWhenEmpty() throws IOException {
        Path dir = tmp.resolve("array").resolve("demo-DGL-s1");
        try (RunFolder f = RunFolder.createAt(dir)) {
            assertEquals(dir, f.dir());
            assertTrue(Files.isDirectory(f.checkpointsDir()));
        }
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        try (RunFolder f = RunFolder.createAt(empty)) {
            assertEquals(empty, f.dir());
        }
    }

    @Test
    void aFixedFolderWhoseRunLeftNoCheckpointStartsAgainAndSaysSo() throws IOException {
        Path dir = tmp.resolve("task");
        try (RunFolder f = RunFolder.createAt(dir)) {
            Files.writeString(dir.resolve(RunFolder.CONFIG), "{}");
            f.appendStep(new StepMetrics(0, 0, 0, 2.3, new double[] {2.3}, 0.1, 0.1, 10, 1, -1));
            f.appendLog("killed in its first epoch\n");
        }
        try (RunFolder f = RunFolder.createAt(dir)) {
            assertTrue(Files.notExists(dir.resolve(RunFolder.CONFIG)) && Files.notExists(dir.resolve(RunFolder.STEPS_CSV)),
                    "the earlier attempt's files are gone");
            String log = Files.readString(dir.resolve(RunFolder.LOG));
            assertTrue(log.startsWith("killed in its first epoch") && log.contains("started again"), log);
        }
    }

    @Test
    void aFixedFolderWithACheckpointOrForeignFilesIsRefused() throws IOException {
        Path run = tmp.resolve("run");
        try (RunFolder f = RunFolder.createAt(run)) {
            Files.writeString(run.resolve(RunFolder.CONFIG), "{}");
            Files.createDirectories(f.checkpointsDir().resolve("last"));
        }
        var e = assertThrows(RunFolderException.class, () -> RunFolder.createAt(run));
        assertTrue(e.getMessage().contains("holds a run with a checkpoint; resume it"), e.getMessage());
        assertTrue(Files.exists(run.resolve(RunFolder.CONFIG)), "nothing was deleted");

        Path other = Files.createDirectories(tmp.resolve("photos"));
        Files.writeString(other.resolve("holiday.jpg"), "not a run");
        var f = assertThrows(RunFolderException.class, () -> RunFolder.createAt(other));
        assertTrue(f.getMessage().contains("holds files but is not a run folder"), f.getMessage());
        assertTrue(Files.exists(other.resolve("holiday.jpg")));
    }

    @Test
    void metricsAreCutBackToTheCheckpointPosition() throws IOException {
        try (RunFolder f = RunFolder.create(tmp, "cut", TIME)) {
            for (int g = 0; g < 6; g++) {
                f.appendStep(new StepMetrics(g / 3, g % 3, g, 1.5 - g * 0.1, new double[] {1}, 0.5, 0.1, 100,
                        1, -1));
            }
            f.appendEpoch(new EpochMetrics(0, 1.4, 0.5, 0.6, Double.NaN, 0.6, 0.1, 2.0));
            f.appendEpoch(new EpochMetrics(1, 1.1, 0.6, 0.5, Double.NaN, 0.5, 0.05, 2.0));
            f.cutMetricsBackTo(4, 1);
            f.appendStep(new StepMetrics(1, 1, 4, 9.0, new double[] {9}, 0.5, 0.1, 100, 1, -1));
        }
        Path dir = tmp.resolve("cut-20250314-150926");
        List<String> steps = Files.readAllLines(dir.resolve(RunFolder.STEPS_CSV));
        assertEquals(RunFolder.STEPS_HEADER, steps.get(0));
        assertEquals(6, steps.size(), steps.toString());
        assertTrue(steps.get(4).startsWith("1,0,3,"), steps.get(4));
        assertEquals("1,1,4,9.0,0.5,0.1,100.0,NaN", steps.get(5));
        List<String> epochs = Files.readAllLines(dir.resolve(RunFolder.EPOCHS_CSV));
        assertEquals(List.of(RunFolder.EPOCHS_HEADER, "0,1.4,0.5,0.6,NaN,0.6,0.1,2.0,"), epochs, "no groups: an empty cell");
    }

    @Test
    void tornLastRowIsDroppedWhenCuttingBack() throws IOException {
        Path file = tmp.resolve("m.csv");
        Files.writeString(file, "a,b,c\n1,2,3\n4,5\n");
        try (CsvLog log = new CsvLog(file, "a,b,c")) {
            log.keepOnly(row -> true);
            log.append("7,8,9");
        }
        assertEquals(List.of("a,b,c", "1,2,3", "7,8,9"), Files.readAllLines(file));
    }

    @Test
    void anOlderLabsStepRowsWithoutSecondsReadAndGoOnUnderTheNewHeader() throws IOException {
        Path file = tmp.resolve(RunFolder.STEPS_CSV);
        Files.writeString(file, "epoch,step,global_step,loss,accuracy,lr,images_per_s\n0,0,0,2.3,0.1,0.1,50.0\n"
                + "0,1,1,2.2,0.2,0.1,55.0\n");
        List<StepMetrics> read = RunFolderReader.steps(file);
        assertEquals(2, read.size());
        assertEquals(55.0, read.get(1).imagesPerSecond());
        assertTrue(Double.isNaN(read.get(1).seconds()), "no seconds column: not known");

        try (CsvLog log = new CsvLog(file, RunFolder.STEPS_HEADER)) {
            log.keepOnly(row -> Long.parseLong(row[2]) < 1);
            log.append("0,1,1,2.1,0.3,0.1,60.0,1.5");
        }
        assertEquals(List.of(RunFolder.STEPS_HEADER, "0,0,0,2.3,0.1,0.1,50.0,NaN", "0,1,1,2.1,0.3,0.1,60.0,1.5"),
                Files.readAllLines(file));
        assertEquals(1.5, RunFolderReader.steps(file).get(1).seconds());

        Files.writeString(file, "epoch,step,loss\n0,0,2.3\n");
        IOException e = assertThrows(IOException.class, () -> RunFolderReader.steps(file));
        assertTrue(e.getMessage().contains("expected the header"), e.getMessage());
    }

    @Test
    void statusRoundTripsThroughJson() throws IOException {
        try (RunFolder f = RunFolder.create(tmp, "status", TIME)) {
            f.writeStatus(new RunStatus("cancelled", "cancelled at epoch 1, step 3", 1, 3, 0.25, 0.2, null,
                    "2025-03-14T15:09:26"));
            RunStatus s = f.readStatus();
            assertEquals("cancelled", s.state());
            assertEquals(0.2, s.bestTop1Error());
            assertEquals(null, s.finalTop5Error());
            assertTrue(Files.readString(f.dir().resolve(RunFolder.STATUS)).contains("\"state\" : \"cancelled\""));
        }
    }

    @Test
    void openingAFolderWithoutConfigFails() {
        IOException e = assertThrows(IOException.class, () -> RunFolder.open(tmp));
        assertEquals(tmp + ": not a run folder (no config.json)", e.getMessage());
    }
}
