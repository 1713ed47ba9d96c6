package org.mlaan.lab.analysis;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mlaan.lab.core.config.Method;
import org.mlaan.lab.core.run.RunFinished;
import org.mlaan.lab.core.stats.Summary;

/** The finished runs of an ablation, by method, and their test-error summaries. */
public final class AblationResult {
    /** One finished run of the ablation. */
    public record Cell(Method method, long seed, RunFinished finished, Path runDir) {}

    private final List<Cell> cells = new ArrayList<>();

    void add(Cell cell) {
        cells.add(cell);
    }

    public List<Cell> cells() {
        return List.copyOf(cells);
    }

    /** Final test top-1 error summaries by method, in the order the methods ran. */
    public Map<Method, Summary> finalErrors() {
        return summarise(false);
    }

    /** Best-over-epochs test top-1 error summaries by method (the papers' figure). */
    public Map<Method, Summary> bestErrors() {
        return summarise(true);
    }

    /** Total wall time of the runs, in seconds. */
    public double seconds() {
        return cells.stream().mapToDouble(c -> c.finished().seconds()).sum();
    }

    private Map<Method, Summary> summarise(boolean best) {
        Map<Method, List<Double>> by = new LinkedHashMap<>();
        for (Cell c : cells) {
            double v = best ? c.finished().bestTop1Error() : c.finished().finalTop1Error();
            by.computeIfAbsent(c.method(), k -> new ArrayList<>()).add(v);
        }
        Map<Method, Summary> out = new LinkedHashMap<>();
        by.forEach((m, v) -> out.put(m, Summary.of(v.stream().mapToDouble(Double::doubleValue).toArray())));
        return out;
    }
}
