package org.mlaan.lab.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.mlaan.lab.analysis.AblationPlan;
import org.mlaan.lab.core.cluster.ArrayTask;
import org.mlaan.lab.core.cluster.TaskList;
import org.mlaan.lab.core.config.ConfigFiles;
import org.mlaan.lab.core.config.ExperimentConfig;
import org.mlaan.lab.core.config.Method;
import org.mlaan.lab.core.io.AtomicFiles;
import org.mlaan.lab.core.run.LabCommand;
import org.mlaan.lab.core.run.RunFolder;
import org.mlaan.lab.core.run.RunFolderReader;
import org.mlaan.lab.core.run.RunStatus;

/**
 * An ablation (or a grid of them, one per config) as a Slurm job array, in {@code <out>/slurm/}:
 *
 * <pre>
 *   tasks.tsv         one line per run: index, config, method, seed, epochs, config file, run folder
 *   configs/*.json    each run's config (method, seed and epochs applied)
 *   array.sbatch      the batch script ({@link ArrayScript})
 *   submissions.tsv   job id, time and array indices of each submission (absent until submitted)
 *   logs/             the tasks' output, {@code <job>_<task>.out}
 * </pre>
 *
 * The runs go into {@code <out>/<run>} (one config) or {@code <out>/<config>/<run>} (a grid), so
 * {@code report} and the window read {@code <out>} (or each config's folder) as a local ablation's.
 */
public final class JobArray {
    public static final String SCRIPT = "array.sbatch";
    public static final String SUBMISSIONS = "submissions.tsv";
    private static final String SUBMISSIONS_HEADER = "job_id\tsubmitted\tarray";

    private final Path out;
    private final List<ArrayTask> tasks;

    private JobArray(Path out, List<ArrayTask> tasks) {
        this.out = out;
        this.tasks = List.copyOf(tasks);
    }

