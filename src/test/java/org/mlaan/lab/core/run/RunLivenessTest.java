package org.mlaan.lab.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlaan.lab.core.config.ExperimentConfig;

class RunLivenessTest {
    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");

    @TempDir
    Path tmp;

    private static RunStatus running(RunProcess p, Instant beat) {
        return new RunStatus(RunStatus.RUNNING, "", 1, 3, null, null, null, "2026-12-02T12:00", p,
                beat == null ? null : beat.toString());
    }

    @Test
    void aRunWhoseProcessIsGoneReadsStoppedWithTheStepItReached() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        assertTrue(gone.waitFor(30, TimeUnit.SECONDS));
        RunProcess dead = new RunProcess(gone.pid(), RunProcess.hostName(), null);
        RunStatus seen = RunLiveness.seen(running(dead, NOW), 17, NOW);
        assertEquals(RunStatus.STOPPED, seen.state());
        assertTrue(seen.message().startsWith("stopped unexpectedly at step 17 (epoch 1 of 3): its process (pid "
                + gone.pid() + " on "), seen.message());
    }

    @Test
    void aLiveProcessOnThisHostStaysRunningWhateverItsHeartbeat() {
        RunStatus s = running(RunProcess.current(), NOW.minus(Duration.ofDays(1)));
        assertSame(s, RunLiveness.seen(s, 5, NOW));
    }

    @Test
    void aReusedPidWithAnotherStartTimeIsNotTheWriter() {
        RunProcess self = RunProcess.current();
        RunProcess earlier = new RunProcess(self.pid(), self.host(), "2001-01-01T00:00:00Z");
        assertEquals(RunStatus.STOPPED, RunLiveness.seen(running(earlier, NOW), 0, NOW).state());
    }

    @Test
    void onAnotherHostTheHeartbeatDecides() {
        RunProcess elsewhere = new RunProcess(4242, "node-that-is-not-" + RunProcess.hostName(), null);
        RunStatus fresh = running(elsewhere, NOW.minus(Duration.ofMinutes(1)));
        assertSame(fresh, RunLiveness.seen(fresh, 3, NOW));
        RunStatus silent = running(elsewhere, NOW.minus(RunLiveness.STALE).minusSeconds(1));
        RunStatus seen = RunLiveness.seen(silent, 3, NOW);
        assertEquals(RunStatus.STOPPED, seen.state());
        assertTrue(seen.message().contains("no heartbeat from pid 4242 on node-that-is-not-"), seen.message());
    }

    @Test
    void finishedRunsAndRecordsWithoutAProcessAreTakenAtTheirWord() {
        RunStatus done = new RunStatus(RunStatus.COMPLETED, "", 3, 3, 0.2, 0.2, null, "x",
                new RunProcess(1, "h", null), null);
        assertSame(done, RunLiveness.seen(done, 9, NOW));
        RunStatus old = new RunStatus(RunStatus.RUNNING, "", 1, 3, null, null, null, "x");
        assertSame(old, RunLiveness.seen(old, 9, NOW));
    }

    @Test
    void theReaderShowsAFolderLeftRunningByAKilledProcessAsStopped() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        assertTrue(gone.waitFor(30, TimeUnit.SECONDS));
        Path dir;
        try (RunFolder f = RunFolder.create(tmp, "killed", java.time.LocalDateTime.of(2026, 1, 1, 0, 0))) {
            dir = f.dir();
            f.writeConfig(ExperimentConfig.defaults());
            for (int s = 0; s < 4; s++) {
                f.appendStep(new StepMetrics(0, s, s, 1.0, new double[0], 0.5, 0.1, 10, Double.NaN, -1));
            }
        }
        // What a process killed with -9 leaves: its own status saying running.
        String json = org.mlaan.lab.core.config.ConfigFiles.mapper().writeValueAsString(
                running(new RunProcess(gone.pid(), RunProcess.hostName(), null), Instant.now()));
        java.nio.file.Files.writeString(dir.resolve(RunFolder.STATUS), json);
        RunRecord r = RunFolderReader.read(dir);
        assertEquals(RunStatus.STOPPED, r.status().state());
        assertTrue(r.status().message().startsWith("stopped unexpectedly at step 4 "), r.status().message());
    }
}
