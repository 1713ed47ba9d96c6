package org.mlaan.lab.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlaan.lab.analysis.AblationPlan;
import org.mlaan.lab.analysis.RunFixtures;
import org.mlaan.lab.core.cluster.ArrayTask;
import org.mlaan.lab.core.cluster.TaskList;
import org.mlaan.lab.core.config.ConfigFiles;
import org.mlaan.lab.core.config.ExperimentConfig;
import org.mlaan.lab.core.config.Method;
import org.mlaan.lab.core.run.RunRecord;
import org.mlaan.lab.core.run.RunStatus;

/** A job array's folder: the task list, the configs, the script, submissions and status, without a Slurm. */
class JobArrayTest {
    private static final List<String> LAB = List.of("/opt/java/bin/java", "-cp", "/opt/lab.jar", org.mlaan.lab.core.run.LabCommand.MAIN_CLASS);

    private static AblationPlan plan(String name) {
        return AblationPlan.of(RunFixtures.config(name, Method.DGL, 42, 3), 2).withOnly(List.of(Method.BP,
                Method.DGL_MLAAN)).withEpochsFor(Map.of(Method.DGL_MLAAN, 2));
    }

    @Test
    void oneTaskPerRunWithItsOwnConfigAndRunFolder(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("abl");
        JobArray array = JobArray.write(out, List.of(plan("demo")), SlurmOptions.defaults(), LAB);
        List<ArrayTask> tasks = TaskList.read(TaskList.fileOf(out));
        assertEquals(array.tasks(), tasks, "the file holds what was planned");
        assertEquals(List.of("demo-BP-s42", "demo-DGL_MLAAN-s42", "demo-BP-s43", "demo-DGL_MLAAN-s43"),
                tasks.stream().map(ArrayTask::name).toList(), "seed-major, as a local ablation runs");
        assertEquals(List.of(0, 1, 2, 3), tasks.stream().map(ArrayTask::index).toList());
        ArrayTask mlaan = tasks.get(3);
        assertEquals(out.toAbsolutePath().resolve("demo-DGL_MLAAN-s43"), mlaan.runFolder());
        assertEquals(2, mlaan.epochs());
        ExperimentConfig c = ConfigFiles.read(mlaan.configFile());
        assertEquals(Method.DGL_MLAAN, c.methodOrDefault());
        assertEquals(43, c.seedOrDefault());
        assertEquals(2, c.training().epochsOrDefault());
        assertEquals(null, ConfigFiles.read(tasks.get(0).configFile()).split(), "BP drops the split");
        assertFalse(Files.exists(mlaan.runFolder()), "run folders are the tasks' to make");
        assertFalse(array.submitted());
    }

    @Test
    void aGridPutsEachConfigsRunsInItsOwnFolderAndNamesTwinsApart(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("grid");
        JobArray array = JobArray.write(out, List.of(plan("c"), plan("c")), SlurmOptions.defaults(), LAB);
        assertEquals(8, array.tasks().size());
        assertEquals(out.toAbsolutePath().resolve("c").resolve("c-BP-s42"), array.tasks().get(0).runFolder());
        assertEquals(out.toAbsolutePath().resolve("c-2").resolve("c-2-BP-s42"), array.tasks().get(4).runFolder());
        assertEquals("c-2", ConfigFiles.read(array.tasks().get(4).configFile()).nameOrDefault().substring(0, 3));
    }

    @Test
    void aSecondArrayInTheSameFolderIsRefused(@TempDir Path dir) throws Exception {
        JobArray.write(dir, List.of(plan("demo")), SlurmOptions.defaults(), LAB);
        var e = assertThrows(IllegalArgumentException.class,
                () -> JobArray.write(dir, List.of(plan("demo")), SlurmOptions.defaults(), LAB));
        assertTrue(e.getMessage().contains("holds a job array already") && e.getMessage().contains("--resubmit"),
                e.getMessage());
    }

