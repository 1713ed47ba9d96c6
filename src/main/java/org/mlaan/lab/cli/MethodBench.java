package org.mlaan.lab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.mlaan.lab.core.config.ConfigException;
import org.mlaan.lab.core.config.ConfigFiles;
import org.mlaan.lab.core.config.ExperimentConfig;
import org.mlaan.lab.core.config.Method;
import org.mlaan.lab.engine.Benchmark;

/**
 * Measures several methods of one config. In this process, one after another, throughputs are
 * comparable as ratios (same JIT, same native state). A process peak, though, only grows, so for
 * it each method runs in a fresh JVM of its own ({@code isolate}), started with this JVM's class
 * path and reporting as {@code bench --json}.
 */
final class MethodBench {
    private MethodBench() {}

    /** The config for one method: BP drops the split and the local section. */
    static ExperimentConfig forMethod(ExperimentConfig base, Method m) {
        ExperimentConfig c = base.withMethod(m.label());
        return m == Method.BP ? c.withSplit(null).withLocal(null) : c;
    }

    static List<MethodFigures> inProcess(ExperimentConfig base, List<Method> methods, int steps, String device)
            throws ConfigException, IOException {
        List<MethodFigures> out = new ArrayList<>();
        for (Method m : methods) {
            out.add(MethodFigures.of(Benchmark.run(forMethod(base, m), steps, device), false));
        }
        return out;
    }

    static List<MethodFigures> isolated(ExperimentConfig base, List<Method> methods, int steps, String device)
            throws IOException, InterruptedException {
        List<MethodFigures> out = new ArrayList<>();
        for (Method m : methods) {
            Path cfg = Files.createTempFile("mlaan-bench-", ".json");
            try {
                ConfigFiles.write(forMethod(base, m), cfg);
                List<String> cmd = new ArrayList<>(List.of(javaBinary(), "-cp", System.getProperty("java.class.path"),
                        Main.class.getName(), "bench", "--config", cfg.toString(), "--steps", Integer.toString(steps),
                        "--methods", m.label(), "--json"));
                if (device != null) {
                    cmd.add("--device");
                    cmd.add(device);
                }
                Path err = Files.createTempFile("mlaan-bench-", ".err");
                Process p = new ProcessBuilder(cmd).redirectError(err.toFile()).start();
                byte[] stdout = p.getInputStream().readAllBytes();
                boolean ended = p.waitFor(30, TimeUnit.MINUTES);
                String errors = Files.readString(err).strip();
                Files.deleteIfExists(err);
                if (!ended || p.exitValue() != 0) {
                    p.destroyForcibly();
                    throw new IOException("the benchmark of " + m.label() + " in its own JVM failed (exit "
                            + (ended ? p.exitValue() : "none, timed out") + ")"
                            + (errors.isEmpty() ? "" : ": " + errors.lines().reduce((a, b) -> b).orElse("")));
                }
                JsonNode json = ConfigFiles.mapper().readTree(new String(stdout, StandardCharsets.UTF_8));
                out.add(MethodFigures.of(json.get("methods").get(0)));
            } finally {
                Files.deleteIfExists(cfg);
            }
        }
        return out;
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
