package org.mlaan.lab.core.split;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.mlaan.lab.core.plan.NetworkPlan;
import org.mlaan.lab.core.plan.Unit;

/**
 * Where a network is cut into gradient-isolated modules (ALGORITHMS.md Part A.1): the names of
 * the units after which a cut falls. No cut gives one module, end-to-end backprop. The head
 * always belongs to the last module, so no cut may follow the last block or the head.
 */
public record Split(List<String> cutsAfter) {

    public Split {
        cutsAfter = List.copyOf(cutsAfter);
    }

    /** No cut: one module (BP). */
    public static Split none() {
        return new Split(List.of());
    }

    /** Cuts after each of the given units. */
    public static Split after(String... units) {
        return new Split(List.of(units));
    }

    /** Number of modules K. */
    public int modules() {
        return cutsAfter.size() + 1;
    }

    /**
     * The modules of this split on {@code plan}, in chain order.
     *
     * @throws SplitException naming the cut and why it cannot be made
     */
    public List<ModuleSpan> resolve(NetworkPlan plan) throws SplitException {
        List<String> problems = new ArrayList<>();
        TreeSet<Integer> cuts = new TreeSet<>();
        int lastBlock = plan.size() - 2;
        for (String name : cutsAfter) {
            int index;
            try {
                index = plan.indexOf(name);
            } catch (IllegalArgumentException e) {
                problems.add("cut after '" + name + "': " + e.getMessage());
                continue;
            }
            if (index >= lastBlock) {
                problems.add("cut after '" + name + "': the head and the last block " + plan.unit(lastBlock).name()
                        + " belong to the last module, so the last cut may follow " + plan.unit(lastBlock - 1).name()
                        + " at the latest");
            } else if (!cuts.add(index)) {
                problems.add("cut after '" + name + "' is listed twice");
            }
        }
        if (!problems.isEmpty()) {
            throw new SplitException(problems);
        }
        List<ModuleSpan> spans = new ArrayList<>();
        int start = 0;
        for (int cut : cuts) {
            spans.add(span(plan, spans.size(), start, cut));
            start = cut + 1;
        }
        spans.add(span(plan, spans.size(), start, plan.size() - 1));
        return spans;
    }

    /** The split whose modules end at the given units (the reference code's lists, Part B §2). */
    public static Split fromModuleEnds(List<String> ends) {
        return new Split(ends.subList(0, ends.size() - 1));
    }

    private static ModuleSpan span(NetworkPlan plan, int index, int first, int last) {
        List<Unit> units = plan.units().subList(first, last + 1);
        return new ModuleSpan(index, first, last, units.get(0).name(), units.get(units.size() - 1).name());
    }
}
