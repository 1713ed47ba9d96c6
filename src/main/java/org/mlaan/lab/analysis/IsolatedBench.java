package org.mlaan.lab.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.mlaan.lab.analysis.result.MemoryRow;
import org.mlaan.lab.core.config.ConfigFiles;
import org.mlaan.lab.core.config.ExperimentConfig;
import org.mlaan.lab.core.config.Method;

/**
 * Measures methods of one config each in a fresh JVM of its own: a process peak only grows, so
 * BP and a local method measured in one process would share one figure (MLAAN paper, Table 3).
 * The child is the lab's own {@code bench --json}, started with this JVM's runtime and class path
 * (named by string: the command line is a front end this layer does not import).
 */
public final class IsolatedBench {
    private static final String CLI_MAIN = "org.mlaan.lab.cli.Main";

    private IsolatedBench() {}

    /** The config for one method: BP drops the split and the local section. */
    public static ExperimentConfig forMethod(ExperimentConfig base, Method m) {
        ExperimentConfig c = base.withMethod(m.label());
        return m == Method.BP ? c.withSplit(null).withLocal(null) : c;
    }

    /** One {@code bench --json} method object per method, in order. */
    public static List<JsonNode> run(ExperimentConfig base, List<Method> methods, int steps, String device)
            throws IOException, InterruptedException {
        List<JsonNode> out = new ArrayList<>();
        for (Method m : methods) {
            Path cfg = Files.createTempFile("mlaan-bench-", ".json");
            Path err = Files.createTempFile("mlaan-bench-", ".err");
            try {
                ConfigFiles.write(forMethod(base, m), cfg);
                List<String> cmd = new ArrayList<>(List.of(javaBinary(), "-cp", System.getProperty("java.class.path"),
                        CLI_MAIN, "bench", "--config", cfg.toString(), "--steps", Integer.toString(steps),
                        "--methods", m.label(), "--json"));
                if (device != null) {
                    cmd.add("--device");
                    cmd.add(device);
                }
                Process p = new ProcessBuilder(cmd).redirectError(err.toFile()).start();
                byte[] stdout = p.getInputStream().readAllBytes();
                boolean ended = p.waitFor(30, TimeUnit.MINUTES);
                String errors = Files.readString(err).strip();
                if (!ended || p.exitValue() != 0) {
                    p.destroyForcibly();
                    throw new IOException("the benchmark of " + m.label() + " in its own JVM failed (exit "
                            + (ended ? p.exitValue() : "none, timed out") + ")"
                            + (errors.isEmpty() ? "" : ": " + errors.lines().reduce((a, b) -> b).orElse("")));
                }
                JsonNode json = ConfigFiles.mapper().readTree(new String(stdout, StandardCharsets.UTF_8));
                out.add(json.get("methods").get(0));
            } finally {
                Files.deleteIfExists(cfg);
                Files.deleteIfExists(err);
            }
        }
        return out;
    }

    /** Table 3 for {@code config}: BP first, then the config's method, each measured in its own JVM. */
    public static List<MemoryRow> memory(ExperimentConfig config, int steps, String device, AnalysisProgress progress)
            throws IOException, InterruptedException {
        Method m = config.methodOrDefault();
        if (m == Method.BP) {
            throw new IllegalArgumentException("memory compares BP with a local method; the config's method is BP");
        }
        List<MemoryRow> rows = new ArrayList<>();
        List<Method> both = List.of(Method.BP, m);
        for (int i = 0; i < both.size(); i++) {
            progress.update("memory: " + both.get(i).label() + " in its own JVM", (double) i / both.size());
            JsonNode n = run(config, List.of(both.get(i)), steps, device).get(0);
            rows.add(memoryRow(n, both.get(i) == Method.BP ? "" : splitLabel(config)));
        }
        progress.update("memory measured", 1);
        return rows;
    }

    /** A {@code bench --json} method object as a Table 3 row. */
    public static MemoryRow memoryRow(JsonNode n, String split) {
        return new MemoryRow(n.get("method").asText(), n.get("arch").asText(), split, n.get("batchSize").asInt(),
                n.get("device").asText(), n.get("peakLiveBytes").asLong(), n.get("peakRssBytes").asLong(),
                n.get("peakDeviceBytes").asLong());
    }

    /** How the config is cut, for a Table 3 row: its preset, or "K modules". */
    public static String splitLabel(ExperimentConfig c) {
        if (c.split() == null) {
            return "";
        }
        return c.split().preset() != null ? c.split().preset()
                : c.split().cutsAfter() == null ? "" : c.split().cutsAfter().size() + 1 + " modules";
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