    @Test
    void theScriptAsksForWhatWasGivenAndRunsTheLabsTrain(@TempDir Path dir) throws Exception {
        SlurmOptions o = new SlurmOptions("gpu", "2:00:00", 1, 4, 3, List.of("--account=proj"), "gpu");
        JobArray array = JobArray.write(dir, List.of(plan("demo")), o, LAB);
        String script = Files.readString(array.script());
        for (String line : List.of("#SBATCH --partition=gpu", "#SBATCH --time=2:00:00", "#SBATCH --gpus-per-task=1",
                "#SBATCH --cpus-per-task=4", "#SBATCH --account=proj", "#SBATCH --requeue",
                "#SBATCH --output=" + dir.toAbsolutePath().resolve("slurm/logs/%A_%a.out"),
                "LAB=('/opt/java/bin/java' '-cp' '/opt/lab.jar' 'org.mlaan.lab.app.LabMain')")) {
            assertTrue(script.contains(line + "\n"), line + " in\n" + script);
        }
        assertTrue(script.contains("exec \"${LAB[@]}\" train --config \"$config\" --run-folder \"$folder\" --device 'gpu'"),
                script);
        assertTrue(Files.isExecutable(array.script()));
    }

    @Test
    void eachArrayTaskTrainsItsOwnLine(@TempDir Path dir) throws Exception {
        // The script run by bash as Slurm would, with the lab replaced by echo: task 2 gets line 2.
        JobArray array = JobArray.write(dir.resolve("it's here"), List.of(plan("demo")), SlurmOptions.defaults(),
                List.of("echo", "lab"));
        ProcessBuilder pb = new ProcessBuilder("bash", array.script().toString()).redirectErrorStream(true);
        pb.environment().put("SLURM_ARRAY_TASK_ID", "2");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        ArrayTask t = array.tasks().get(2);
        assertTrue(out.contains("lab train --config " + t.configFile() + " --run-folder " + t.runFolder() + "\n"), out);

        pb.environment().put("SLURM_ARRAY_TASK_ID", "9");
        Process none = pb.start();
        String said = new String(none.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(2, none.waitFor());
        assertTrue(said.contains("no task 9 in"), said);
    }

    @Test
    void arraySpecsAreRangesWithTheLimitAndReadBack() {
        assertEquals("0-3,5,7-8%2", JobArray.arraySpec(List.of(8, 0, 1, 2, 3, 5, 7), 2));
        assertEquals("4", JobArray.arraySpec(List.of(4), null));
        assertEquals(List.of(0, 1, 2, 3, 5, 7, 8), JobArray.indicesOf("0-3,5,7-8%2"));
        assertThrows(IllegalArgumentException.class, () -> JobArray.arraySpec(List.of(), 2));
    }

    @Test
    void aRefusedFirstSubmissionLeavesNothingBehind(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("abl");
        JobArray array = JobArray.write(out, List.of(plan("demo")), SlurmOptions.defaults(), LAB);
        Slurm noSlurm = new Slurm("no-such-sbatch-here", "no-such-squeue", "no-such-sacct");
        var e = assertThrows(SlurmException.class, () -> array.submit(noSlurm, array.allIndices(), null));
        assertTrue(e.getMessage().contains("no 'no-such-sbatch-here' on the PATH"), e.getMessage());
        assertFalse(Files.exists(out), "no folder that looks submitted");
    }

    @Test
    void aSubmissionIsRecordedAndTheStatusJoinsFoldersAndQueue(@TempDir Path dir) throws Exception {
        JobArray array = JobArray.write(dir, List.of(plan("demo")), SlurmOptions.defaults(), LAB);
        FakeSlurm slurm = new FakeSlurm("71");
        assertEquals("71", array.submit(slurm, array.allIndices(), 2));
        assertEquals(2, array.lastMaxParallel());
        RunRecord bp = RunFixtures.completed("demo-BP-s42", Method.BP, 42, 0.5, 0.25);
        RunFixtures.writeAt(array.tasks().get(0).runFolder(), new RunRecord(bp.dir(), bp.config(),
                new RunStatus(RunStatus.COMPLETED, "", 2, 2, 0.25, 0.25, null, "2026-01-01T00:00"), bp.steps(),
                bp.epochs()));
        slurm.entries = List.of(new QueueEntry("71", 1, "RUNNING", "None"), new QueueEntry("71", 2, "PENDING",
                "Resources"), new QueueEntry("71", 3, "CANCELLED", "None"));
        List<TaskStatus> s = array.status(slurm);
        assertEquals(List.of(TaskStatus.State.COMPLETED, TaskStatus.State.RUNNING, TaskStatus.State.PENDING,
                TaskStatus.State.CANCELLED), s.stream().map(TaskStatus::state).toList());
        assertEquals(List.of("71"), List.copyOf(slurm.asked));
        assertTrue(s.get(0).detail().contains("25.00%"), s.get(0).detail());
        assertEquals(List.of(3), s.stream().filter(TaskStatus::needsSubmitting).map(t -> t.task().index()).toList());

        slurm.id = "72";
        array.submit(slurm, List.of(3), null);
        slurm.entries = List.of(new QueueEntry("72", 3, "RUNNING", "None"));
        slurm.asked.clear();
        assertEquals(TaskStatus.State.RUNNING, array.status(slurm).get(3).state());
        assertEquals(List.of("71", "72"), List.copyOf(slurm.asked), "each task is asked of its latest job");
    }

    @Test
    void optionsThatCannotGoIntoTheScriptAreNamed() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new SlurmOptions(null, "1:00:00\n#SBATCH --x", null, null, null, List.of(), null));
        assertTrue(e.getMessage().startsWith("--time '1:00:00"), e.getMessage());
        var g = assertThrows(IllegalArgumentException.class,
                () -> new SlurmOptions(null, null, -1, null, null, List.of(), null));
        assertTrue(g.getMessage().startsWith("--gpus-per-task: expected at least 0"), g.getMessage());
        var a = assertThrows(IllegalArgumentException.class,
                () -> new SlurmOptions(null, null, null, null, null, List.of("account=proj"), null));
        assertTrue(a.getMessage().contains("--sbatch-arg 'account=proj': expected one sbatch option"), a.getMessage());
    }

    @Test
    void aFolderWithoutAnArrayIsNamed(@TempDir Path dir) {
        var e = assertThrows(IllegalArgumentException.class, () -> JobArray.at(dir));
        assertTrue(e.getMessage().contains("not a job array's folder"), e.getMessage());
    }

    /** Answers sbatch with a fixed id and squeue with fixed entries. */
    static final class FakeSlurm extends Slurm {
        String id;
        List<QueueEntry> entries = List.of();
        final java.util.Set<String> asked = new java.util.TreeSet<>();

        FakeSlurm(String id) {
            this.id = id;
        }

        @Override
        public String submit(Path script, String spec) {
            return id;
        }

        @Override
        public List<QueueEntry> queue(Collection<String> jobIds) {
            asked.addAll(jobIds);
            return entries;
        }
    }

    @Test
    void statusWordsFollowTheFolderAndSlurm() {
        ArrayTask t = new ArrayTask(0, "c", "DGL", 1, 4, Path.of("/c.json"), Path.of("/runs/r"));
        RunStatus running = new RunStatus(RunStatus.STOPPED, "", 2, 4, null, null, null, null);
        RunStatus failed = new RunStatus(RunStatus.FAILED, "out of memory", 1, 4, null, null, null, null);
        RunStatus cancelled = new RunStatus(RunStatus.CANCELLED, "cancelled at epoch 2, step 1", 2, 4, 0.5, 0.5, null,
                null);
        QueueEntry timeout = new QueueEntry("5", 0, "TIMEOUT", "None");
        assertEquals(TaskStatus.State.NOT_SUBMITTED, TaskStatus.of(t, null, null, false).state());
        assertEquals(TaskStatus.State.STOPPED, TaskStatus.of(t, null, null, true).state());
        assertEquals(TaskStatus.State.FAILED, TaskStatus.of(t, running, timeout, true).state());
        assertTrue(TaskStatus.of(t, running, timeout, true).detail().contains("Slurm says TIMEOUT; epoch 2 of 4 done"));
        assertEquals("out of memory (epoch 1 of 4 done)", TaskStatus.of(t, failed, null, true).detail());
        TaskStatus c = TaskStatus.of(t, cancelled, new QueueEntry("5", 0, "CANCELLED", "None"), true);
        assertEquals(TaskStatus.State.CANCELLED, c.state());
        assertTrue(c.detail().contains("--resubmit continues it from its checkpoint") && c.needsSubmitting());
        TaskStatus requeued = TaskStatus.of(t, cancelled, new QueueEntry("5", 0, "PENDING", "BeginTime"), true);
        assertEquals(TaskStatus.State.PENDING, requeued.state(), "requeued: Slurm will run it again");
        assertFalse(requeued.needsSubmitting());
    }
}
