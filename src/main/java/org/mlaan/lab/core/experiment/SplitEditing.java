package org.mlaan.lab.core.experiment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mlaan.lab.core.config.ExperimentConfig;
import org.mlaan.lab.core.config.LocalConfig;
import org.mlaan.lab.core.config.Method;
import org.mlaan.lab.core.config.ModuleOverride;
import org.mlaan.lab.core.config.NetworkConfig;
import org.mlaan.lab.core.config.SplitConfig;
import org.mlaan.lab.core.local.ModulePlan;
import org.mlaan.lab.core.plan.Arch;
import org.mlaan.lab.core.plan.NetworkPlan;
import org.mlaan.lab.core.plan.Unit;
import org.mlaan.lab.core.split.ModuleSpan;
import org.mlaan.lab.core.split.PaperPresets;
import org.mlaan.lab.core.split.Split;
import org.mlaan.lab.core.split.SplitException;
import org.mlaan.lab.core.split.SplitPreset;

/**
 * What the split editor's clicks do to an experiment, as plain functions from one config to the
 * next: cutting, un-cutting and moving cuts, toggling leap blocks, writing per-module settings,
 * applying a method, a preset or another network. The view only decides which of these to call.
 */
public final class SplitEditing {
    private SplitEditing() {}

    /**
     * The cuts of the config's split in chain order: the preset's cuts or {@code split.cutsAfter};
     * names the plan does not know, or where no cut may fall, are left out (they show as problems).
     */
    public static List<String> cutsOf(ExperimentConfig c, NetworkPlan plan) {
        SplitConfig s = c.split();
        if (s == null) {
            return List.of();
        }
        List<String> names;
        if (s.preset() != null) {
            names = PaperPresets.find(s.preset()).map(p -> p.split().cutsAfter()).orElse(List.of());
        } else {
            names = s.cutsAfter() == null ? List.of() : s.cutsAfter();
        }
        return fitting(plan, names);
    }

    /** Whether the config's split names a paper preset. */
    public static boolean usesPreset(ExperimentConfig c) {
        return c.split() != null && c.split().preset() != null;
    }

    /**
     * Why no cut may fall after unit {@code after} (its index), or empty when one may: the head and
     * the last block always stay in the last module (ALGORITHMS.md Part A.1).
     */
    public static Optional<String> whyNotCuttable(NetworkPlan plan, int after) {
        int lastBlock = plan.size() - 2;
        if (after >= lastBlock) {
            return Optional.of("No cut here: the head and the last block " + plan.unit(lastBlock).name()
                    + " always belong to the last module, so the last cut may follow "
                    + plan.unit(lastBlock - 1).name() + " at the latest.");
        }
        return after < 0 ? Optional.of("No unit before this point.") : Optional.empty();
    }

    /** {@code cuts} with a cut after {@code after} added in chain order; unchanged where none may fall. */
    public static List<String> withCut(NetworkPlan plan, List<String> cuts, String after) {
        int index = indexOrMinus(plan, after);
        if (index < 0 || whyNotCuttable(plan, index).isPresent() || cuts.contains(after)) {
            return cuts;
        }
        List<String> out = new ArrayList<>(cuts);
        out.add(after);
        return inChainOrder(plan, out);
    }

    /** {@code cuts} without the cut after {@code after}. */
    public static List<String> withoutCut(List<String> cuts, String after) {
        List<String> out = new ArrayList<>(cuts);
        out.remove(after);
        return List.copyOf(out);
    }

    /** {@code cuts} with the cut after {@code from} moved to after {@code to}; unchanged where it cannot go. */
    public static List<String> movedCut(NetworkPlan plan, List<String> cuts, String from, String to) {
        if (!cuts.contains(from) || from.equals(to)) {
            return cuts;
        }
        List<String> without = withoutCut(cuts, from);
        List<String> moved = withCut(plan, without, to);
        return moved == without ? cuts : moved;
    }

