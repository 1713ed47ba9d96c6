package org.mlaan.lab.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.mlaan.lab.analysis.result.EpochBudgetRow;
import org.mlaan.lab.core.config.Method;
import org.mlaan.lab.core.run.RunRecord;
import org.mlaan.lab.core.stats.Summary;

/**
 * Table 5 of the MLAAN paper: a method trained for fewer epochs against another trained for
 * more, one row per method and epoch budget (the epochs each run was asked for), over the runs
 * that count ({@link RunOutcome#counts()}: not failed, evaluated at least once). Runs at a single
 * budget make no such comparison, so then there are no rows.
 */
public final class EpochBudgets {
    private EpochBudgets() {}

    /** Rows in method order, then fewer epochs first; empty when every counting run had the same budget. */
    public static List<EpochBudgetRow> from(List<RunRecord> runs) {
        List<RunOutcome> counting = runs.stream().map(RunOutcome::of).filter(RunOutcome::counts).toList();
        if (counting.stream().map(RunOutcome::plannedEpochs).distinct().count() < 2) {
            return List.of();
        }
        Map<Method, Map<Integer, List<RunOutcome>>> groups = new TreeMap<>();
        for (RunOutcome r : counting) {
            groups.computeIfAbsent(r.method(), k -> new TreeMap<>())
                    .computeIfAbsent(r.plannedEpochs(), k -> new ArrayList<>()).add(r);
        }
        List<EpochBudgetRow> rows = new ArrayList<>();
        groups.forEach((m, byEpochs) -> byEpochs.forEach((epochs, list) -> rows.add(new EpochBudgetRow(m, epochs,
                Summary.of(list.stream().mapToDouble(RunOutcome::bestError).toArray()),
                Summary.of(list.stream().mapToDouble(RunOutcome::finalError).toArray()),
                list.stream().mapToDouble(RunOutcome::minutes).average().orElse(Double.NaN)))));
        rows.sort(Comparator.comparing(EpochBudgetRow::method).thenComparingInt(EpochBudgetRow::epochs));
        return rows;
    }
}
