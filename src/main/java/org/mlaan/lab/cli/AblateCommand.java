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
import org.mlaan.lab.cluster.JobArray;
import org.mlaan.lab.cluster.Slurm;
import org.mlaan.lab.cluster.SlurmOptions;
import org.mlaan.lab.core.config.ConfigFiles;
import org.mlaan.lab.core.config.ExperimentConfig;
import org.mlaan.lab.core.config.Method;
import org.mlaan.lab.core.experiment.Experiment;
import org.mlaan.lab.core.io.Durations;
import org.mlaan.lab.core.stats.Summary;
import org.mlaan.lab.engine.RunOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ablate}: BP and the base method with MLM, LAM and both, for N seeds (MLAAN Table 4). */
@Command(name = "ablate", mixinStandardHelpOptions = true,
        description = "Run BP, DGL, DGL+MLM, DGL+LAM and DGL+MLAAN (or BP, InfoPro, InfoPro+MLAAN when the"
                + " config's method is an InfoPro one) for N seeds, one after another, and print test error"
                + " as mean and spread, like Table 4 of the MLAAN paper. With --slurm, the runs become a Slurm job"
                + " array instead (one task per run, each the lab's own train into its run folder).")
final class AblateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--config", description = "experiment JSON file (its network, split and data are used);"
            + " repeatable: a grid of ablations, one per config, each in its own folder under --out")
    List<Path> configs = new ArrayList<>();

    @Option(names = "--seeds", defaultValue = "3", description = "seeds per method, from the config's seed up (default: ${DEFAULT-VALUE})")
    int seeds;

    @Option(names = "--epochs", description = "override training.epochs")
    Integer epochs;

    @Option(names = "--epochs-for", paramLabel = "METHOD=N",
            description = "train METHOD for N epochs instead of the config's (or --epochs'), e.g. --epochs-for DGL+MLAAN=2"
                    + " --epochs-for DGL=4, so the queue also gives Table 5 (a method at fewer epochs against another"
                    + " at more); repeatable")
    List<String> epochsFor = new ArrayList<>();

    @Option(names = "--methods", split = ",", paramLabel = "METHOD", description = "only these of the ablation's"
            + " methods, e.g. --methods BP,DGL+MLAAN (default: all of them)")
    List<String> methods = new ArrayList<>();

    @Option(names = "--out", defaultValue = "runs", description = "folder for the run folders (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--device", description = "auto | cpu | gpu | gpu:N (overrides the config)")
    String device;

    @Option(names = "--json", description = "print the table as JSON")
    boolean json;

    @Option(names = "--slurm", description = "write the runs as a Slurm job array into --out/slurm and submit it with"
            + " sbatch (prints the job id) instead of training here")
    boolean slurm;

    @Option(names = "--dry-run", description = "with --slurm: write everything and print the sbatch line, submit nothing"
            + " (--resubmit DIR submits it later)")
    boolean dryRun;

    @Option(names = "--partition", description = "with --slurm: the partition (default: the cluster's)")
    String partition;

    @Option(names = "--time", description = "with --slurm: time limit per run, in Slurm's form (90, 2:00:00, 1-12)")
    String time;

    @Option(names = "--gpus-per-task", description = "with --slurm: GPUs per run")
    Integer gpusPerTask;

    @Option(names = "--cpus-per-task", description = "with --slurm: cores per run (also its PyTorch threads)")
    Integer cpusPerTask;

    @Option(names = "--max-parallel", description = "with --slurm: runs at once (--array=...%%M)")
    Integer maxParallel;

    @Option(names = "--sbatch-arg", paramLabel = "ARG", description = "with --slurm: another sbatch option, such as"
            + " --account=proj; repeatable")
    List<String> sbatchArgs = new ArrayList<>();

    @Option(names = "--status", paramLabel = "DIR", description = "one line per task of the job array in DIR (pending,"
            + " running with its epoch, completed with its error, failed with its message, cancelled), from the run"
            + " folders and squeue/sacct")
    Path status;

    @Option(names = "--resubmit", paramLabel = "DIR", description = "submit again the tasks of the job array in DIR that"
            + " are neither completed nor queued; each continues from its run folder's checkpoint")
    Path resubmit;

    private final Slurm slurmCommands;

    AblateCommand() {
        this(new Slurm());
    }

    /** With these Slurm programs (tests of a missing Slurm). */
    AblateCommand(Slurm slurm) {
        this.slurmCommands = slurm;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter console = spec.commandLine().getOut();
        if (status != null || resubmit != null) {
            if (status != null && resubmit != null || !configs.isEmpty()) {
                throw new IllegalArgumentException("--status and --resubmit each take a job array's folder alone"
                        + " (no --config, not both)");
            }
            return status != null ? SlurmAblation.printStatus(JobArray.at(status), slurmCommands, console)
                    : SlurmAblation.resubmit(JobArray.at(resubmit), slurmCommands, maxParallel, console);
        }
        if (configs.isEmpty()) {
            throw new IllegalArgumentException("--config: expected an experiment file (or --status/--resubmit DIR)");
        }
        if (dryRun && !slurm) {
            throw new IllegalArgumentException("--dry-run: goes with --slurm");
        }
        if (seeds < 1 || seeds > 100) {
            throw new IllegalArgumentException("--seeds: expected 1..100, got " + seeds);
        }
        if (epochs != null && epochs < 1) {
            throw new IllegalArgumentException("--epochs: expected at least 1, got " + epochs);
        }
        List<AblationPlan> plans = new ArrayList<>();
        for (Path config : configs) {
            plans.add(plan(config));
        }
        if (slurm) {
            SlurmOptions options = new SlurmOptions(partition, time, gpusPerTask, cpusPerTask, maxParallel, sbatchArgs,
                    device);
            return SlurmAblation.submit(plans, out, options, dryRun, slurmCommands, console);
        }
        SlurmAblation.refuseSlurmOptionsWithout(partition, time, gpusPerTask, cpusPerTask, maxParallel, sbatchArgs);
        int code = 0;
        for (int i = 0; i < plans.size(); i++) {
            Path dir = plans.size() == 1 ? out : out.resolve(plans.get(i).base().nameOrDefault());
            code = Math.max(code, runHere(plans.get(i), dir, console));
        }
        return code;
    }

    /** The ablation of one config, with --epochs and --epochs-for applied. */
    private AblationPlan plan(Path config) throws Exception {
        ExperimentConfig base = Experiment.readConfig(config);
        if (epochs != null) {
            // Into the config, not the run options, so that --epochs-for can still override it per method.
            base = base.withTraining(base.training().withEpochs(epochs));
        }
        AblationPlan plan = AblationPlan.of(base, seeds);
        if (!methods.isEmpty()) {
            List<Method> chosen = new ArrayList<>();
            for (String m : methods) {
                try {
                    chosen.add(Method.parse(m));
                    plan.withOnly(List.of(chosen.get(chosen.size() - 1)));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("--methods '" + m + "': " + e.getMessage());
                }
            }
            plan = plan.withOnly(chosen);
        }
        return plan.withEpochsFor(epochsFor(epochsFor, plan));
    }

    /** Trains the runs of {@code plan} here, one after another, and prints the table. */
    private int runHere(AblationPlan plan, Path dir, PrintWriter console) throws Exception {
        console.printf(Locale.ROOT, "ablation: %s x %d seed(s) = %d runs%n",
                plan.methods().stream().map(Method::label).toList(), seeds, plan.runCount());
        if (!plan.epochsFor().isEmpty()) {
            AblationPlan p = plan;
            console.println("epochs: " + String.join(", ", plan.methods().stream()
                    .map(m -> m.label() + " " + p.epochsOf(m)).toList()));
        }
        AblationRunner runner = new AblationRunner(plan, new RunOptions(dir, device, null, true));
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
        sb.append(String.format(Locale.ROOT, "%d runs in %s%n", r.cells().size(), Durations.compact(r.seconds())));
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
