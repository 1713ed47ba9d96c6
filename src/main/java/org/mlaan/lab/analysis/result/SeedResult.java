package org.mlaan.lab.analysis.result;

import java.nio.file.Path;

/**
 * One run of an ablation cell: its seed and what it reached.
 *
 * @param seed the run's seed
 * @param epochs epochs the run trained (done, not planned)
 * @param finalError test top-1 error after the last epoch, 0..1 (NaN if never evaluated)
 * @param bestError lowest test top-1 error over the epochs, 0..1
 * @param minutes wall time of the run's epochs
 * @param state the run's state ({@code completed}, {@code cancelled}, {@code failed}, {@code running})
 * @param runDir the run folder
 */
public record SeedResult(long seed, int epochs, double finalError, double bestError, double minutes, String state,
        Path runDir) {}
