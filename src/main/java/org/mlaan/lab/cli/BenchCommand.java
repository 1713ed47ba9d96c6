package org.mlaan.lab.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mlaan.lab.core.config.ConfigFiles;
import org.mlaan.lab.core.config.ExperimentConfig;
import org.mlaan.lab.core.config.Method;
import org.mlaan.lab.core.config.TrainingConfig;
import org.mlaan.lab.engine.Benchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code bench}: images per second and peak memory of each method's training step, with ratios to BP. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Time N training steps of each method on the config's network, split and data, and print"
                + " images/s and peak memory with their ratio to BP. Methods run one after another in this"
                + " process (ratios are fair); with --isolate each runs in its own JVM so that its process"
                + " peak is its own. The first steps are warm-up and are not timed.")
final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    MeasureOptions options;

    @Option(names = "--steps", defaultValue = "20", description = "timed steps per method (default: ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--methods", split = ",", description = "methods to compare, e.g. BP,DGL,DGL+MLAAN"
            + " (default: BP and the config's method)")
    List<String> methods;

    @Option(names = "--isolate", description = "run each method in its own JVM (its own process peak)")
    boolean isolate;

    @Option(names = "--profile", paramLabel = "DIR", description = "after the timed steps, one more step per method"
            + " phase by phase under libtorch's profiler: prints time per phase (data, each module, EMA, optimiser)"
            + " and the top ops by self time, and writes each method's Chrome trace to DIR (not with --isolate)")
    Path profile;

    @Option(names = "--top", defaultValue = "15", description = "ops listed by --profile (default: ${DEFAULT-VALUE})")
    int top;

    @Override
    public Integer call() throws Exception {
        MeasureOptions.checkSteps(steps);
        ExperimentConfig c = options.read();
        List<Method> chosen = methods(c, methods);
        if (profile != null) {
            if (isolate) {
                throw new IllegalArgumentException("--profile: runs in this process; leave out --isolate");
            }
            if (top < 1) {
                throw new IllegalArgumentException("--top: expected at least 1, got " + top);
            }
            Files.createDirectories(profile);
        }
        List<MethodFigures> figures = isolate
                ? MethodBench.isolated(c, chosen, steps, options.device)
                : MethodBench.inProcess(c, chosen, steps, options.device, profile);
        PrintWriter out = spec.commandLine().getOut();
        if (options.json) {
            out.println(ConfigFiles.mapper().writeValueAsString(asJson(figures, steps)));
        } else {
            out.print(table(figures, steps));
            for (MethodFigures f : figures) {
                if (f.profile() != null) {
                    out.print(StepProfileTable.of(f.method(), f.profile(), top));
                }
            }
            if (profile != null) {
                out.println("Chrome traces (chrome://tracing, ui.perfetto.dev) in " + profile.toAbsolutePath());
            }
        }
        return 0;
    }

    static ExperimentConfig withBatch(ExperimentConfig c, Integer batch) {
        if (batch == null) {
            return c;
        }
        if (batch < 1) {
            throw new IllegalArgumentException("--batch: expected at least 1, got " + batch);
        }
        TrainingConfig t = c.training();
        return c.withTraining(new TrainingConfig(t.epochs(), batch, t.learningRate(), t.momentum(), t.nesterov(),
                t.weightDecay(), t.schedule(), t.warmupEpochs(), t.warmupStartLr(), t.evalEvery(), t.stepsPerEpoch()));
    }

    /** The methods named on the command line, or BP and the config's method. */
    static List<Method> methods(ExperimentConfig c, List<String> names) {
        List<Method> out = new ArrayList<>();
        if (names == null || names.isEmpty()) {
            out.add(Method.BP);
            if (c.methodOrDefault() != Method.BP) {
                out.add(c.methodOrDefault());
            }
            return out;
        }
        for (String n : names) {
            try {
                out.add(Method.parse(n));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--methods: " + e.getMessage());
            }
        }
        return out;
    }

    private static String table(List<MethodFigures> figures, int steps) {
        MethodFigures first = figures.get(0);
        MethodFigures bp = figures.stream().filter(f -> f.method().equals("BP")).findFirst().orElse(null);
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%s, batch %d on %s, %d timed steps per method%s%n",
                first.arch(), first.batchSize(), first.device(), steps,
                first.isolated() ? ", each method in its own JVM" : ""));
        sb.append(String.format(Locale.ROOT, "%-14s %10s %7s %14s %7s %14s %15s %9s%n", "method", "images/s", "x BP",
                "peak live", "x BP", first.isolated() ? "process peak" : "RSS so far", "blocks fwd/bwd", "meter"));
        for (MethodFigures f : figures) {
            sb.append(String.format(Locale.ROOT, "%-14s %10.1f %7s %14s %7s %14s %15s %8.1f%%%n", f.method(),
                    f.imagesPerSecond(), bp == null ? "" : ratio(f.imagesPerSecond(), bp.imagesPerSecond()),
                    Units.bytes(f.peakLiveBytes()), bp == null ? "" : ratio(f.peakLiveBytes(), bp.peakLiveBytes()),
                    Units.bytes(f.processPeak()), f.forwardBlocks() + "/" + f.backwardBlocks(),
                    100 * f.meterSecondsPerStep() * f.imagesPerSecond() / f.batchSize()));
        }
        sb.append("blocks fwd/bwd: block forwards and backwards per step (backbone units, stem and head included,"
                + " plus leap and MAN blocks); meter: share of the step spent reading the live-tensor peak, which"
                + " bench does every step and a training run every " + Benchmark.TRAINING_METER_EVERY + "th").append(System.lineSeparator());
        return sb.toString();
    }

    static String ratio(double a, double b) {
        return b > 0 && a >= 0 ? String.format(Locale.ROOT, "%.2f", a / b) : "n/a";
    }

    static Map<String, Object> asJson(List<MethodFigures> figures, int steps) {
        MethodFigures bp = figures.stream().filter(f -> f.method().equals("BP")).findFirst().orElse(null);
        Map<String, Object> root = new LinkedHashMap<>();
        MethodFigures first = figures.get(0);
        root.put("arch", first.arch());
        root.put("batchSize", first.batchSize());
        root.put("device", first.device());
        root.put("steps", steps);
        root.put("isolated", first.isolated());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (MethodFigures f : figures) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("method", f.method());
            row.put("arch", f.arch());
            row.put("batchSize", f.batchSize());
            row.put("device", f.device());
            row.put("imagesPerSecond", f.imagesPerSecond());
            row.put("peakLiveBytes", f.peakLiveBytes());
            row.put("peakRssBytes", f.peakRssBytes());
            row.put("peakDeviceBytes", f.peakDeviceBytes());
            row.put("forwardBlocks", f.forwardBlocks());
            row.put("backwardBlocks", f.backwardBlocks());
            row.put("meterSecondsPerStep", f.meterSecondsPerStep());
            if (f.profile() != null) {
                row.put("profile", f.profile());
            }
            if (bp != null) {
                row.put("speedRatioToBp", f.imagesPerSecond() / bp.imagesPerSecond());
                row.put("liveRatioToBp", bp.peakLiveBytes() > 0 ? (double) f.peakLiveBytes() / bp.peakLiveBytes() : null);
            }
            rows.add(row);
        }
        root.put("methods", rows);
        return root;
    }
}
