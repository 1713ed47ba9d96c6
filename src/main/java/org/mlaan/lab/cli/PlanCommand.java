package org.mlaan.lab.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mlaan.lab.core.config.ConfigFiles;
import org.mlaan.lab.core.plan.Arch;
import org.mlaan.lab.core.plan.NetworkPlan;
import org.mlaan.lab.core.plan.Unit;
import org.mlaan.lab.engine.ParameterCounts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code plan}: the unit table of a network with shapes, parameters, multiply-adds and memory; with
 * {@code --method}, also what every module of that method trains, part by part.
 */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Print a network's units (stem, blocks s.b, head) with output shape, parameters,"
                + " multiply-adds and activation memory per sample, and the totals. With --method and --split,"
                + " also each module's trainable and EMA weights: backbone part, heads, leap stack and its twin.")
final class PlanCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--arch", required = true, description = "resnet20|32|44|56|110 or resnet18|34|50|101|152")
    String arch;

    @Option(names = "--input", description = "input edge in pixels (default: 32 for CIFAR nets, 224 for ImageNet nets)")
    Integer input;

    @Option(names = "--classes", description = "classes of the classifier (default: 10 for CIFAR nets, 1000 for ImageNet nets)")
    Integer classes;

    @Option(names = "--channels", defaultValue = "3", description = "input channels: 3 for colour images, 1 for grey"
            + " ones such as MNIST's (default: ${DEFAULT-VALUE})")
    int channels;

    @Option(names = "--method", description = "a local method (DGL+MLAAN, DGL, InfoPro, MAN, ...): count what each module trains")
    String method;

    @Option(names = "--split", description = "with --method: a preset (resnet32-k16, ...) or the unit names to cut after, comma-separated (stem,1.4,2.4)")
    String split;

    @Option(names = "--json", description = "print the result as JSON")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Arch a = Arch.parse(arch);
        NetworkPlan plan = NetworkPlan.of(a, input == null ? a.naturalInputSize() : input,
                classes == null ? a.naturalClasses() : classes, channels);
        PrintWriter out = spec.commandLine().getOut();
        ParameterCounts counts = method == null ? null : ModuleParameters.count(plan, method, split);
        if (json) {
            Map<String, Object> root = asJson(plan);
            if (counts != null) {
                root.put("method", method);
                root.put("moduleParameters", ModuleParameters.asJson(counts));
            }
            out.println(ConfigFiles.mapper().writeValueAsString(root));
        } else {
            printTable(plan, out);
            if (counts != null) {
                out.println();
                ModuleParameters.print(counts, method, out);
            }
        }
        return 0;
    }

    static Map<String, Object> asJson(NetworkPlan plan) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("arch", plan.arch().id());
        root.put("input", plan.input().toString());
        root.put("classes", plan.classes());
        List<Map<String, Object>> units = new ArrayList<>();
        for (Unit u : plan.units()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("index", u.index());
            m.put("name", u.name());
            m.put("kind", u.kind().name().toLowerCase(java.util.Locale.ROOT));
            m.put("in", u.in().toString());
            m.put("out", u.out().toString());
            m.put("params", u.params());
            m.put("macs", u.macs());
            m.put("activationBytes", u.activationBytes());
            units.add(m);
        }
        root.put("units", units);
        Map<String, Object> totals = new LinkedHashMap<>();
        totals.put("params", plan.totalParams());
        totals.put("macs", plan.totalMacs());
        totals.put("activationBytesPerSample", plan.totalActivationBytes());
        root.put("totals", totals);
        return root;
    }

    private static void printTable(NetworkPlan plan, PrintWriter out) {
        out.printf("%s, input %s, %d classes%n", plan.arch().id(), plan.input(), plan.classes());
        out.printf("%4s  %-6s %-12s %-12s %12s %16s %14s%n",
                "#", "unit", "in", "out", "params", "mult-adds", "act/sample");
        for (Unit u : plan.units()) {
            out.printf("%4d  %-6s %-12s %-12s %,12d %,16d %14s%n", u.index(), u.name(), u.in(), u.out(),
                    u.params(), u.macs(), Units.bytes(u.activationBytes()));
        }
        out.printf("%-38s %,12d %,16d %14s%n", "total", plan.totalParams(), plan.totalMacs(),
                Units.bytes(plan.totalActivationBytes()));
    }
}
