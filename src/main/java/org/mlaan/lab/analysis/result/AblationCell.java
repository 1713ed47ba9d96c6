package org.mlaan.lab.analysis.result;

import java.util.List;
import org.mlaan.lab.core.config.Method;
import org.mlaan.lab.core.stats.Summary;

/**
 * One method of a Table-4-style ablation (MLAAN paper, Table 4) over its seeds.
 *
 * @param method the method ({@code BP} has neither MLM nor LAM)
 * @param mlm whether the method has cascaded windows (MLM)
 * @param lam whether the method has leap auxiliaries (LAM)
 * @param finalError final test top-1 error over seeds
 * @param bestError best-over-epochs test top-1 error over seeds (the figure the papers print)
 * @param seeds every run, in seed order
 */
public record AblationCell(Method method, boolean mlm, boolean lam, Summary finalError, Summary bestError,
        List<SeedResult> seeds) {

    public AblationCell {
        seeds = List.copyOf(seeds);
    }
}
