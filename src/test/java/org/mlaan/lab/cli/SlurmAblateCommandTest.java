package org.mlaan.lab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlaan.lab.analysis.RunFixtures;
import org.mlaan.lab.cluster.Slurm;
import org.mlaan.lab.core.cluster.ArrayTask;
import org.mlaan.lab.core.cluster.TaskList;
import org.mlaan.lab.core.config.ConfigFiles;
import org.mlaan.lab.core.config.Method;
import picocli.CommandLine;

/** {@code ablate --slurm} without a cluster: the dry run, bad input, and reading a half-finished array back. */
class SlurmAblateCommandTest {

    private static Path config(Path dir, String name) throws Exception {
        Path cfg = dir.resolve(name + ".json");
        ConfigFiles.write(RunFixtures.config(name, Method.DGL, 42, 2), cfg);
        return cfg;
    }

    @Test
    void aDryRunWritesTheArrayAndPrintsTheSbatchLine(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("abl");
        CommandLineTest.Result r = CommandLineTest.run("ablate", "--config", config(dir, "demo").toString(), "--seeds",
                "2", "--methods", "DGL+MLAAN,BP", "--slurm", "--dry-run", "--max-parallel", "3", "--time", "30",
                "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        List<ArrayTask> tasks = TaskList.read(TaskList.fileOf(out));
        assertEquals(List.of("BP", "DGL+MLAAN", "BP", "DGL+MLAAN"), tasks.stream().map(ArrayTask::method).toList(),
                "--methods keeps the ablation's order");
        Path script = out.resolve("slurm").resolve("array.sbatch");
        assertTrue(r.out().contains("sbatch --parsable --array=0-3%3 " + script.toAbsolutePath()), r.out());
        assertTrue(Files.readString(script).contains("#SBATCH --time=30\n"));
        assertFalse(Files.exists(out.resolve("slurm").resolve("submissions.tsv")), "nothing submitted");

        CommandLineTest.Result status = CommandLineTest.run("ablate", "--status", out.toString());
        assertEquals(0, status.code(), status.err());
        assertTrue(status.out().contains("demo-DGL_MLAAN-s43") && status.out().contains("4 tasks: 4 not submitted"),
                status.out());
    }

    @Test
    void noSbatchIsBadInputInSlurmsWordsAndLeavesNothing(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("abl");
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        Slurm none = new Slurm() {
            @Override
            public String submit(Path script, String spec) throws java.io.IOException {
                throw new org.mlaan.lab.cluster.SlurmException("sbatch refused the job array (exit 1): sbatch: error:"
                        + " invalid partition specified: nowhere");
            }
        };
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                return cls == AblateCommand.class ? cls.cast(new AblateCommand(none)) : CommandLine.defaultFactory()
                        .create(cls);
            }
        };
        int code = Main.execute(new String[] {"ablate", "--config", config(dir, "demo").toString(), "--slurm",
            "--partition", "nowhere", "--out", out.toString()}, new PrintWriter(o), new PrintWriter(e), factory);
        assertEquals(Main.BAD_INPUT, code);
        assertTrue(e.toString().contains("invalid partition specified: nowhere"), e.toString());
        assertFalse(Files.exists(out), "nothing half-written left as if submitted");
    }

    @Test
    void slurmOptionsWithoutSlurmAndUnknownMethodsAreRefusedBeforeAnyRun(@TempDir Path dir) throws Exception {
        String cfg = config(dir, "demo").toString();
        CommandLineTest.Result r = CommandLineTest.run("ablate", "--config", cfg, "--partition", "gpu", "--out",
                dir.resolve("runs").toString());
        assertEquals(Main.BAD_INPUT, r.code());
        assertTrue(r.err().contains("go with --slurm"), r.err());
        CommandLineTest.Result m = CommandLineTest.run("ablate", "--config", cfg, "--methods", "BP,InfoPro", "--slurm",
                "--dry-run", "--out", dir.resolve("runs").toString());
        assertEquals(Main.BAD_INPUT, m.code());
        assertTrue(m.err().contains("--methods 'InfoPro': InfoPro is not in this ablation"), m.err());
        CommandLineTest.Result s = CommandLineTest.run("ablate", "--status", dir.toString());
        assertEquals(Main.BAD_INPUT, s.code());
        assertTrue(s.err().contains("not a job array's folder"), s.err());
        assertFalse(Files.exists(dir.resolve("runs")));
    }

    @Test
    void theReportListsRunsNotStartedWithoutCountingThem(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("abl");
        assertEquals(0, CommandLineTest.run("ablate", "--config", config(dir, "demo").toString(), "--seeds", "2",
                "--methods", "BP,DGL", "--slurm", "--dry-run", "--out", out.toString()).code());
        List<ArrayTask> tasks = TaskList.read(TaskList.fileOf(out));
        RunFixtures.writeAt(tasks.get(0).runFolder(), RunFixtures.completed("demo-BP-s42", Method.BP, 42, 0.4, 0.3));
        RunFixtures.writeAt(tasks.get(1).runFolder(), RunFixtures.completed("demo-DGL-s42", Method.DGL, 42, 0.5, 0.4));
        Path html = dir.resolve("r.html");
        CommandLineTest.Result r = CommandLineTest.run("report", out.toString(), "--out", html.toString(),
                "--no-checkpoint-analyses");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("report of 2 run(s)"), r.out());
        assertTrue(r.out().contains("note: Job array task 2 (demo, BP, seed 43) has no run folder yet (demo-BP-s43):"
                + " not counted."), r.out());
        assertTrue(r.out().contains("task 3 (demo, DGL, seed 43)"), r.out());
    }

    @Test
    void aGridIsReportedPerConfigAndSaysSo(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("grid");
        CommandLineTest.Result w = CommandLineTest.run("ablate", "--config", config(dir, "a").toString(), "--config",
                config(dir, "b").toString(), "--seeds", "1", "--methods", "BP", "--slurm", "--dry-run", "--out", out.toString());
        assertEquals(0, w.code(), w.err());
        assertEquals(out.toAbsolutePath().resolve("b").resolve("b-BP-s42"),
                TaskList.read(TaskList.fileOf(out)).get(1).runFolder());
        CommandLineTest.Result r = CommandLineTest.run("report", out.toString(), "--out", dir.resolve("r.html").toString(),
                "--no-checkpoint-analyses");
        assertEquals(Main.BAD_INPUT, r.code());
        assertTrue(r.err().contains("holds a grid of ablations, one folder per config; report each: " + out.resolve("a")),
                r.err());
    }
}
