package org.mlaan.lab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlaan.lab.analysis.RunFixtures;
import org.mlaan.lab.core.config.ConfigFiles;
import org.mlaan.lab.core.config.Method;
import org.mlaan.lab.core.run.RunFolderReader;
import org.mlaan.lab.core.run.RunRecord;

/** {@code train --run-folder}: what a requeued cluster task runs, so it continues rather than starts over. */
class TrainRunFolderTest {

    @Test
    void aRunFolderIsTrainedOnceExtendedFromItsCheckpointAndNeverMixedWithAnotherRun(@TempDir Path dir)
            throws Exception {
        Path cfg = dir.resolve("t.json");
        ConfigFiles.write(RunFixtures.config("t", Method.DGL, 7, 1), cfg);
        Path run = dir.resolve("array").resolve("t-DGL-s7");

        CommandLineTest.Result first = CommandLineTest.run("train", "--config", cfg.toString(), "--run-folder",
                run.toString());
        assertEquals(0, first.code(), first.err());
        assertTrue(first.out().contains("run folder: " + run), first.out());
        assertEquals("completed", RunFolderReader.read(run).status().state());

        CommandLineTest.Result again = CommandLineTest.run("train", "--config", cfg.toString(), "--run-folder",
                run.toString());
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().contains("completed already; nothing to train"), again.out());

        CommandLineTest.Result longer = CommandLineTest.run("train", "--config", cfg.toString(), "--epochs", "2",
                "--run-folder", run.toString());
        assertEquals(0, longer.code(), longer.err());
        assertTrue(longer.out().contains("continuing from its checkpoint"), longer.out());
        RunRecord r = RunFolderReader.read(run);
        assertEquals(2, r.status().epochsDone());
        assertEquals(2, r.epochs().size(), "the first epoch's row kept, the second appended");
        assertEquals(1, Files.list(run).filter(p -> p.getFileName().toString().startsWith("provenance-resumed-"))
                .count(), "the resume is recorded");

        Path other = dir.resolve("o.json");
        ConfigFiles.write(RunFixtures.config("t", Method.DGL, 8, 1), other);
        CommandLineTest.Result mixed = CommandLineTest.run("train", "--config", other.toString(), "--run-folder",
                run.toString());
        assertEquals(Main.BAD_INPUT, mixed.code());
        assertTrue(mixed.err().contains("holds a run of another config (its seed differs"), mixed.err());
    }
}
