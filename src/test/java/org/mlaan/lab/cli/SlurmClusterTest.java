package org.mlaan.lab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlaan.lab.analysis.RunFixtures;
import org.mlaan.lab.cluster.JobArray;
import org.mlaan.lab.cluster.Slurm;
import org.mlaan.lab.cluster.TaskStatus;
import org.mlaan.lab.core.config.ConfigFiles;
import org.mlaan.lab.core.config.Method;
import org.mlaan.lab.core.run.RunFolderReader;
import org.mlaan.lab.core.run.RunRecord;
import org.mlaan.lab.core.run.StepMetrics;

/**
 * {@code ablate --slurm} against a real Slurm: the one-node cluster {@code .ci/run} starts from
 * Debian's packages ({@code .ci/slurm-cluster}). Skipped where no cluster answers, unless
 * {@code MLAAN_SLURM_REQUIRED=1} (CI), where that is a failure.
 */
class SlurmClusterTest {
    private static final Duration WAIT = Duration.ofMinutes(6);

    @BeforeAll
    static void aClusterAnswers() throws Exception {
        boolean up;
        try {
            Process p = new ProcessBuilder("sinfo", "--noheader", "--format=%t").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            up = p.waitFor() == 0 && out.matches("(?s).*\\b(idle|mix|alloc)\\b.*");
        } catch (java.io.IOException e) {
            up = false;
        }
        if ("1".equals(System.getenv("MLAAN_SLURM_REQUIRED"))) {
            assertTrue(up, "MLAAN_SLURM_REQUIRED=1 but no Slurm node answers sinfo (.ci/slurm-cluster starts one)");
        }
        Assumptions.assumeTrue(up, "no Slurm cluster here (.ci/slurm-cluster start DIR starts a one-node one)");
    }

    private static Path config(Path dir, String name, int epochs) throws Exception {
        Path cfg = dir.resolve(name + ".json");
        ConfigFiles.write(RunFixtures.config(name, Method.DGL, 42, epochs), cfg);
        return cfg;
    }

    private static List<TaskStatus> waitFor(JobArray array, Predicate<List<TaskStatus>> done, String what)
            throws Exception {
        Instant deadline = Instant.now().plus(WAIT);
        List<TaskStatus> s = array.status(new Slurm());
        while (!done.test(s)) {
            assertTrue(Instant.now().isBefore(deadline), "waited " + WAIT + " for " + what + "; tasks: " + s);
            Thread.sleep(500);
            s = array.status(new Slurm());
        }
        return s;
    }

    private static String jobId(String out) {
        Matcher m = Pattern.compile("Slurm job (\\d+)").matcher(out);
        assertTrue(m.find(), out);
        return m.group(1);
    }

    @Test
    void aPartitionThatDoesNotExistIsRefusedInSlurmsWordsAndLeavesNothing(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("nowhere");
        CommandLineTest.Result r = CommandLineTest.run("ablate", "--config", config(dir, "tiny", 1).toString(),
                "--seeds", "1", "--methods", "BP", "--slurm", "--partition", "no-such-partition", "--out",
                out.toString());
        assertEquals(Main.BAD_INPUT, r.code(), r.out());
        assertTrue(r.err().contains("sbatch refused the job array") && r.err().contains("invalid partition"), r.err());
        assertTrue(Files.notExists(out), "nothing left that looks submitted");
    }