    /** The modules {@code cuts} make on {@code plan}; one module over everything where they do not resolve. */
    public static List<ModuleSpan> spans(NetworkPlan plan, List<String> cuts) {
        try {
            return new Split(cuts).resolve(plan);
        } catch (SplitException e) {
            return List.of(new ModuleSpan(0, 0, plan.size() - 1, plan.stem().name(), plan.head().name()));
        }
    }

    /** The cuts that end every stage but the last: a plain first split where nothing else is drawn. */
    public static List<String> stageCuts(NetworkPlan plan) {
        List<String> out = new ArrayList<>();
        List<Unit> blocks = plan.blocks();
        for (int i = 0; i + 1 < blocks.size(); i++) {
            if (blocks.get(i).stage() != blocks.get(i + 1).stage()) {
                out.add(blocks.get(i).name());
            }
        }
        return out;
    }

    /**
     * {@code c} with a cut after {@code after} (stored as {@code split.cutsAfter}); per-module
     * settings stay with the module they were written for (the one starting at the same unit).
     */
    public static ExperimentConfig addCut(ExperimentConfig c, NetworkPlan plan, String after) {
        List<String> cuts = cutsOf(c, plan);
        return withCuts(c, plan, cuts, withCut(plan, cuts, after), true);
    }

    /** {@code c} without the cut after {@code after}; the merged module keeps the first one's settings. */
    public static ExperimentConfig removeCut(ExperimentConfig c, NetworkPlan plan, String after) {
        List<String> cuts = cutsOf(c, plan);
        return withCuts(c, plan, cuts, withoutCut(cuts, after), true);
    }

    /** {@code c} with the cut after {@code from} moved to after {@code to}; modules keep their numbers. */
    public static ExperimentConfig moveCut(ExperimentConfig c, NetworkPlan plan, String from, String to) {
        List<String> cuts = cutsOf(c, plan);
        return withCuts(c, plan, cuts, movedCut(plan, cuts, from, to), false);
    }

    /** {@code c} cut after {@code cuts} instead (as {@code split.cutsAfter}); per-module settings keep their numbers. */
    public static ExperimentConfig withCutsKeepingNumbers(ExperimentConfig c, NetworkPlan plan, List<String> cuts) {
        return withCuts(c, plan, cutsOf(c, plan), List.copyOf(cuts), false);
    }

    private static ExperimentConfig withCuts(ExperimentConfig c, NetworkPlan plan, List<String> before,
            List<String> after, boolean followFirstUnit) {
        if (after.equals(before)) {
            return c; // a click that changes nothing keeps a preset a preset
        }
        ExperimentConfig out = c.withSplit(SplitConfig.cuts(after));
        if (!followFirstUnit || c.local() == null || c.local().modules() == null) {
            return out;
        }
        List<ModuleSpan> old = spans(plan, before);
        Map<Integer, Integer> newIndexByFirstUnit = new HashMap<>();
        for (ModuleSpan s : spans(plan, after)) {
            newIndexByFirstUnit.put(s.first(), s.index());
        }
        List<ModuleOverride> moved = new ArrayList<>();
        for (ModuleOverride o : c.local().modules()) {
            if (o.module() == null || o.module() < 0 || o.module() >= old.size()) {
                moved.add(o); // already wrong; its problem keeps showing
                continue;
            }
            Integer now = newIndexByFirstUnit.get(old.get(o.module()).first());
            if (now != null) {
                moved.add(new ModuleOverride(now, o.independentHead(), o.wx(), o.window(), o.cascadeHead(), o.wy(),
                        o.leap(), o.emaTwins(), o.momentum()));
            }
        }
        return out.withLocal(withModules(c.local(), moved));
    }

    /**
     * The leap list module {@code module} runs with: its override's list, else the resolved one
     * ({@code roles} may be null while the config has problems).
     */
    public static List<String> currentLeap(ExperimentConfig c, ModulePlan roles, int module) {
        ModuleOverride o = overrideOf(c, module);
        if (o != null && o.leap() != null) {
            return o.leap();
        }
        return roles == null ? List.of() : roles.leapBlocks();
    }

