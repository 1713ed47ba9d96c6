package org.mlaan.lab.core.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlaan.lab.core.config.ExperimentConfig;

class RunFolderReaderTest {
    private static final LocalDateTime TIME = LocalDateTime.of(2025, 3, 14, 15, 9, 26);

    @TempDir
    Path tmp;

    private Path writtenRun(int steps) throws IOException {
        ExperimentConfig config = ExperimentConfig.defaults().withName("read").withSeed(7);
        try (RunFolder f = RunFolder.create(tmp, "read", TIME)) {
            f.writeConfig(config);
            for (int g = 0; g < steps; g++) {
                f.appendStep(new StepMetrics(g / 2, g % 2, g, 2.0 - g * 0.25, new double[] {1, 2}, 0.125 * g, 0.1,
                        150 + g, 3, 1000));
            }
            f.appendEpoch(new EpochMetrics(0, 1.9, 0.1, 0.8, Double.NaN, 0.8, 0.1, 1.5));
            f.appendEpoch(new EpochMetrics(1, 1.4, 0.3, 0.7, Double.NaN, 0.7, 0.05, 1.25));
            f.writeStatus(new RunStatus(RunStatus.COMPLETED, "", 2, 2, 0.7, 0.7, null, "2025-03-14T15:10"));
            return f.dir();
        }
    }

    @Test
    void negativeMetricsAreWrittenAsNumbersAndReadBack() throws IOException {
        Path dir;
        try (RunFolder f = RunFolder.create(tmp, "neg", TIME)) {
            f.writeConfig(ExperimentConfig.defaults().withName("neg"));
            f.appendStep(new StepMetrics(0, 0, 0, -0.5, new double[0], Double.NaN, -1e-3, 10, 0, -1));
            dir = f.dir();
        }
        List<String> lines = Files.readAllLines(dir.resolve(RunFolder.STEPS_CSV));
        assertEquals("0,0,0,-0.5,NaN,-0.001,10.0,NaN", lines.get(1), "numbers are never marked as text");

        StepMetrics back = RunFolderReader.read(dir).steps().get(0);
        assertEquals(-0.5, back.loss());
        assertEquals(-1e-3, back.learningRate());
        assertTrue(Double.isNaN(back.accuracy()));
    }

    @Test
    void readsConfigStatusAndEveryMetricsRow() throws IOException {
        Path dir = writtenRun(4);

        RunRecord r = RunFolderReader.read(dir);

        assertEquals(7L, r.config().seed());
        assertEquals(RunStatus.COMPLETED, r.status().state());
        assertEquals(4, r.steps().size());
        StepMetrics third = r.steps().get(2);
        assertEquals(1, third.epoch());
        assertEquals(0, third.step());
        assertEquals(2, third.globalStep());
        assertEquals(1.5, third.loss());
        assertEquals(0.25, third.accuracy());
        assertEquals(152.0, third.imagesPerSecond());
        assertArrayEquals(new double[0], third.moduleLosses(), "per-module losses are not in the CSV");
        assertEquals(-1, third.liveBytes());
        assertEquals(2, r.epochs().size());
        assertEquals(0.7, r.epochs().get(1).testTop1Error());
        assertTrue(Double.isNaN(r.epochs().get(1).testTop5Error()));
        assertEquals(1.25, r.epochs().get(1).seconds());
    }

    @Test
    void tornLastRowOfARunStillWritingIsDropped() throws IOException {
        Path dir = writtenRun(3);
        Files.writeString(dir.resolve(RunFolder.STEPS_CSV), "1,1,3,0.9", java.nio.file.StandardOpenOption.APPEND);

        assertEquals(3, RunFolderReader.read(dir).steps().size());
    }

    @Test
    void runThatNeverSteppedReadsAsNoRowsAndNoStatus() throws IOException {
        Path dir = tmp.resolve("empty");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(RunFolder.CONFIG), "{}");

        RunRecord r = RunFolderReader.read(dir);

        assertEquals(List.of(), r.steps());
        assertEquals(List.of(), r.epochs());
        assertNull(r.status());
    }

    @Test
    void badNumberNamesFileLineAndField() throws IOException {
        Path dir = writtenRun(3);
        Path csv = dir.resolve(RunFolder.STEPS_CSV);
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(csv));
        lines.set(2, "0,1,1,abc,0.5,0.1,100.0,1.5");
        Files.write(csv, lines);

        IOException e = assertThrows(IOException.class, () -> RunFolderReader.read(dir));

        assertTrue(e.getMessage().contains("metrics-steps.csv line 3, field 4: expected a number, found 'abc'"),
                e.getMessage());
    }

    @Test
    void foreignHeaderIsRefusedWithTheExpectedOne() throws IOException {
        Path dir = writtenRun(1);
        Files.writeString(dir.resolve(RunFolder.EPOCHS_CSV), "a,b\n1,2\n");

        IOException e = assertThrows(IOException.class, () -> RunFolderReader.read(dir));

        assertTrue(e.getMessage().contains("expected the header '" + RunFolder.EPOCHS_HEADER + "'"), e.getMessage());
    }

    @Test
    void folderWithoutConfigIsNotARunFolder() {
        IOException e = assertThrows(IOException.class, () -> RunFolderReader.read(tmp));

        assertTrue(e.getMessage().endsWith("not a run folder (no config.json)"), e.getMessage());
    }

    @Test
    void recordCutAtAResumePointKeepsOnlyEarlierRows() throws IOException {
        RunRecord r = RunFolderReader.read(writtenRun(4)).before(3, 1);

        assertEquals(3, r.steps().size());
        assertEquals(1, r.epochs().size());
    }
}
