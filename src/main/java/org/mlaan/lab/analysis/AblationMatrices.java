package org.mlaan.lab.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.mlaan.lab.analysis.result.AblationCell;
import org.mlaan.lab.analysis.result.AblationMatrix;
import org.mlaan.lab.analysis.result.SeedResult;
import org.mlaan.lab.core.config.Method;
import org.mlaan.lab.core.run.RunRecord;
import org.mlaan.lab.core.stats.Summary;

/**
 * Builds the Table-4-style ablation matrix (MLAAN paper, Table 4) from run folders: MLM off/on x
 * LAM off/on over the base local method, and BP beside it, each cell the mean ± sample standard
 * deviation of final and best test error over its seeds.
 *
 * <p>Which runs count: a run that failed, or that never evaluated, is listed in its cell's seeds
 * but left out of the means. A cancelled or still-running run counts with the error it reached
 * (its state and epochs are in its seed row). Epoch budgets are never mixed within a method: each
 * method's cell holds only its runs at that method's most common epoch budget (ties go to the
 * longer budget); runs at other budgets are left out here and shown by {@link EpochBudgets}
 * (Table 5). {@link #notes} says which runs were left out and why.
 */
public final class AblationMatrices {
    private static final List<Method> DGL_FAMILY = List.of(Method.DGL, Method.DGL_MLM, Method.DGL_LAM, Method.DGL_MLAAN);
    private static final List<Method> INFOPRO_FAMILY = List.of(Method.INFOPRO, Method.INFOPRO_MLAAN);

    private AblationMatrices() {}

    /**
     * The matrix of these runs, or null when none of them is of the DGL or InfoPro family. When
     * both families are present, the one with more runs is the base (DGL on a tie).
     */
    public static AblationMatrix from(List<RunRecord> runs) {
        return fromOutcomes(runs.stream().map(RunOutcome::of).toList());
    }

    static AblationMatrix fromOutcomes(List<RunOutcome> runs) {
        Method base = baseOf(runs);
        if (base == null) {
            return null;
        }
        Map<Method, List<RunOutcome>> chosen = atUsualBudget(runs);
        List<AblationCell> cells = new ArrayList<>();
        for (Method m : base == Method.DGL ? DGL_FAMILY : INFOPRO_FAMILY) {
            if (chosen.containsKey(m)) {
                cells.add(cell(m, chosen.get(m)));
            }
        }
        AblationCell bp = chosen.containsKey(Method.BP) ? cell(Method.BP, chosen.get(Method.BP)) : null;
        return new AblationMatrix(base, bp, cells);
    }

    /** Whether a method has cascaded windows (MLM): DGL+MLM, DGL+MLAAN, InfoPro+MLAAN. */
    public static boolean mlm(Method m) {
        return m == Method.DGL_MLM || m == Method.DGL_MLAAN || m == Method.INFOPRO_MLAAN;
    }

    /** Whether a method has leap auxiliaries (LAM): DGL+LAM, DGL+MLAAN, InfoPro+MLAAN. */
    public static boolean lam(Method m) {
        return m == Method.DGL_LAM || m == Method.DGL_MLAAN || m == Method.INFOPRO_MLAAN;
    }

    /** The most epochs any run of the cell trained: its budget when the runs completed. */
    public static int epochsTrained(AblationCell cell) {
        return cell.seeds().stream().mapToInt(SeedResult::epochs).max().orElse(0);
    }