    /**
     * {@code c} with block {@code block} added to or removed from module {@code module}'s leap list
     * (kept in chain order, as the stack runs); an empty list turns the module's leap aux off.
     * The result may not run (a block at or before the module): its problem then names the module.
     */
    public static ExperimentConfig toggleLeap(ExperimentConfig c, NetworkPlan plan, int module, List<String> current,
            String block) {
        List<String> next = new ArrayList<>(current);
        if (!next.remove(block)) {
            next.add(block);
            next = inChainOrder(plan, next);
        }
        ModuleOverride o = overrideOf(c, module);
        return withOverride(c, o == null ? new ModuleOverride(module, null, null, null, null, null, List.copyOf(next), null,
                null) : new ModuleOverride(module, o.independentHead(), o.wx(), o.window(), o.cascadeHead(), o.wy(),
                List.copyOf(next), o.emaTwins(), o.momentum()));
    }

    /** The override of module {@code module}, or null. */
    public static ModuleOverride overrideOf(ExperimentConfig c, int module) {
        if (c.local() == null || c.local().modules() == null) {
            return null;
        }
        for (ModuleOverride o : c.local().modules()) {
            if (o.module() != null && o.module() == module) {
                return o;
            }
        }
        return null;
    }

    /** {@code c} with {@code override} replacing the override of the same module. */
    public static ExperimentConfig withOverride(ExperimentConfig c, ModuleOverride override) {
        LocalConfig local = c.localOrDefault();
        List<ModuleOverride> list = new ArrayList<>();
        if (local.modules() != null) {
            for (ModuleOverride o : local.modules()) {
                if (o.module() == null || !o.module().equals(override.module())) {
                    list.add(o);
                }
            }
        }
        list.add(override);
        list.sort(Comparator.comparing(o -> o.module() == null ? -1 : o.module()));
        return c.withLocal(withModules(local, list));
    }

    /** {@code c} without any override of module {@code module}: the method's defaults again. */
    public static ExperimentConfig withoutOverride(ExperimentConfig c, int module) {
        if (overrideOf(c, module) == null) {
            return c;
        }
        List<ModuleOverride> list = new ArrayList<>(c.local().modules());
        list.removeIf(o -> o.module() != null && o.module() == module);
        return c.withLocal(withModules(c.local(), list));
    }

    /**
     * {@code c} trained by {@code method}, with the method's own defaults (the {@code local}
     * section cleared). BP takes no split, so its cuts go (the view keeps drawing them, see
     * {@code drawnCuts}); a local method keeps the config's split, or takes {@code drawnCuts},
     * or else one cut at the end of every stage.
     */
    public static ExperimentConfig applyMethod(ExperimentConfig c, Method method, List<String> drawnCuts,
            NetworkPlan plan) {
        ExperimentConfig out = c.withMethod(method.label()).withLocal(null);
        if (method == Method.BP) {
            return out.withSplit(null);
        }
        if (c.split() != null && (c.split().preset() != null || !cutsOf(c, plan).isEmpty())) {
            return out;
        }
        List<String> cuts = fitting(plan, drawnCuts);
        return out.withSplit(SplitConfig.cuts(cuts.isEmpty() ? stageCuts(plan) : cuts));
    }

