package org.mlaan.lab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;
import org.mlaan.lab.analysis.AblationPlan;
import org.mlaan.lab.cluster.JobArray;
import org.mlaan.lab.cluster.Slurm;
import org.mlaan.lab.cluster.SlurmOptions;
import org.mlaan.lab.cluster.TaskStatus;
import org.mlaan.lab.core.config.ConfigException;
import org.mlaan.lab.core.config.Method;
import org.mlaan.lab.core.experiment.Experiment;

/** {@code ablate --slurm}, {@code --status} and {@code --resubmit}: an ablation as a Slurm job array. */
final class SlurmAblation {
    private SlurmAblation() {}

    /**
     * Validates every run's config, writes the job array into {@code out} and submits it (or,
     * with {@code dryRun}, prints the sbatch line).
     */
    static int submit(List<AblationPlan> plans, Path out, SlurmOptions options, boolean dryRun, Slurm slurm,
            PrintWriter console) throws IOException, ConfigException {
        for (AblationPlan plan : plans) {
            for (Method m : plan.methods()) {
                for (long seed : plan.seeds()) {
                    Experiment.validate(plan.configFor(m, seed), plan.base().nameOrDefault() + ": ablation cell "
                            + m.label() + " seed " + seed);
                }
            }
        }
        JobArray array = JobArray.write(out, plans, options);
        console.printf(Locale.ROOT, "job array: %d runs (%s), script %s%n", array.tasks().size(),
                String.join(", ", plans.stream().map(p -> p.base().nameOrDefault() + ": " + p.methods().stream()
                        .map(Method::label).toList() + " x " + p.seeds().size() + " seed(s)").toList()), array.script());
        if (dryRun) {
            console.println("dry run, not submitted; submit with:");
            console.println("  " + String.join(" ", array.sbatchLine(slurm, array.allIndices(), options.maxParallel())));
            console.println("  (or: ablate --resubmit " + out + ", which records the job id for --status)");
            return 0;
        }
        String id = array.submit(slurm, array.allIndices(), options.maxParallel());
        console.printf(Locale.ROOT, "submitted: Slurm job %s; follow it with: ablate --status %s%n", id, out);
        if (plans.size() > 1) {
            console.println("report each config's runs with: report " + out + "/<config> (one Table 4 per config)");
        }
        return 0;
    }

    /** One line per task, and a count per state. */
    static int printStatus(JobArray array, Slurm slurm, PrintWriter console) throws IOException {
        List<TaskStatus> all = array.status(slurm);
        int width = all.stream().mapToInt(s -> s.task().name().length()).max().orElse(3);
        console.printf(Locale.ROOT, "%-5s %-" + width + "s %-13s %s%n", "task", "run", "state", "detail");
        for (TaskStatus s : all) {
            console.printf(Locale.ROOT, "%-5d %-" + width + "s %-13s %s%n", s.task().index(), s.task().name(),
                    s.state().word(), s.detail());
        }
        StringBuilder counts = new StringBuilder();
        for (TaskStatus.State st : TaskStatus.State.values()) {
            long n = all.stream().filter(s -> s.state() == st).count();
            if (n > 0) {
                counts.append(counts.length() == 0 ? "" : ", ").append(n).append(' ').append(st.word());
            }
        }
        console.println(all.size() + " tasks: " + counts);
        return 0;
    }

    /** Submits what is neither completed nor queued, at the last submission's parallelism unless told. */
    static int resubmit(JobArray array, Slurm slurm, Integer maxParallel, PrintWriter console) throws IOException {
        List<Integer> todo = array.status(slurm).stream().filter(TaskStatus::needsSubmitting)
                .map(s -> s.task().index()).toList();
        if (todo.isEmpty()) {
            console.println("every task is completed or in Slurm's queue; nothing to submit");
            return 0;
        }
        Integer m = maxParallel != null ? maxParallel : array.lastMaxParallel();
        String id = array.submit(slurm, todo, m);
        console.printf(Locale.ROOT, "submitted %d task(s) %s: Slurm job %s%n", todo.size(), todo, id);
        return 0;
    }

    /** The Slurm options mean nothing without --slurm: say so rather than ignore them. */
    static void refuseSlurmOptionsWithout(String partition, String time, Integer gpus, Integer cpus, Integer maxParallel,
            List<String> sbatchArgs) {
        boolean any = Stream.of(partition, time, gpus, cpus, maxParallel).anyMatch(Objects::nonNull)
                || !sbatchArgs.isEmpty();
        if (any) {
            throw new IllegalArgumentException("--partition, --time, --gpus-per-task, --cpus-per-task, --max-parallel"
                    + " and --sbatch-arg go with --slurm");
        }
    }
}