    /**
     * What the matrix of these runs leaves out, one line each: runs that fail the rule above, runs
     * at a method's other budgets, and cells whose budgets differ from one another.
     */
    public static List<String> notes(List<RunRecord> runs) {
        List<RunOutcome> all = runs.stream().map(RunOutcome::of).toList();
        Method base = baseOf(all);
        if (base == null) {
            return List.of();
        }
        List<Method> inMatrix = new ArrayList<>(base == Method.DGL ? DGL_FAMILY : INFOPRO_FAMILY);
        inMatrix.add(0, Method.BP);
        List<String> notes = new ArrayList<>();
        for (RunOutcome r : all) {
            if (inMatrix.contains(r.method()) && !r.counts()) {
                notes.add(String.format(Locale.ROOT, "Table 4: run %s (%s, seed %d) is listed but not in the means: %s.",
                        r.name(), r.method().label(), r.seed(), r.whyLeftOut()));
            }
        }
        Map<Method, List<RunOutcome>> chosen = atUsualBudget(all);
        Map<Method, Integer> budgets = new LinkedHashMap<>();
        for (Method m : inMatrix) {
            if (!chosen.containsKey(m)) {
                continue;
            }
            int budget = chosen.get(m).get(0).plannedEpochs();
            budgets.put(m, budget);
            Map<Integer, Long> others = all.stream()
                    .filter(r -> r.method() == m && r.plannedEpochs() != budget)
                    .collect(Collectors.groupingBy(RunOutcome::plannedEpochs, java.util.TreeMap::new,
                            Collectors.counting()));
            others.forEach((epochs, n) -> notes.add(String.format(Locale.ROOT,
                    "Table 4: %d %s run(s) at %d epochs are not in the matrix, which takes its %d-epoch runs;"
                            + " Table 5 compares the budgets.", n, m.label(), epochs, budget)));
        }
        if (budgets.values().stream().distinct().count() > 1) {
            notes.add("Table 4: its cells have different epoch budgets ("
                    + budgets.entrySet().stream().map(e -> e.getKey().label() + " " + e.getValue())
                            .collect(Collectors.joining(", "))
                    + " epochs); compare them with Table 5 in mind.");
        }
        return notes;
    }

    /** The base of the family with more runs, DGL on a tie; null when neither family ran. */
    private static Method baseOf(List<RunOutcome> runs) {
        long dgl = runs.stream().filter(r -> DGL_FAMILY.contains(r.method())).count();
        long infopro = runs.stream().filter(r -> INFOPRO_FAMILY.contains(r.method())).count();
        if (dgl == 0 && infopro == 0) {
            return null;
        }
        return dgl >= infopro ? Method.DGL : Method.INFOPRO;
    }

    /** Each method's most common epoch budget: the runs the matrix, and the report's figures, take. */
    static Map<Method, Integer> usualBudgets(List<RunRecord> runs) {
        Map<Method, Integer> out = new EnumMap<>(Method.class);
        atUsualBudget(runs.stream().map(RunOutcome::of).toList()).forEach((m, list) -> {
            if (!list.isEmpty()) {
                out.put(m, list.get(0).plannedEpochs());
            }
        });
        return out;
    }

    /** Each method's runs at its most common budget (counted over runs that count, else over all). */
    private static Map<Method, List<RunOutcome>> atUsualBudget(List<RunOutcome> runs) {
        Map<Method, List<RunOutcome>> byMethod = new EnumMap<>(Method.class);
        for (RunOutcome r : runs) {
            byMethod.computeIfAbsent(r.method(), k -> new ArrayList<>()).add(r);
        }
        Map<Method, List<RunOutcome>> out = new EnumMap<>(Method.class);
        byMethod.forEach((m, list) -> {
            List<RunOutcome> counting = list.stream().filter(RunOutcome::counts).toList();
            int budget = usualBudget(counting.isEmpty() ? list : counting);
            out.put(m, list.stream().filter(r -> r.plannedEpochs() == budget).toList());
        });
        return out;
    }

    private static int usualBudget(List<RunOutcome> runs) {
        Map<Integer, Long> counts = runs.stream()
                .collect(Collectors.groupingBy(RunOutcome::plannedEpochs, Collectors.counting()));
        return counts.entrySet().stream()
                .max(Map.Entry.<Integer, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .orElseThrow().getKey();
    }

    private static AblationCell cell(Method m, List<RunOutcome> runs) {
        List<RunOutcome> sorted = runs.stream()
                .sorted(Comparator.comparingLong(RunOutcome::seed).thenComparing(RunOutcome::name)).toList();
        List<RunOutcome> counting = sorted.stream().filter(RunOutcome::counts).toList();
        return new AblationCell(m, mlm(m), lam(m),
                Summary.of(counting.stream().mapToDouble(RunOutcome::finalError).toArray()),
                Summary.of(counting.stream().mapToDouble(RunOutcome::bestError).toArray()),
                sorted.stream().map(RunOutcome::seedResult).toList());
    }
}
