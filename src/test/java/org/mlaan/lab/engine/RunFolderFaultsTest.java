package org.mlaan.lab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlaan.lab.core.config.ConfigFiles;
import org.mlaan.lab.core.config.ExperimentConfig;
import org.mlaan.lab.core.config.SplitConfig;
import org.mlaan.lab.core.run.EpochMetrics;
import org.mlaan.lab.core.run.LockHolder;
import org.mlaan.lab.core.run.RunFinished;
import org.mlaan.lab.core.run.RunFolder;
import org.mlaan.lab.core.run.RunFolderException;
import org.mlaan.lab.core.run.RunListener;
import org.mlaan.lab.core.run.RunStatus;
import org.mlaan.lab.core.run.StepMetrics;
import org.mlaan.lab.data.LoadedData;

/**
 * Run folders under the faults a hostile but fair user brings: a second writer, damaged
 * checkpoint files, a resume that would shorten the run, a failure whose status cannot be
 * written. One local-method run with a checkpoint after its first epoch is made once and copied
 * for each test.
 */
class RunFolderFaultsTest {
    private static final LoadedData DATA = TinyData.make(24, 8, 16, 4, 3);
    private static final ExperimentConfig CONFIG = TinyData.config("faults", 3, 8, 2).withMethod("DGL+MLAAN")
            .withSplit(SplitConfig.cuts(List.of("1.2", "2.1")));

    @TempDir
    static Path shared;
    static Path template;

    @TempDir
    Path tmp;

    /** A run cancelled after its first epoch: a checkpoint at 1.0 with every file, aux.ndlist included. */
    @BeforeAll
    static void makeTemplate() throws Exception {
        TrainingRun[] target = new TrainingRun[1];
        try (TrainingRun run = TrainingRun.create(CONFIG, RunOptions.defaults().withOutDir(shared), DATA)) {
            target[0] = run;
            template = run.runDir();
            RunFinished f = run.run(new RunListener() {
                @Override
                public void onEpoch(EpochMetrics e) {
                    target[0].cancel();
                }
            });
            assertEquals(RunFinished.Status.CANCELLED, f.status());
        }
    }

    private Path copy() throws IOException {
        Path to = tmp.resolve("run");
        try (Stream<Path> walk = Files.walk(template)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.naturalOrder())::iterator) {
                Path target = to.resolve(template.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return to;
    }

    private static Path last(Path run) {
        return run.resolve(RunFolder.CHECKPOINTS).resolve(Checkpoint.LAST);
    }

    private static RunFolderException resumeFails(Path run) {
        return assertThrows(RunFolderException.class, () -> TrainingRun.resume(run, RunOptions.defaults(), DATA));
    }

    @Test
    void theCopiedRunResumesAndCompletes() throws Exception {
        Path run = copy();
        try (TrainingRun r = TrainingRun.resume(run, RunOptions.defaults(), DATA)) {
            assertEquals(RunFinished.Status.COMPLETED, r.run(new TrainingRunTest.Recorder()).status());
        }
    }

    @Test
    void bytesOverwrittenInTheParametersAreFoundAndTheFileNamed() throws Exception {
        Path run = copy();
        Path params = last(run).resolve(Checkpoint.PARAMETERS);
        try (RandomAccessFile f = new RandomAccessFile(params.toFile(), "rw")) {
            f.seek(f.length() / 2);
            f.write(new byte[64]);
        }
        RunFolderException e = resumeFails(run);
        assertTrue(e.getMessage().startsWith(params + ": damaged: its SHA-256 differs"), e.getMessage());
    }

    @Test
    void truncatedOptimizerAndAuxFilesAreNamed() throws Exception {
        for (String name : List.of(Checkpoint.OPTIMIZER, Checkpoint.AUX)) {
            Path run = copy();
            Path file = last(run).resolve(name);
            long size = Files.size(file);
            try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
                f.setLength(size / 3);
            }
            RunFolderException e = resumeFails(run);
            assertEquals(file + ": truncated: " + size / 3 + " bytes, " + size + " were written; this checkpoint"
                    + " cannot be trusted (restore the run folder from a copy, or start the run again)", e.getMessage());
            deleteTree(run);
        }
    }

    @Test
    void aTruncatedStateFileIsNamedWithoutAParserDump() throws Exception {
        Path run = copy();
        Path state = last(run).resolve(Checkpoint.STATE);
        String json = Files.readString(state);
        Files.writeString(state, json.substring(0, json.length() / 2));
        RunFolderException e = resumeFails(run);
        assertTrue(e.getMessage().startsWith(state + ": damaged or incomplete ("), e.getMessage());
        assertFalse(e.getMessage().contains("com.fasterxml"), e.getMessage());
    }

    @Test
    void aDecodingFailureNamesTheFileEvenWithoutChecksums() throws Exception {
        Path run = copy();
        Path aux = last(run).resolve(Checkpoint.AUX);
        try (RandomAccessFile f = new RandomAccessFile(aux.toFile(), "rw")) {
            f.setLength(f.length() / 3);
        }
        // A checkpoint of a lab version before checksums: the decoder itself must name the file.
        Path state = last(run).resolve(Checkpoint.STATE);
        CheckpointState s = Checkpoint.readState(last(run));
        Files.write(state, ConfigFiles.mapper().writeValueAsBytes(s.withFiles(null)));
        RunFolderException e = resumeFails(run);
        assertTrue(e.getMessage().startsWith(aux + ": cannot be decoded ("), e.getMessage());
    }

