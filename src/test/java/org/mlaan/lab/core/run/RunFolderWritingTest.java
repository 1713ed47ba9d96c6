package org.mlaan.lab.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlaan.lab.core.config.ExperimentConfig;

/** A run folder opened to be written: links refused, the lock held, the status stamped and written hard. */
class RunFolderWritingTest {
    private static final LocalDateTime TIME = LocalDateTime.of(2026, 12, 2, 10, 0);

    @TempDir
    Path tmp;

    private Path runFolder() throws IOException {
        try (RunFolder f = RunFolder.create(tmp, "w", TIME)) {
            f.writeConfig(ExperimentConfig.defaults());
            return f.dir();
        }
    }

    @Test
    void aSymlinkedCheckpointsFolderIsRefusedAndItsTargetUntouched() throws IOException {
        Path dir = runFolder();
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        Files.writeString(elsewhere.resolve("precious.txt"), "keep me");
        Files.delete(dir.resolve(RunFolder.CHECKPOINTS));
        Files.createSymbolicLink(dir.resolve(RunFolder.CHECKPOINTS), elsewhere);
        RunFolderException e = assertThrows(RunFolderException.class, () -> RunFolder.openForWriting(dir));
        assertTrue(e.getMessage().startsWith(dir.resolve(RunFolder.CHECKPOINTS) + ": is a symbolic link (to "
                + elsewhere + ")"), e.getMessage());
        assertEquals(List.of(elsewhere.resolve("precious.txt")), list(elsewhere));
    }

    @Test
    void aSymlinkedFileDeepInsideIsRefused() throws IOException {
        Path dir = runFolder();
        Path last = Files.createDirectories(dir.resolve(RunFolder.CHECKPOINTS).resolve("last"));
        Files.createSymbolicLink(last.resolve("backbone.params"), tmp.resolve("nowhere"));
        RunFolderException e = assertThrows(RunFolderException.class, () -> RunFolder.openForWriting(dir));
        assertTrue(e.getMessage().startsWith(last.resolve("backbone.params") + ": is a symbolic link"), e.getMessage());
    }

    @Test
    void theFolderItselfMayBeReachedThroughALink() throws IOException {
        Path dir = runFolder();
        Path link = Files.createSymbolicLink(tmp.resolve("link-to-run"), dir);
        try (RunFolder f = RunFolder.openForWriting(link)) {
            assertEquals(link, f.dir());
        }
    }

    @Test
    void writingAFolderHoldsItsLockUntilClosed() throws IOException {
        Path dir = runFolder();
        try (RunFolder f = RunFolder.openForWriting(dir)) {
            assertThrows(RunFolderException.class, () -> RunFolder.openForWriting(dir));
        }
        RunFolder.openForWriting(dir).close();
    }

    @Test
    void statusIsStampedWithTheWriterAndAHeartbeat() throws IOException {
        try (RunFolder f = RunFolder.create(tmp, "s", TIME)) {
            Instant before = Instant.now();
            f.writeStatus(new RunStatus(RunStatus.RUNNING, "", 0, 2, null, null, null, "t"));
            RunStatus read = f.readStatus();
            assertEquals(ProcessHandle.current().pid(), read.process().pid());
            assertEquals(RunProcess.hostName(), read.process().host());
            assertTrue(!Instant.parse(read.heartbeat()).isBefore(before.minusSeconds(1)), read.heartbeat());
        }
    }

    @Test
    void aStatusThatCannotBeWrittenAtomicallyIsWrittenInPlace() {
        List<String> tried = new ArrayList<>();
        Optional<IOException> result = StatusWrites.hard(() -> {
            tried.add("atomic");
            throw new IOException("No space left on device");
        }, () -> tried.add("in place"));
        assertEquals(Optional.empty(), result);
        assertEquals(List.of("atomic", "in place"), tried);
    }

    @Test
    void whenBothWritesFailTheCallerGetsBothErrors() {
        Optional<IOException> result = StatusWrites.hard(() -> {
            throw new IOException("no space for the temporary file");
        }, () -> {
            throw new IOException("no space at all");
        });
        assertEquals("no space at all", result.orElseThrow().getMessage());
        assertEquals("no space for the temporary file", result.orElseThrow().getSuppressed()[0].getMessage());
    }

    @Test
    void notARunFolderIsNamed() throws IOException {
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        RunFolderException e = assertThrows(RunFolderException.class, () -> RunFolder.openForWriting(file));
        assertEquals(file + ": not a run folder (a file)", e.getMessage());
        RunFolderException parent = assertThrows(RunFolderException.class, () -> RunFolder.create(file, "n", TIME));
        assertEquals(file + ": is a file, expected a folder to make run folders in", parent.getMessage());
    }

    private static List<Path> list(Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            return s.toList();
        }
    }
}