    @Test
    void anAblationRunsAsAJobArrayAndACancelledTaskContinuesFromItsCheckpoint(@TempDir Path dir) throws Exception {
        // 1. Two methods x two seeds, two at a time on one core each; Table 4 from the run folders.
        Path out = dir.resolve("abl");
        CommandLineTest.Result sub = CommandLineTest.run("ablate", "--config", config(dir, "tiny", 2).toString(),
                "--seeds", "2", "--methods", "BP,DGL", "--slurm", "--cpus-per-task", "1", "--max-parallel", "2",
                "--out", out.toString());
        assertEquals(0, sub.code(), sub.err());
        jobId(sub.out());
        JobArray array = JobArray.at(out);
        List<TaskStatus> done = waitFor(array, s -> s.stream().allMatch(t -> t.state() == TaskStatus.State.COMPLETED
                || t.state() == TaskStatus.State.FAILED), "the four runs");
        assertTrue(done.stream().allMatch(t -> t.state() == TaskStatus.State.COMPLETED), done.toString());
        for (TaskStatus t : done) {
            RunRecord r = RunFolderReader.read(t.task().runFolder());
            assertEquals(2, r.epochs().size(), t.task().name());
            assertEquals(t.task().seed(), r.config().seedOrDefault());
        }
        CommandLineTest.Result report = CommandLineTest.run("report", out.toString(), "--out",
                dir.resolve("abl.html").toString(), "--no-checkpoint-analyses", "--json");
        assertEquals(0, report.code(), report.err());
        JsonNode ablation = ConfigFiles.mapper().readTree(report.out()).get("ablation");
        assertEquals(2, ablation.get("bp").get("seeds").size(), ablation.toString());
        assertEquals("DGL", ablation.get("cells").get(0).get("method").asText());
        assertEquals(2, ablation.get("cells").get(0).get("seeds").size(), ablation.toString());

        // 2. A longer pair: cancel one mid-run, see it reported, resubmit, and it finishes from its checkpoint.
        Path out2 = dir.resolve("long");
        CommandLineTest.Result sub2 = CommandLineTest.run("ablate", "--config", config(dir, "long", 20).toString(),
                "--seeds", "2", "--methods", "DGL", "--slurm", "--cpus-per-task", "1", "--out", out2.toString());
        assertEquals(0, sub2.code(), sub2.err());
        String job = jobId(sub2.out());
        JobArray longer = JobArray.at(out2);
        waitFor(longer, s -> s.get(0).state() == TaskStatus.State.RUNNING && s.get(0).detail().matches(
                "epoch ([2-9]|1\\d) of 20 done.*"), "task 0 past its second epoch");
        Process cancel = new ProcessBuilder("scancel", job + "_0").redirectErrorStream(true).start();
        assertEquals(0, cancel.waitFor(), new String(cancel.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        List<TaskStatus> cancelled = waitFor(longer, s -> s.get(0).state() == TaskStatus.State.CANCELLED,
                "task 0 to stop");
        RunRecord stopped = RunFolderReader.read(cancelled.get(0).task().runFolder());
        int stoppedAt = stopped.status().epochsDone();
        assertTrue(stoppedAt >= 2 && stoppedAt < 20, "stopped mid-run: " + stopped.status());
        CommandLineTest.Result status = CommandLineTest.run("ablate", "--status", out2.toString());
        assertTrue(status.out().matches("(?s).*\\n0 +long-DGL-s42 +cancelled +cancelled at epoch.*"), status.out());

        CommandLineTest.Result again = CommandLineTest.run("ablate", "--resubmit", out2.toString());
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().contains("submitted 1 task(s) [0]"), again.out());
        List<TaskStatus> finished = waitFor(longer, s -> s.stream().allMatch(t -> t.state() == TaskStatus.State.COMPLETED
                || t.state() == TaskStatus.State.FAILED), "both runs to finish");
        assertTrue(finished.stream().allMatch(t -> t.state() == TaskStatus.State.COMPLETED), finished.toString());
        RunRecord resumed = RunFolderReader.read(finished.get(0).task().runFolder());
        assertEquals(20, resumed.epochs().size());
        long[] steps = resumed.steps().stream().mapToLong(StepMetrics::globalStep).toArray();
        for (int i = 1; i < steps.length; i++) {
            assertEquals(steps[i - 1] + 1, steps[i], "one row per step, none twice, none missing");
        }
        try (var files = Files.list(finished.get(0).task().runFolder())) {
            assertEquals(1, files.filter(p -> p.getFileName().toString().startsWith("provenance-resumed-")).count(),
                    "continued once from its checkpoint, not started over");
        }
    }
}
