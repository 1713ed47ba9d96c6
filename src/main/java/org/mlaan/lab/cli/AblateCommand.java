package org.mlaan.lab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mlaan.lab.analysis.AblationPlan;
import org.mlaan.lab.analysis.AblationResult;
import org.mlaan.lab.analysis.AblationRunner;
import org.mlaan.lab.core.config.ConfigFiles;
import org.mlaan.lab.core.config.ExperimentConfig;
import org.mlaan.lab.core.config.Method;
import org.mlaan.lab.core.stats.Summary;
import org.mlaan.lab.engine.RunOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ablate}: BP and the base method with MLM, LAM and both, for N seeds (MLAAN Table 4). */
@Command(name = "ablate", mixinStandardHelpOptions = true,
        description = "Run BP, DGL, DGL+MLM, DGL+LAM and DGL+MLAAN (or BP, InfoPro, InfoPro+MLAAN when the"
                + " config's method is an InfoPro one) for N seeds, one after another, and print test error"
                + " as mean and spread, like Table 4 of the MLAAN paper.")
final class AblateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--config", required = true, description = "experiment JSON file (its split and data are used)")
    Path config;

    @Option(names = "--seeds", defaultValue = "3", description = "seeds per method, from the config's seed up (default: ${DEFAULT-VALUE})")
    int seeds;

    @Option(names = "--epochs", description = "override training.epochs")
    Integer epochs;

    @Option(names = "--epochs-for", paramLabel = "METHOD=N",
            description = "train METHOD for N epochs instead of the config's (or --epochs'), e.g. --epochs-for DGL+MLAAN=2"
                    + " --epochs-for DGL=4, so the queue also gives Table 5 (a method at fewer epochs against another"
                    + " at more); repeatable")
    List<String> epochsFor = new ArrayList<>();

    @Option(names = "--out", defaultValue = "runs", description = "folder for the run folders (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--device", description = "auto | cpu | gpu | gpu:N (overrides the config)")
    String device;

    @Option(names = "--json", description = "print the table as JSON")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (seeds < 1 || seeds > 100) {
            throw new IllegalArgumentException("--seeds: expected 1..100, got " + seeds);
        }
        if (epochs != null && epochs < 1) {
            throw new IllegalArgumentException("--epochs: expected at least 1, got " + epochs);
        }
        ExperimentConfig base = ConfigFiles.read(config);
        if (epochs != null) {
            // Into the config, not the run options, so that --epochs-for can still override it per method.
            base = base.withTraining(base.training().withEpochs(epochs));
        }
        AblationPlan plan = AblationPlan.of(base, seeds);
        plan = plan.withEpochsFor(epochsFor(epochsFor, plan));
        PrintWriter console = spec.commandLine().getOut();
        console.printf(Locale.ROOT, "ablation: %s x %d seed(s) = %d runs%n",
                plan.methods().stream().map(Method::label).toList(), seeds, plan.runCount());
        if (!plan.epochsFor().isEmpty()) {
            AblationPlan p = plan;
            console.println("epochs: " + String.join(", ", plan.methods().stream()
                    .map(m -> m.label() + " " + p.epochsOf(m)).toList()));
        }
        AblationRunner runner = new AblationRunner(plan, new RunOptions(out, device, null, true));
        AblationResult result;
        try (CancelOnShutdown guard = new CancelOnShutdown()) {
            guard.onCancel(runner::cancel);
            result = runner.run((m, seed) -> {
                console.printf(Locale.ROOT, "--- %s, seed %d ---%n", m.label(), seed);
                return new ProgressLine(console, System.console() != null);
            });
        }
        if (json) {
            console.println(ConfigFiles.mapper().writeValueAsString(asJson(result)));
        } else {
            console.print(table(result));
        }
        return 0;
    }

    /** The {@code --epochs-for METHOD=N} values, checked against the plan's methods. */
    static Map<Method, Integer> epochsFor(List<String> specs, AblationPlan plan) {
        Map<Method, Integer> out = new EnumMap<>(Method.class);
        for (String spec : specs) {
            int eq = spec.lastIndexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("--epochs-for '" + spec + "': expected METHOD=N, e.g. DGL+MLAAN=2");
            }
            Method m;
            try {
                m = Method.parse(spec.substring(0, eq));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--epochs-for '" + spec + "': " + e.getMessage());
            }
            if (!plan.methods().contains(m)) {
                throw new IllegalArgumentException("--epochs-for '" + spec + "': " + m.label()
                        + " is not in this ablation, whose methods are " + plan.methods().stream().map(Method::label).toList());
            }
            int n;
            try {
                n = Integer.parseInt(spec.substring(eq + 1).trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--epochs-for '" + spec + "': expected a whole number of epochs after '='");
            }
            if (n < 1) {
                throw new IllegalArgumentException("--epochs-for '" + spec + "': expected at least 1 epoch, got " + n);
            }
            if (out.put(m, n) != null) {
                throw new IllegalArgumentException("--epochs-for: " + m.label() + " is given twice");
            }
        }
        return out;
    }

    /** The Table-4-style text table: test top-1 error in %, mean ± std over seeds, final and best. */
    static String table(AblationResult r) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-16s %5s %20s %20s%n", "method", "seeds", "final error (%)", "best error (%)"));
        Map<Method, Summary> fin = r.finalErrors();
        Map<Method, Summary> best = r.bestErrors();
        for (Method m : fin.keySet()) {
            sb.append(String.format(Locale.ROOT, "%-16s %5d %20s %20s%n", m.label(), fin.get(m).n(),
                    pm(fin.get(m)), pm(best.get(m))));
        }
        sb.append(String.format(Locale.ROOT, "%d runs in %s%n", r.cells().size(), Units.duration(r.seconds())));
        return sb.toString();
    }

    private static String pm(Summary s) {
        return s.n() == 0 ? "n/a" : String.format(Locale.ROOT, "%.2f ± %.2f", 100 * s.mean(), 100 * s.std());
    }

    private static Map<String, Object> asJson(AblationResult r) {
        Map<String, Object> root = new LinkedHashMap<>();
        Map<Method, Summary> fin = r.finalErrors();
        Map<Method, Summary> best = r.bestErrors();
        List<Map<String, Object>> rows = fin.keySet().stream().map(m -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("method", m.label());
            row.put("finalTop1Error", fin.get(m));
            row.put("bestTop1Error", best.get(m));
            row.put("runs", r.cells().stream().filter(c -> c.method() == m).map(c -> Map.of(
                    "seed", c.seed(), "finalTop1Error", c.finished().finalTop1Error(),
                    "bestTop1Error", c.finished().bestTop1Error(), "status", c.finished().status().name(),
                    "runDir", String.valueOf(c.runDir()))).toList());
            return row;
        }).toList();
        root.put("methods", rows);
        root.put("seconds", r.seconds());
        return root;
    }
}
