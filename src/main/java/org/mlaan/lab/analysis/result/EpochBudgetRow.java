package org.mlaan.lab.analysis.result;

import org.mlaan.lab.core.config.Method;
import org.mlaan.lab.core.stats.Summary;

/**
 * One method at one epoch budget (MLAAN paper, Table 5: a method at fewer epochs against another
 * at more), over the seeds that ran it.
 *
 * @param method the method
 * @param epochs the epochs each run trained
 * @param bestError best-over-epochs test top-1 error over seeds
 * @param finalError final test top-1 error over seeds
 * @param minutes mean wall time of one run
 */
public record EpochBudgetRow(Method method, int epochs, Summary bestError, Summary finalError, double minutes) {}
