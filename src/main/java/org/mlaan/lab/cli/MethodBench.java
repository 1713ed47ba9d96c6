package org.mlaan.lab.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.ArrayList;
import java.util.List;
import org.mlaan.lab.analysis.IsolatedBench;
import org.mlaan.lab.core.config.ConfigException;
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

    static List<MethodFigures> inProcess(ExperimentConfig base, List<Method> methods, int steps, String device)
            throws ConfigException, IOException {
        return inProcess(base, methods, steps, device, null);
    }

    /** In this process; with {@code traceDir}, each method's profiled step writes its trace there. */
    static List<MethodFigures> inProcess(ExperimentConfig base, List<Method> methods, int steps, String device,
            Path traceDir) throws ConfigException, IOException {
        List<MethodFigures> out = new ArrayList<>();
        for (Method m : methods) {
            Path trace = traceDir == null ? null
                    : traceDir.resolve("profile-" + m.label().toLowerCase(Locale.ROOT).replace('+', '-') + ".json");
            out.add(MethodFigures.of(Benchmark.run(IsolatedBench.forMethod(base, m), steps, device, trace), false));
        }
        return out;
    }

    static List<MethodFigures> isolated(ExperimentConfig base, List<Method> methods, int steps, String device)
            throws IOException, InterruptedException {
        return IsolatedBench.run(base, methods, steps, device).stream().map(MethodFigures::of).toList();
    }
}