    /** The job array written in {@code out}; a folder without one is refused, naming it. */
    public static JobArray at(Path out) throws IOException {
        Path file = TaskList.fileOf(out);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(out + ": not a job array's folder (no " + TaskList.FOLDER + "/"
                    + TaskList.FILE + "; ablate --slurm --out DIR writes one)");
        }
        return new JobArray(out.toAbsolutePath().normalize(), TaskList.read(file));
    }

    /** Writes the job array of {@code plans} into {@code out}, its tasks started with this same lab ({@link LabCommand}, absolute paths). */
    public static JobArray write(Path out, List<AblationPlan> plans, SlurmOptions options) throws IOException {
        return write(out, plans, options, LabCommand.current(false, true));
    }

    /**
     * Writes the job array of {@code plans} into {@code out}: one task per run, each config's runs
     * in order (seed-major, as a local ablation runs them). Refused when {@code out} holds a job
     * array already (see its status, or resubmit it).
     *
     * @param lab the command that starts the lab on the cluster's nodes
     */
    static JobArray write(Path out, List<AblationPlan> plans, SlurmOptions options, List<String> lab)
            throws IOException {
        Path root = out.toAbsolutePath().normalize();
        Path slurm = root.resolve(TaskList.FOLDER);
        if (Files.exists(slurm)) {
            throw new IllegalArgumentException("--out " + out + ": holds a job array already (" + slurm + "); see it"
                    + " with --status " + out + ", submit what is not done with --resubmit " + out
                    + ", or give another --out");
        }
        List<ArrayTask> tasks = new ArrayList<>();
        List<ExperimentConfig> configs = new ArrayList<>();
        Set<String> configNames = new HashSet<>();
        for (AblationPlan plan : plans) {
            String configName = unique(plan.base().nameOrDefault(), configNames);
            Path runs = plans.size() == 1 ? root : root.resolve(configName);
            AblationPlan named = new AblationPlan(plan.base().withName(configName), plan.methods(), plan.seeds(),
                    plan.epochsFor());
            for (long seed : named.seeds()) {
                for (Method m : named.methods()) {
                    ExperimentConfig c = named.configFor(m, seed);
                    configs.add(c);
                    tasks.add(new ArrayTask(tasks.size(), configName, m.label(), seed, named.epochsOf(m),
                            slurm.resolve("configs").resolve(c.nameOrDefault() + ".json"),
                            runs.resolve(c.nameOrDefault())));
                }
            }
        }
        boolean madeOut = Files.notExists(root);
        try {
            Files.createDirectories(slurm.resolve("configs"));
            Files.createDirectories(slurm.resolve("logs"));
            for (int i = 0; i < tasks.size(); i++) {
                ConfigFiles.write(configs.get(i), tasks.get(i).configFile());
            }
            TaskList.write(slurm.resolve(TaskList.FILE), tasks);
            String jobName = "mlaan-" + plans.get(0).base().nameOrDefault();
            AtomicFiles.writeString(slurm.resolve(SCRIPT), ArrayScript.of(jobName, slurm.resolve(TaskList.FILE),
                    slurm.resolve("logs"), lab, options));
            slurm.resolve(SCRIPT).toFile().setExecutable(true);
        } catch (IOException | RuntimeException e) {
            AtomicFiles.deleteTree(slurm);
            if (madeOut) {
                Files.deleteIfExists(root);
            }
            throw e;
        }
        return new JobArray(root, tasks);
    }

    private static String unique(String name, Set<String> taken) {
        String n = name;
        for (int k = 2; !taken.add(n); k++) {
            n = name + "-" + k;
        }
        return n;
    }

    public Path out() {
        return out;
    }

    public List<ArrayTask> tasks() {
        return tasks;
    }

    public Path script() {
        return out.resolve(TaskList.FOLDER).resolve(SCRIPT);
    }

    /** Whether it has ever been submitted (a dry run has not). */
    public boolean submitted() throws IOException {
        return !submissions().isEmpty();
    }

    /**
     * Submits the tasks {@code indices} with at most {@code maxParallel} running at once (null:
     * no limit) and records the submission; returns Slurm's job id. On the first submission, a
     * refusal removes the job array again, so that nothing is left that looks submitted.
     */
    public String submit(Slurm slurm, List<Integer> indices, Integer maxParallel) throws IOException {
        boolean first = !submitted();
        String spec = arraySpec(indices, maxParallel);
        String id;
        try {
            id = slurm.submit(script(), spec);
        } catch (IOException e) {
            if (first) {
                removeUnsubmitted();
            }
            throw e;
        }
        Path file = out.resolve(TaskList.FOLDER).resolve(SUBMISSIONS);
        String line = id + "\t" + Instant.now() + "\t" + spec + System.lineSeparator();
        if (Files.notExists(file)) {
            line = SUBMISSIONS_HEADER + System.lineSeparator() + line;
        }
        Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        return id;
    }

    /** The sbatch command line for these tasks, as {@link #submit} runs it (for --dry-run). */
    public List<String> sbatchLine(Slurm slurm, List<Integer> indices, Integer maxParallel) {
        return slurm.sbatchLine(script(), arraySpec(indices, maxParallel));
    }

    /** Every task's index. */
    public List<Integer> allIndices() {
        return tasks.stream().map(ArrayTask::index).toList();
    }

    /** The --max-parallel of the last submission, or null. */
    public Integer lastMaxParallel() throws IOException {
        List<String[]> s = submissions();
        if (s.isEmpty()) {
            return null;
        }
        String spec = s.get(s.size() - 1)[2];
        int pct = spec.indexOf('%');
        return pct < 0 ? null : Integer.valueOf(spec.substring(pct + 1));
    }

    /** Every task's status, from its run folder and what Slurm says of its latest submission. */
    public List<TaskStatus> status(Slurm slurm) throws IOException {
        Map<Integer, String> latestJob = new LinkedHashMap<>();
        for (String[] s : submissions()) {
            for (int i : indicesOf(s[2])) {
                latestJob.put(i, s[0]);
            }
        }
        Map<String, QueueEntry> queue = new LinkedHashMap<>();
        for (QueueEntry e : slurm.queue(new TreeSet<>(latestJob.values()))) {
            queue.put(e.jobId() + "_" + e.task(), e);
        }
        List<TaskStatus> out = new ArrayList<>();
        for (ArrayTask t : tasks) {
            RunStatus run = null;
            if (Files.isRegularFile(t.runFolder().resolve(RunFolder.CONFIG))) {
                try {
                    run = RunFolderReader.read(t.runFolder()).status();
                } catch (IOException e) {
                    run = new RunStatus(RunStatus.FAILED, "its run folder cannot be read: " + e.getMessage(), 0,
                            t.epochs(), null, null, null, null);
                }
            }
            String job = latestJob.get(t.index());
            QueueEntry q = job == null ? null : queue.get(job + "_" + t.index());
            out.add(TaskStatus.of(t, run, q, job != null));
        }
        return out;
    }

    /** Slurm's --array value: ranges of consecutive indices, then %M. */
    static String arraySpec(List<Integer> indices, Integer maxParallel) {
        List<Integer> sorted = new ArrayList<>(new TreeSet<>(indices));
        if (sorted.isEmpty()) {
            throw new IllegalArgumentException("no array tasks to submit");
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < sorted.size(); ) {
            int j = i;
            while (j + 1 < sorted.size() && sorted.get(j + 1) == sorted.get(j) + 1) {
                j++;
            }
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(sorted.get(i));
            if (j > i) {
                sb.append('-').append(sorted.get(j));
            }
            i = j + 1;
        }
        if (maxParallel != null) {
            sb.append('%').append(maxParallel);
        }
        return sb.toString();
    }

    /** The indices of an --array value written by {@link #arraySpec}. */
    static List<Integer> indicesOf(String spec) {
        String list = spec.contains("%") ? spec.substring(0, spec.indexOf('%')) : spec;
        List<Integer> out = new ArrayList<>();
        for (String part : list.split(",")) {
            String[] r = part.split("-");
            int from = Integer.parseInt(r[0]);
            int to = r.length > 1 ? Integer.parseInt(r[1]) : from;
            for (int i = from; i <= to; i++) {
                out.add(i);
            }
        }
        return out;
    }

    private List<String[]> submissions() throws IOException {
        Path file = out.resolve(TaskList.FOLDER).resolve(SUBMISSIONS);
        if (Files.notExists(file)) {
            return List.of();
        }
        List<String[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] c = line.split("\t");
            if (c.length == 3 && c[0].matches("\\d+")) {
                rows.add(c);
            }
        }
        return rows;
    }

    /** Removes what {@link #write} made, for a first submission that Slurm refused. */
    private void removeUnsubmitted() throws IOException {
        AtomicFiles.deleteTree(out.resolve(TaskList.FOLDER));
        try (var s = Files.list(out)) {
            if (s.findAny().isEmpty()) {
                Files.deleteIfExists(out);
            }
        }
    }
}