    /**
     * {@code c} on network {@code arch}, keeping the method: a preset written for another network
     * becomes the cuts that exist in this one, cuts that do not exist go, and per-module settings
     * go where their module or leap blocks no longer exist. A local method left without a cut
     * gets one at the end of every stage.
     */
    public static ExperimentConfig changeArch(ExperimentConfig c, Arch arch) {
        Arch old = archOrNull(c);
        if (old == arch) {
            return c;
        }
        NetworkPlan plan = NetworkPlan.of(arch);
        ExperimentConfig out = onNetwork(c, arch);
        boolean presetFits = old != null && c.split() != null && c.split().preset() != null
                && PaperPresets.find(c.split().preset()).map(p -> p.arch() == arch).orElse(false);
        if (c.split() != null) {
            SplitPreset preset = c.split().preset() == null ? null : PaperPresets.find(c.split().preset()).orElse(null);
            if (!presetFits) {
                List<String> wanted = preset != null ? preset.split().cutsAfter()
                        : c.split().cutsAfter() == null ? List.of() : c.split().cutsAfter();
                List<String> kept = fitting(plan, wanted);
                boolean local = isLocal(c);
                out = out.withSplit(kept.isEmpty() && local ? SplitConfig.cuts(stageCuts(plan)) : SplitConfig.cuts(kept));
            }
        }
        if (c.local() != null && c.local().modules() != null) {
            int k = isLocal(out) ? spans(plan, cutsOf(out, plan)).size() : 1;
            List<ModuleOverride> kept = new ArrayList<>();
            for (ModuleOverride o : c.local().modules()) {
                boolean fits = o.module() != null && o.module() < k
                        && (o.leap() == null || o.leap().stream().allMatch(b -> indexOrMinus(plan, b) >= 0));
                if (fits) {
                    kept.add(o);
                }
            }
            out = out.withLocal(withModules(c.local(), kept));
        }
        return out;
    }

    /**
     * {@code c} on the network and split of paper preset {@code preset} (its leap table applies);
     * a config on BP moves to DGL+MLAAN, since a split means nothing to backprop. Per-module
     * settings written for the old split go; the rest of the {@code local} section stays.
     */
    public static ExperimentConfig loadPreset(ExperimentConfig c, SplitPreset preset) {
        ExperimentConfig out = onNetwork(c, preset.arch()).withSplit(SplitConfig.preset(preset.id()));
        if (!isLocal(c)) {
            out = out.withMethod(Method.DGL_MLAAN.label());
        }
        if (c.local() != null) {
            out = out.withLocal(withModules(c.local(), List.of()));
        }
        return out;
    }

    private static Arch archOrNull(ExperimentConfig c) {
        try {
            return c.network().archOrDefault();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static ExperimentConfig onNetwork(ExperimentConfig c, Arch arch) {
        return new ExperimentConfig(c.name(), c.description(), new NetworkConfig(arch.id()), c.dataset(), c.method(),
                c.split(), c.local(), c.training(), c.seed(), c.device());
    }

    /** Whether the config's method trains locally (false for BP and for a method it cannot read). */
    public static boolean isLocal(ExperimentConfig c) {
        try {
            return c.methodOrDefault() != Method.BP;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The names of {@code names} that exist in {@code plan} and may take a cut, in chain order, once each. */
    public static List<String> fitting(NetworkPlan plan, List<String> names) {
        List<String> out = new ArrayList<>();
        for (String n : names) {
            int i = indexOrMinus(plan, n);
            if (i >= 0 && whyNotCuttable(plan, i).isEmpty() && !out.contains(n)) {
                out.add(n);
            }
        }
        return inChainOrder(plan, out);
    }

    private static List<String> inChainOrder(NetworkPlan plan, List<String> names) {
        List<String> out = new ArrayList<>(names);
        out.sort(Comparator.comparingInt(n -> {
            int i = indexOrMinus(plan, n);
            return i < 0 ? Integer.MAX_VALUE : i;
        }));
        return List.copyOf(out);
    }

    private static int indexOrMinus(NetworkPlan plan, String name) {
        for (Unit u : plan.units()) {
            if (u.name().equals(name)) {
                return u.index();
            }
        }
        return -1;
    }

    /** {@code local} with {@code modules} as its overrides; null when nothing is left overridden. */
    static LocalConfig withModules(LocalConfig l, List<ModuleOverride> modules) {
        LocalConfig out = new LocalConfig(l.independentHead(), l.wx(), l.window(), l.cascadeHead(), l.wy(), l.leap(),
                l.emaTwins(), l.momentum(), l.emaUpdate(), l.copyInit(), l.lastModuleLoss(), l.momentumAux(),
                l.decoder(), l.lambdas(), l.lambdaRatio(), l.augLocalDepth(),
                modules.isEmpty() ? null : List.copyOf(modules));
        return out.equals(LocalConfig.defaults()) ? null : out;
    }
}
