package org.mlaan.lab.core.run;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunLockTest {
    @TempDir
    Path tmp;

    @Test
    void aSecondProcessIsRefusedWithTheHolderNamedUntilTheHolderEnds() throws Exception {
        Process holder = LockHolder.start(tmp);
        try {
            RunFolderException e = assertThrows(RunFolderException.class, () -> RunLock.acquire(tmp));
            assertTrue(e.getMessage().startsWith(tmp + ": in use by another training process (pid " + holder.pid()
                    + " on "), e.getMessage());
        } finally {
            holder.getOutputStream().close();
            assertTrue(holder.waitFor(60, TimeUnit.SECONDS), "the holder ends when its input closes");
        }
        try (RunLock lock = RunLock.acquire(tmp)) {
            assertTrue(Files.readString(tmp.resolve(RunLock.FILE)).contains("\"pid\" : " + ProcessHandle.current().pid()),
                    "the file names the new holder");
        }
    }

    @Test
    void aKilledHolderLeavesNoStaleLock() throws Exception {
        Process holder = LockHolder.start(tmp);
        holder.destroyForcibly();
        assertTrue(holder.waitFor(60, TimeUnit.SECONDS));
        try (RunLock lock = RunLock.acquire(tmp)) {
            assertTrue(Files.exists(tmp.resolve(RunLock.FILE)));
        }
    }

    @Test
    void theSameProcessCannotTakeItTwiceAndCanAfterRelease() throws Exception {
        RunLock first = RunLock.acquire(tmp);
        RunFolderException e = assertThrows(RunFolderException.class, () -> RunLock.acquire(tmp));
        assertTrue(e.getMessage().contains("in use by a run this process is training (pid "
                + ProcessHandle.current().pid()), e.getMessage());
        // The refused attempt must not have dropped the first holder's OS lock: another process still cannot take it.
        Process probe = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-cp",
                System.getProperty("java.class.path"), LockHolder.class.getName(), tmp.toString())
                .redirectErrorStream(true).start();
        String said = new String(probe.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(probe.waitFor(60, TimeUnit.SECONDS));
        assertTrue(said.contains("in use by another training process"), said);
        first.close();
        first.close();
        try (RunLock again = RunLock.acquire(tmp)) {
            assertTrue(Files.readString(tmp.resolve(RunLock.FILE)).contains("\"pid\""));
        }
    }
}
