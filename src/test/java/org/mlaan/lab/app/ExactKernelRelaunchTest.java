package org.mlaan.lab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mlaan.lab.core.run.LabCommand;

class ExactKernelRelaunchTest {
    @Test
    void restartsThroughJavaWithTheSameOptionsClassPathAndArguments() {
        assertEquals(List.of("/jdk/bin/java", "-Xmx4g", "-Dx=y", "-cp", "a.jar:b.jar", LabMain.class.getName(),
                "train", "--config", "c.json"),
                withArgs(LabCommand.of(null, "/jdk/bin/java", List.of("-Xmx4g", "-Dx=y"), "a.jar:b.jar", false),
                        "train", "--config", "c.json"));
    }

    @Test
    void restartsAnAppImageThroughItsOwnLauncher() {
        assertEquals(List.of("/opt/mlaan-lab/bin/mlaan-lab", "--presentation"),
                withArgs(LabCommand.of("/opt/mlaan-lab/bin/mlaan-lab", "/opt/mlaan-lab/lib/runtime/bin/java",
                        List.of("-Xmx4g"), "x.jar", false), "--presentation"));
    }

    @Test
    void thisJvmsOwnCommandEndsWithTheArguments() {
        List<String> cmd = ExactKernelRelaunch.command(new String[] {"plan", "--arch", "resnet20"});
        assertEquals(List.of("plan", "--arch", "resnet20"), cmd.subList(cmd.size() - 3, cmd.size()));
        assertTrue(cmd.contains(LabCommand.MAIN_CLASS) || System.getProperty("jpackage.app-path") != null, cmd.toString());
    }

    private static List<String> withArgs(List<String> command, String... args) {
        List<String> out = new java.util.ArrayList<>(command);
        out.addAll(List.of(args));
        return out;
    }

    @Test
    void checksOnlyWhereTheEngineWillRun() {
        assertTrue(ExactKernelRelaunch.needsEngine(new String[0]), "the window trains");
        assertTrue(ExactKernelRelaunch.needsEngine(new String[] {"train", "--config", "c.json"}));
        assertTrue(ExactKernelRelaunch.needsEngine(new String[] {"report", "runs", "--out", "r.html"}));
        assertFalse(ExactKernelRelaunch.needsEngine(new String[] {"plan", "--arch", "resnet32"}));
        assertFalse(ExactKernelRelaunch.needsEngine(new String[] {"--help"}));
        assertTrue(ExactKernelRelaunch.needsEngine(new String[] {"ablate", "--config", "a.json"}), "trains here");
        assertFalse(ExactKernelRelaunch.needsEngine(new String[] {"ablate", "--config", "a.json", "--slurm"}),
                "the job array's tasks train on the cluster's nodes");
        assertFalse(ExactKernelRelaunch.needsEngine(new String[] {"ablate", "--status=out"}));
        assertFalse(ExactKernelRelaunch.needsEngine(new String[] {"ablate", "--resubmit", "out"}));
    }

    @Test
    void stoppingTheRestartedLabsParentStopsTheChildToo() throws Exception {
        Process parent = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-cp",
                System.getProperty("java.class.path"), SupervisedSleep.class.getName())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        long childPid;
        try (var out = new java.io.BufferedReader(new java.io.InputStreamReader(parent.getInputStream(),
                java.nio.charset.StandardCharsets.UTF_8))) {
            childPid = Long.parseLong(out.readLine().trim());
            assertTrue(ProcessHandle.of(childPid).map(ProcessHandle::isAlive).orElse(false), "the child runs");
            parent.destroy(); // SIGTERM to the parent, as a scheduler or Ctrl-C sends it
            assertTrue(parent.waitFor(60, java.util.concurrent.TimeUnit.SECONDS), "the parent ends");
        } finally {
            parent.destroyForcibly();
        }
        // The parent waited for its child: by the time it is gone, so is the child.
        assertFalse(ProcessHandle.of(childPid).map(ProcessHandle::isAlive).orElse(false),
                "the child was stopped with its parent, not left training");
    }
}
