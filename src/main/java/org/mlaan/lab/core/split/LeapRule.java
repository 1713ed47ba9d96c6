package org.mlaan.lab.core.split;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.mlaan.lab.core.plan.NetworkPlan;
import org.mlaan.lab.core.plan.Unit;

/**
 * The lab's default leap list for a module of any split (ALGORITHMS.md Part A.3), following the
 * pattern of the hand-written tables of Part B §5:
 * <ol>
 *   <li>every later block that changes the shape (the first block of every later stage; on
 *       bottleneck nets also 1.0), so the stack chains from the module's output;</li>
 *   <li>the network's last block;</li>
 *   <li>filled with the blocks just before the last one, up to a depth of 4 blocks (3 once the
 *       module lies in the last stage), never more than the later blocks there are.</li>
 * </ol>
 * So early modules get the deepest, longest-leap stacks and the depth shrinks to 3, 2, 1 near the
 * end. Presets do not use this rule: they copy the tables verbatim.
 */
public final class LeapRule {
    /** Deepest default stack (the CIFAR tables' 4 blocks). */
    public static final int MAX_DEPTH = 4;
    /** Depth once the module lies in the last stage (the tables' 3, 2, 1 tail). */
    public static final int LAST_STAGE_DEPTH = 3;

    private LeapRule() {}

    /** Default leap lists of every module; the last module's is empty. */
    public static List<List<String>> defaults(NetworkPlan plan, List<ModuleSpan> modules) {
        List<List<String>> out = new ArrayList<>();
        for (ModuleSpan m : modules) {
            out.add(m.index() == modules.size() - 1 ? List.of() : forModule(plan, m));
        }
        return out;
    }

    /** The default leap list of one (not last) module. */
    public static List<String> forModule(NetworkPlan plan, ModuleSpan module) {
        List<Unit> later = plan.units().subList(module.last() + 1, plan.size() - 1);
        if (later.isEmpty()) {
            return List.of();
        }
        Unit lastBlock = later.get(later.size() - 1);
        int lastStage = lastBlock.stage();
        Unit end = plan.unit(module.last());
        boolean inLastStage = end.isBlock() && end.stage() == lastStage;
        TreeSet<Integer> chosen = new TreeSet<>();
        for (Unit u : later) {
            if (!u.in().equals(u.out())) {
                chosen.add(u.index());
            }
        }
        chosen.add(lastBlock.index());
        int depth = Math.max(chosen.size(), Math.min(inLastStage ? LAST_STAGE_DEPTH : MAX_DEPTH, later.size()));
        for (int i = later.size() - 2; i >= 0 && chosen.size() < depth; i--) {
            chosen.add(later.get(i).index());
        }
        List<String> names = new ArrayList<>();
        for (int i : chosen) {
            names.add(plan.unit(i).name());
        }
        return names;
    }

    /**
     * Problems of a leap list for {@code module}: unknown blocks, blocks at or before the module
     * (unless {@code reuseAllowed}, as the ImageNet tables need), and shapes that do not chain from
     * the module's output through the stack. Empty when the list can run.
     */
    public static List<String> problems(NetworkPlan plan, ModuleSpan module, List<String> leaps, boolean reuseAllowed) {
        List<String> out = new ArrayList<>();
        String who = "module " + module.index() + " (" + module.firstName()
                + (module.first() == module.last() ? "" : ".." + module.lastName()) + ")";
        if (leaps.isEmpty()) {
            out.add(who + ": the leap list is empty; name at least one later block");
            return out;
        }
        var shape = plan.unit(module.last()).out();
        String from = "the module's output";
        for (String name : leaps) {
            int index;
            try {
                index = plan.indexOf(name);
            } catch (IllegalArgumentException e) {
                out.add(who + ": leap block '" + name + "': " + e.getMessage());
                return out;
            }
            Unit u = plan.unit(index);
            if (!u.isBlock()) {
                out.add(who + ": leap block '" + name + "' is not a residual block");
                return out;
            }
            if (index <= module.last() && !reuseAllowed) {
                out.add(who + ": leap block " + name + " is at or before the module; a leap aux copies later blocks");
            }
            if (!u.in().equals(shape)) {
                out.add(who + ": leap block " + name + " takes " + u.in() + " but " + from + " is " + shape
                        + " (include the downsampling blocks in between)");
                return out;
            }
            shape = u.out();
            from = "block " + name + "'s output";
        }
        return out;
    }
}
