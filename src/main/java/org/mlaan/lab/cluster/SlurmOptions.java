package org.mlaan.lab.cluster;

import java.util.List;

/**
 * What a job array asks of Slurm, beside its tasks.
 *
 * @param partition {@code --partition}, or null for the cluster's default
 * @param time {@code --time} per task (Slurm's forms: {@code MM}, {@code HH:MM:SS}, {@code D-HH}), or null
 * @param gpusPerTask {@code --gpus-per-task}, or null
 * @param cpusPerTask {@code --cpus-per-task}, or null; also the task's PyTorch threads
 * @param maxParallel tasks running at once ({@code --array=...%M}), or null for no limit
 * @param sbatchArgs further sbatch options, one {@code #SBATCH} line each
 * @param device the lab's {@code --device} for every task, or null for each config's own
 */
public record SlurmOptions(String partition, String time, Integer gpusPerTask, Integer cpusPerTask,
        Integer maxParallel, List<String> sbatchArgs, String device) {

    public SlurmOptions {
        sbatchArgs = sbatchArgs == null ? List.of() : List.copyOf(sbatchArgs);
        positive("--gpus-per-task", gpusPerTask, 0);
        positive("--cpus-per-task", cpusPerTask, 1);
        positive("--max-parallel", maxParallel, 1);
        oneLine("--partition", partition);
        oneLine("--time", time);
        oneLine("--device", device);
        for (String a : sbatchArgs) {
            if (!a.startsWith("-") || a.chars().anyMatch(ch -> ch == '\n' || ch == '\r')) {
                throw new IllegalArgumentException("--sbatch-arg '" + a + "': expected one sbatch option on one line,"
                        + " such as --account=proj or --qos=long");
            }
        }
    }

    /** No options: the cluster's defaults. */
    public static SlurmOptions defaults() {
        return new SlurmOptions(null, null, null, null, null, List.of(), null);
    }

    /** A value that goes into the batch script: not blank, on one line. */
    private static void oneLine(String option, String value) {
        if (value != null && (value.isBlank() || value.chars().anyMatch(ch -> ch == '\n' || ch == '\r'))) {
            throw new IllegalArgumentException(option + " '" + value + "': expected a value on one line");
        }
    }

    private static void positive(String option, Integer value, int min) {
        if (value != null && value < min) {
            throw new IllegalArgumentException(option + ": expected at least " + min + ", got " + value);
        }
    }
}
