package org.mlaan.lab.core.cluster;

import java.nio.file.Path;

/**
 * One run of a job array: one line of its {@link TaskList}, trained by the array task of the
 * same index ({@code train --config configFile --run-folder runFolder}).
 *
 * @param index the array task index (Slurm's {@code SLURM_ARRAY_TASK_ID}), from 0
 * @param config the name of the experiment config the run comes from (a grid has several)
 * @param method the method's label (BP, DGL+MLAAN, ...)
 * @param seed the run's seed
 * @param epochs the epochs it trains
 * @param configFile the run's own config file (method, seed and epochs applied), absolute
 * @param runFolder the folder it trains into, absolute
 */
public record ArrayTask(int index, String config, String method, long seed, int epochs, Path configFile,
        Path runFolder) {

    /** The run's name: its folder's. */
    public String name() {
        return runFolder.getFileName().toString();
    }
}
