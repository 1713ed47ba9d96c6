package org.mlaan.lab.ui.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mlaan.lab.analysis.result.AblationCell;
import org.mlaan.lab.analysis.result.AblationMatrix;
import org.mlaan.lab.analysis.result.SeedResult;
import org.mlaan.lab.core.config.Method;
import org.mlaan.lab.core.stats.Summary;
import org.mlaan.lab.core.run.RunRecord;

/**
 * The Table-4 matrix of the loaded runs (MLAAN paper, Table 4): the DGL family when any DGL run
 * is loaded, else the InfoPro one; BP beside it.
 */
final class RunMatrix {
    private RunMatrix() {}

    /** The matrix of {@code runs}, or null when none of them is BP or of the DGL or InfoPro family. */
    static AblationMatrix from(List<RunRecord> runs) {
        Map<Method, List<SeedResult>> by = new LinkedHashMap<>();
        for (RunRecord r : runs) {
            RunSummary s = RunSummary.of(r);
            by.computeIfAbsent(s.method(), k -> new ArrayList<>()).add(s.seedResult());
        }
        boolean dgl = by.keySet().stream().anyMatch(m -> m == Method.DGL || m == Method.DGL_MLM
                || m == Method.DGL_LAM || m == Method.DGL_MLAAN);
        boolean infopro = by.containsKey(Method.INFOPRO) || by.containsKey(Method.INFOPRO_MLAAN);
        if (!dgl && !infopro && !by.containsKey(Method.BP)) {
            return null;
        }
        List<AblationCell> cells = new ArrayList<>();
        if (dgl || !infopro) {
            add(cells, by, Method.DGL, false, false);
            add(cells, by, Method.DGL_MLM, true, false);
            add(cells, by, Method.DGL_LAM, false, true);
            add(cells, by, Method.DGL_MLAAN, true, true);
        } else {
            add(cells, by, Method.INFOPRO, false, false);
            add(cells, by, Method.INFOPRO_MLAAN, true, true);
        }
        List<AblationCell> bp = new ArrayList<>();
        add(bp, by, Method.BP, false, false);
        return new AblationMatrix(dgl || !infopro ? Method.DGL : Method.INFOPRO, bp.isEmpty() ? null : bp.get(0),
                cells);
    }

    private static void add(List<AblationCell> cells, Map<Method, List<SeedResult>> by, Method m, boolean mlm,
            boolean lam) {
        List<SeedResult> seeds = by.get(m);
        if (seeds == null) {
            return;
        }
        List<SeedResult> sorted = seeds.stream().sorted(Comparator.comparingLong(SeedResult::seed)).toList();
        cells.add(new AblationCell(m, mlm, lam, Summary.of(sorted.stream().mapToDouble(SeedResult::finalError).toArray()),
                Summary.of(sorted.stream().mapToDouble(SeedResult::bestError).toArray()), sorted));
    }
}