    @Test
    void aConfigChangedToAnotherMethodIsRefusedAsTheFolder() throws Exception {
        Path run = copy();
        Path config = run.resolve(RunFolder.CONFIG);
        ConfigFiles.write(CONFIG.withMethod("DGL"), config);
        RunFolderException e = resumeFails(run);
        assertTrue(e.getMessage().startsWith(last(run).resolve(Checkpoint.AUX) + ": the saved aux arrays do not match"),
                e.getMessage());
    }

    @Test
    void aResumeThatWouldShortenTheRunIsRefusedAndTheRecordKept() throws Exception {
        Path run = copy();
        String before = Files.readString(run.resolve(RunFolder.CONFIG));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrainingRun.resume(run, RunOptions.defaults().withEpochs(1), DATA));
        assertTrue(e.getMessage().startsWith("--epochs 1: " + run + " was started for 3 epochs and has done 1;"),
                e.getMessage());
        assertEquals(before, Files.readString(run.resolve(RunFolder.CONFIG)));
        assertEquals(RunStatus.CANCELLED, RunFolder.open(run).readStatus().state());
        // Extending stays allowed, and the folder is free again after the refusal.
        try (TrainingRun r = TrainingRun.resume(run, RunOptions.defaults().withEpochs(4), DATA)) {
            assertEquals(4, r.config().training().epochs());
        }
    }

    @Test
    void aFolderAnotherProcessWritesIsRefusedWithThatProcessNamed() throws Exception {
        Path run = copy();
        Process holder = LockHolder.start(run);
        try {
            RunFolderException e = resumeFails(run);
            assertTrue(e.getMessage().contains("in use by another training process (pid " + holder.pid()), e.getMessage());
        } finally {
            holder.getOutputStream().close();
            assertTrue(holder.waitFor(60, TimeUnit.SECONDS));
        }
        List<String> rows = Files.readAllLines(run.resolve(RunFolder.STEPS_CSV));
        assertEquals(Files.readAllLines(template.resolve(RunFolder.STEPS_CSV)), rows, "nothing written by the refused one");
    }

    @Test
    void aRunCannotBeResumedWhileThisProcessTrainsIt() throws Exception {
        Path run = copy();
        RunFolderException[] refused = new RunFolderException[1];
        try (TrainingRun r = TrainingRun.resume(run, RunOptions.defaults(), DATA)) {
            r.run(new RunListener() {
                @Override
                public void onStep(StepMetrics s) {
                    if (refused[0] == null) {
                        refused[0] = assertThrows(RunFolderException.class,
                                () -> TrainingRun.resume(run, RunOptions.defaults(), DATA));
                    }
                }
            });
        }
        assertTrue(refused[0].getMessage().contains("in use by a run this process is training"), refused[0].getMessage());
    }

    @Test
    void aFailureGoesToStatusAndTheTraceToTheRunLogNotTheTerminal() throws Exception {
        Path run = copy();
        String err = stderrOf(() -> {
            try (TrainingRun r = TrainingRun.resume(run, RunOptions.defaults(), DATA)) {
                RunFinished f = r.run(new RunListener() {
                    @Override
                    public void onStep(StepMetrics s) {
                        throw new IllegalStateException("listener broke");
                    }
                });
                assertEquals(RunFinished.Status.FAILED, f.status());
            }
        });
        assertFalse(err.contains("\tat "), "no stack trace on the terminal: " + err);
        RunStatus status = RunFolder.open(run).readStatus();
        assertEquals(RunStatus.FAILED, status.state());
        String log = Files.readString(run.resolve(RunFolder.LOG));
        assertTrue(log.contains("java.lang.IllegalStateException: listener broke"), log);
        assertTrue(log.contains("\tat org.mlaan.lab.engine.TrainingRun"), log);
    }

    @Test
    void aFailureWhoseStatusCannotBeWrittenSaysSoOnStderr() throws Exception {
        Path run = copy();
        String err = stderrOf(() -> {
            try (TrainingRun r = TrainingRun.resume(run, RunOptions.defaults(), DATA)) {
                RunFinished f = r.run(new RunListener() {
                    @Override
                    public void onStep(StepMetrics s) {
                        // The folder goes away under the run and a file takes its place: the epoch's
                        // checkpoint, then the failed status, cannot be written.
                        if (s.step() == 0) {
                            deleteTree(run);
                            try {
                                Files.writeString(run, "not a folder");
                            } catch (IOException e) {
                                throw new java.io.UncheckedIOException(e);
                            }
                        }
                    }
                });
                assertEquals(RunFinished.Status.FAILED, f.status());
            }
        });
        // Logged (SLF4J writes it to stderr), the engine never prints itself (issue 17).
        assertTrue(err.contains("ERROR") && err.contains("the run in " + run + " failed ("), err);
        assertTrue(err.contains("and its status.json could not be written either"), err);
    }

    private static String stderrOf(ThrowingRunnable body) throws Exception {
        PrintStream saved = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            body.run();
        } finally {
            System.setErr(saved);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
