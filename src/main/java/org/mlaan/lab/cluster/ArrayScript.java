package org.mlaan.lab.cluster;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The batch script of a job array, {@code <out>/slurm/array.sbatch}: the resources as
 * {@code #SBATCH} lines, then the lab's own {@code train} for the task list's line of
 * {@code SLURM_ARRAY_TASK_ID}, into that line's run folder. {@code train --run-folder} continues
 * from the folder's checkpoint when there is one, so a requeued or pre-empted task goes on where
 * it stopped; {@code exec} makes the lab the task's process, so Slurm's SIGTERM (scancel, time
 * limit, pre-emption) reaches it and it stops after its current step with a checkpoint.
 */
final class ArrayScript {
    private ArrayScript() {}

    /**
     * @param name the job's name
     * @param tasks the task list file
     * @param logs the folder of the tasks' output files
     * @param lab the command that starts the lab (java and its class path, or the app's launcher)
     */
    static String of(String name, Path tasks, Path logs, List<String> lab, SlurmOptions o) {
        StringBuilder sb = new StringBuilder();
        sb.append("#!/bin/bash\n");
        sb.append("# MLAAN Lab job array, written by `mlaan-lab ablate --slurm`: array task i trains line i of\n");
        sb.append("# ").append(tasks).append(" with the lab's own `train`, into that line's run folder.\n");
        sb.append("#SBATCH --job-name=").append(name).append('\n');
        sb.append("#SBATCH --output=").append(logs.resolve("%A_%a.out")).append('\n');
        sb.append("#SBATCH --open-mode=append\n");
        sb.append("#SBATCH --requeue\n");
        if (o.partition() != null) {
            sb.append("#SBATCH --partition=").append(o.partition()).append('\n');
        }
        if (o.time() != null) {
            sb.append("#SBATCH --time=").append(o.time()).append('\n');
        }
        if (o.cpusPerTask() != null) {
            sb.append("#SBATCH --cpus-per-task=").append(o.cpusPerTask()).append('\n');
        }
        if (o.gpusPerTask() != null) {
            sb.append("#SBATCH --gpus-per-task=").append(o.gpusPerTask()).append('\n');
        }
        for (String a : o.sbatchArgs()) {
            sb.append("#SBATCH ").append(a).append('\n');
        }
        sb.append("set -eu\n");
        sb.append("TASKS=").append(quote(tasks.toString())).append('\n');
        sb.append("LAB=(").append(lab.stream().map(ArrayScript::quote).collect(Collectors.joining(" "))).append(")\n");
        sb.append("task=${SLURM_ARRAY_TASK_ID:?not a Slurm array task}\n");
        sb.append("line=$(awk -F'\\t' -v i=\"$task\" 'NR > 1 && $1 == i { print $6 \"\\t\" $7 }' \"$TASKS\")\n");
        sb.append("if [ -z \"$line\" ]; then echo \"mlaan-lab: no task $task in $TASKS\" >&2; exit 2; fi\n");
        sb.append("config=${line%%$'\\t'*}\n");
        sb.append("folder=${line#*$'\\t'}\n");
        sb.append("# PyTorch takes as many threads as the node has cores unless told: give it the task's.\n");
        sb.append("if [ -n \"${SLURM_CPUS_PER_TASK:-}\" ]; then export OMP_NUM_THREADS=$SLURM_CPUS_PER_TASK; fi\n");
        sb.append("echo \"mlaan-lab: task $task (job ${SLURM_JOB_ID:-?}) on $(hostname) at $(date -Is): $folder\"\n");
        sb.append("exec \"${LAB[@]}\" train --config \"$config\" --run-folder \"$folder\"");
        if (o.device() != null) {
            sb.append(" --device ").append(quote(o.device()));
        }
        sb.append('\n');
        return sb.toString();
    }

    /** A word for bash: single quotes, a quote inside as '\''. */
    static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
