package org.mlaan.lab.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mlaan.lab.core.config.ConfigFiles;
import org.mlaan.lab.core.config.ExperimentConfig;
import org.mlaan.lab.core.config.Method;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code memory}: BP against the config's method, side by side, like Table 3 of the MLAAN paper. */
@Command(name = "memory", mixinStandardHelpOptions = true,
        description = "Measure the memory of end-to-end backprop and of the config's method on the same network and"
                + " batch: the peak bytes of live tensors in a training step, and the process peak (resident set on"
                + " the CPU, device memory on a GPU), each method in its own JVM.")
final class MemoryCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    MeasureOptions options;

    @Option(names = "--steps", defaultValue = "3", description = "timed steps per method (default: ${DEFAULT-VALUE})")
    int steps;

    @Override
    public Integer call() throws Exception {
        MeasureOptions.checkSteps(steps);
        ExperimentConfig c = options.read();
        if (c.methodOrDefault() == Method.BP) {
            throw new IllegalArgumentException(options.config + ": method is BP; memory compares BP with a local method,"
                    + " so name one (e.g. \"method\": \"DGL+MLAAN\" with a split)");
        }
        List<MethodFigures> f = MethodBench.isolated(c, List.of(Method.BP, c.methodOrDefault()), steps, options.device);
        PrintWriter out = spec.commandLine().getOut();
        if (options.json) {
            out.println(ConfigFiles.mapper().writeValueAsString(BenchCommand.asJson(f, steps)));
            return 0;
        }
        MethodFigures bp = f.get(0);
        MethodFigures m = f.get(1);
        boolean gpu = m.peakDeviceBytes() >= 0;
        out.printf(Locale.ROOT, "%s, batch %d on %s (%s)%n", m.arch(), m.batchSize(), m.device(),
                c.split() == null ? "" : c.split().preset() != null ? c.split().preset()
                        : c.split().cutsAfter().size() + 1 + " modules");
        out.printf(Locale.ROOT, "%-14s %18s %9s %18s %9s%n", "method", "live tensors", "of BP",
                gpu ? "GPU memory" : "process RSS", "of BP");
        for (MethodFigures x : f) {
            out.printf(Locale.ROOT, "%-14s %18s %9s %18s %9s%n", x.method(), Units.bytes(x.peakLiveBytes()),
                    percent(x.peakLiveBytes(), bp.peakLiveBytes()), Units.bytes(x.processPeak()),
                    percent(x.processPeak(), bp.processPeak()));
        }
        return 0;
    }

    private static String percent(long a, long b) {
        return b > 0 && a >= 0 ? String.format(Locale.ROOT, "%.1f%%", 100.0 * a / b) : "n/a";
    }
}
