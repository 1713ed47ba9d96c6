package org.mlaan.lab.core.local;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.mlaan.lab.core.config.ConfigException;
import org.mlaan.lab.core.config.ExperimentConfig;
import org.mlaan.lab.core.config.LocalConfig;
import org.mlaan.lab.core.config.Method;
import org.mlaan.lab.core.config.ModuleOverride;
import org.mlaan.lab.core.config.SplitConfig;
import org.mlaan.lab.core.plan.NetworkPlan;
import org.mlaan.lab.core.plan.Unit;
import org.mlaan.lab.core.split.LeapRule;
import org.mlaan.lab.core.split.ModuleSpan;
import org.mlaan.lab.core.split.PaperPresets;
import org.mlaan.lab.core.split.Split;
import org.mlaan.lab.core.split.SplitException;
import org.mlaan.lab.core.split.SplitPreset;

/**
 * Resolves a config into a {@link LocalPlan}: the split, then the method's default roles for
 * every module, then the config's overrides, then a check that every module can run. Problems
 * are listed together, each with its field path and module.
 */
public final class LocalPlanner {
    private LocalPlanner() {}

    /**
     * The local plan of {@code config} on {@code network}.
     *
     * @throws ConfigException listing every problem, named by field and module
     */
    public static LocalPlan resolve(ExperimentConfig config, NetworkPlan network) throws ConfigException {
        List<String> problems = new ArrayList<>();
        Method method = config.methodOrDefault();
        if (method == Method.BP) {
            return backprop(config.split(), network);
        }
        MethodDefaults d = MethodDefaults.of(method, network.arch());
        SplitChoice split = split(problems, method, config.split(), network);
        Settings all = settings(problems, config.localOrDefault(), d);
        if (split.spans() == null || !problems.isEmpty()) {
            throw new ConfigException(null, problems.isEmpty() ? List.of("split: cannot be resolved") : problems);
        }
        List<ModuleSpan> spans = split.spans();
        int k = spans.size();
        int window = all.shared().window();
        if (window > k) {
            problems.add("local.window: a window of " + window + " modules needs at least " + window
                    + " modules, the split has " + k);
        }
        Map<Integer, ModuleOverride> overrides = overrides(problems, config.localOrDefault().modules(), k);
        SplitPreset preset = split.preset();
        boolean reuse = preset != null && preset.reusesEarlierBlocks();
        List<List<String>> defaultLeaps = !all.leap() ? null
                : preset != null && preset.hasLeapTable() ? preset.leaps() : LeapRule.defaults(network, spans);
        List<ModulePlan> modules = new ArrayList<>();
        for (ModuleSpan span : spans) {
            modules.add(module(problems, span, k, overrides.get(span.index()), all, d, network,
                    defaultLeaps == null ? null : defaultLeaps.get(span.index()), reuse));
        }
        everyModuleLearns(problems, modules);
        if (!problems.isEmpty()) {
            throw new ConfigException(null, problems);
        }
        LocalConfig local = config.localOrDefault();
        return new LocalPlan(method, network, modules, all.emaUpdate(), all.copyInit(), all.lastLoss(),
                local.decoder() == null || local.decoder(), reuse, all.augDepth(), all.shared());
    }

    /** End-to-end backprop: one module over everything, trained on the fc's loss alone; a split is a mistake. */
    private static LocalPlan backprop(SplitConfig split, NetworkPlan network) throws ConfigException {
        if (split != null && (split.preset() != null || (split.cutsAfter() != null && !split.cutsAfter().isEmpty()))) {
            throw new ConfigException(null, List.of(
                    "split: method BP trains end to end, so it takes no split; remove it or pick a local method"));
        }
        ModuleSpan whole = new ModuleSpan(0, 0, network.size() - 1, "stem", "head");
        ModulePlan only = new ModulePlan(whole, Optional.of(new IndependentRole(HeadKind.NONE, 1)), Optional.empty(),
                Optional.empty(), Optional.empty(), new InfoProLambdas(0, 0));
        return new LocalPlan(Method.BP, network, List.of(only), MethodDefaults.EMA_UPDATE, CopyInit.COPY,
                MethodDefaults.LAST_MODULE_LOSS, false, false, 0, MethodDefaults.of(Method.BP, network.arch()).settings());
    }

    /** The modules a split makes, and the preset it came from (null: cuts); null spans where it does not resolve. */
    private record SplitChoice(SplitPreset preset, List<ModuleSpan> spans) {}

    private static SplitChoice split(List<String> problems, Method method, SplitConfig splitConfig,
            NetworkPlan network) {
        SplitPreset preset = null;
        Split split = null;
        if (splitConfig == null || (splitConfig.preset() == null && splitConfig.cutsAfter() == null)) {
            List<String> ids = PaperPresets.forArch(network.arch()).stream().map(SplitPreset::id).toList();
            problems.add("split: method " + method.label() + " needs a split: split.cutsAfter (unit names)"
                    + (ids.isEmpty() ? "" : " or split.preset (one of " + ids + ")"));
        } else if (splitConfig.preset() != null && splitConfig.cutsAfter() != null) {
            problems.add("split: give split.preset or split.cutsAfter, not both");
        } else if (splitConfig.preset() != null) {
            try {
                preset = PaperPresets.get(splitConfig.preset());
                if (preset.arch() != network.arch()) {
                    problems.add("split.preset: " + preset.id() + " is written for " + preset.arch().id()
                            + ", not " + network.arch().id());
                } else {
                    split = preset.split();
                }
            } catch (IllegalArgumentException e) {
                problems.add("split.preset: " + e.getMessage());
            }
        } else {
            split = new Split(splitConfig.cutsAfter());
        }
        List<ModuleSpan> spans = null;
        if (split != null) {
            try {
                spans = split.resolve(network);
            } catch (SplitException e) {
                e.problems().forEach(p -> problems.add("split.cutsAfter: " + p));
            }
            if (spans != null && spans.size() < 2) {
                problems.add("split: method " + method.label() + " needs at least one cut (2 modules)");
                spans = null;
            }
        }
        return new SplitChoice(preset, spans);
    }

    /**
     * The config's method-wide settings ({@code local.*}) over the method's defaults, each checked:
     * what every module inherits ({@code shared}) and what holds for the whole plan.
     */
    private record Settings(LocalSettings shared, EmaUpdate emaUpdate, CopyInit copyInit, LastModuleLoss lastLoss,
            MomentumAuxKind man, LambdaRatio ratio, boolean leap, double[] lambdas, int augDepth) {}

    private static Settings settings(List<String> problems, LocalConfig local, MethodDefaults d) {
        LocalSettings defaults = d.settings();
        HeadKind independent = parse(problems, "local.independentHead", local.independentHead(),
                defaults.independentHead(), () -> HeadKind.parse(local.independentHead()));
        HeadKind cascadeHead = parse(problems, "local.cascadeHead", local.cascadeHead(), defaults.cascadeHead(),
                () -> HeadKind.parse(local.cascadeHead()));
        EmaUpdate emaUpdate = parse(problems, "local.emaUpdate", local.emaUpdate(), MethodDefaults.EMA_UPDATE,
                () -> EmaUpdate.parse(local.emaUpdate()));
        CopyInit copyInit = parse(problems, "local.copyInit", local.copyInit(), d.copyInit(),
                () -> CopyInit.parse(local.copyInit()));
        LastModuleLoss lastLoss = parse(problems, "local.lastModuleLoss", local.lastModuleLoss(),
                MethodDefaults.LAST_MODULE_LOSS, () -> LastModuleLoss.parse(local.lastModuleLoss()));
        MomentumAuxKind man = parse(problems, "local.momentumAux", local.momentumAux(), d.momentumAux(),
                () -> MomentumAuxKind.parse(local.momentumAux()));
        LambdaRatio ratio = parse(problems, "local.lambdaRatio", local.lambdaRatio(), d.lambdaRatio(),
                () -> LambdaRatio.parse(local.lambdaRatio()));
        double wx = orDefault(local.wx(), defaults.wx());
        double wy = orDefault(local.wy(), defaults.wy());
        int window = local.window() == null ? defaults.window() : local.window();
        boolean leap = local.leap() == null ? d.leap() : local.leap();
        int emaTwins = local.emaTwins() == null ? defaults.emaTwins() : local.emaTwins();
        double momentum = orDefault(local.momentum(), defaults.momentum());
        double[] lambdas = d.lambdas();
        if (local.lambdas() != null) {
            if (local.lambdas().size() != 4) {
                problems.add("local.lambdas: expected 4 numbers [ixx_1, ixy_1, ixx_2, ixy_2], got " + local.lambdas().size());
            } else {
                lambdas = local.lambdas().stream().mapToDouble(Double::doubleValue).toArray();
            }
        }
        checkRange(problems, "local.wx", wx);
        checkRange(problems, "local.wy", wy);
        checkWindow(problems, "local.window", window);
        checkMomentum(problems, "local.momentum", momentum);
        if (emaTwins < 0) {
            problems.add("local.emaTwins: expected 0 or more, got " + emaTwins);
        }
        int augDepth = local.augLocalDepth() == null ? MethodDefaults.AUGLOCAL_DEPTH : local.augLocalDepth();
        if (augDepth < 1) {
            problems.add("local.augLocalDepth: expected at least 1, got " + augDepth);
        }
        LocalSettings shared = new LocalSettings(independent, wx, window, cascadeHead, wy, emaTwins, momentum);
        return new Settings(shared, emaUpdate, copyInit, lastLoss, man, ratio, leap, lambdas, augDepth);
    }

    /**
     * One module's roles, each resolved from the settings and the module's override {@code o}
     * (null: none) by its own function below; an override's numbers are checked here, after its
     * heads are read, so problems keep the order of the fields.
     */
    private static ModulePlan module(List<String> problems, ModuleSpan span, int k, ModuleOverride o, Settings all,
            MethodDefaults d, NetworkPlan network, List<String> defaultLeap, boolean reuse) {
        int i = span.index();
        boolean last = i == k - 1;
        String at = o == null ? "local" : "local.modules[module " + i + "]";
        LocalSettings shared = all.shared();
        int window = o != null && o.window() != null ? o.window() : shared.window();
        Optional<IndependentRole> independent = independent(problems, at, o, shared, d, i, window, last);
        Optional<CascadeRole> cascade = cascade(problems, at, o, shared, window, last);
        double momentum = o != null && o.momentum() != null ? o.momentum() : shared.momentum();
        if (o != null) {
            checkRange(problems, at + ".wx", wx(o, shared));
            checkRange(problems, at + ".wy", wy(o, shared));
            checkWindow(problems, at + ".window", window);
            checkMomentum(problems, at + ".momentum", momentum);
        }
        int twins = o != null && o.emaTwins() != null ? o.emaTwins() : shared.emaTwins();
        List<String> blocks = last ? List.of() : leapOf(problems, at, span, o, defaultLeap, twins, network, reuse);
        Optional<MomentumAuxRole> man = last ? Optional.empty()
                : momentumAux(problems, at, span, all.man(), momentum, network);
        boolean cascadeLoss = cascade.filter(c -> c.hasLossAt(i)).isPresent();
        Optional<LeapRole> leap = leap(problems, at, span, o, blocks, twins, momentum, cascadeLoss, window);
        double[] lam = lambdasFor(all.lambdas(), all.ratio(), network, span, k);
        return new ModulePlan(span, independent, cascade, leap, man, new InfoProLambdas(lam[0], lam[1]));
    }

    // ALGORITHMS.md Part A.2: the head on the module's own output, weight wx; the last module's is the fc (Part A.5).
    /** The independent role: none where the head is none; on the last module always, the fc's. */
    private static Optional<IndependentRole> independent(List<String> problems, String at, ModuleOverride o,
            LocalSettings shared, MethodDefaults d, int module, int window, boolean last) {
        HeadKind head = o != null && o.independentHead() != null
                ? parse(problems, at + ".independentHead", o.independentHead(), shared.independentHead(),
                        () -> HeadKind.parse(o.independentHead()))
                : quietBeforeWindow(d, shared.independentHead(), module, window);
        double wx = wx(o, shared);
        if (last) {
            return Optional.of(new IndependentRole(HeadKind.NONE, wx));
        }
        return head == HeadKind.NONE ? Optional.empty() : Optional.of(new IndependentRole(head, wx));
    }

    // ALGORITHMS.md Part A.2: the cascaded window w and its head, weight wy; the last module's head is the fc.
    /** The cascade role: none for w = 0; a window not yet full still has the role, without a loss. */
    private static Optional<CascadeRole> cascade(List<String> problems, String at, ModuleOverride o,
            LocalSettings shared, int window, boolean last) {
        HeadKind head = o != null && o.cascadeHead() != null
                ? parse(problems, at + ".cascadeHead", o.cascadeHead(), shared.cascadeHead(),
                        () -> HeadKind.parse(o.cascadeHead()))
                : shared.cascadeHead();
        double wy = wy(o, shared);
        return window >= 1 ? Optional.of(new CascadeRole(window, last ? HeadKind.NONE : head, wy)) : Optional.empty();
    }

    private static double wx(ModuleOverride o, LocalSettings shared) {
        return o != null && o.wx() != null ? o.wx() : shared.wx();
    }

    private static double wy(ModuleOverride o, LocalSettings shared) {
        return o != null && o.wy() != null ? o.wy() : shared.wy();
    }

    // ALGORITHMS.md Part A.2, A.3: later blocks copied onto the cascaded path, the first p with an EMA twin.
    /**
     * The leap role over the module's checked {@code blocks} ({@link #leapOf}): none without
     * blocks, and none without a cascaded loss, where no loss would train the stack (the
     * reference code builds A_0 and never uses it).
     */
    private static Optional<LeapRole> leap(List<String> problems, String at, ModuleSpan span, ModuleOverride o,
            List<String> blocks, int twins, double momentum, boolean cascadeLoss, int window) {
        if (blocks.isEmpty()) {
            return Optional.empty();
        }
        if (!cascadeLoss) {
            if (o != null && o.leap() != null) {
                problems.add(at + ".leap: module " + span.index() + " has no cascaded loss (its window of " + window
                        + " modules is not full before module " + (window - 1) + "), so no loss would train a"
                        + " leap stack here");
            }
            return Optional.empty();
        }
        return Optional.of(new LeapRole(blocks, twins, momentum));
    }

    // ALGORITHMS.md Part B §6: MAN / MAN++ copies the block after the module.
    /** The momentum-aux role of a module before the last: none unless the method names one. */
    private static Optional<MomentumAuxRole> momentumAux(List<String> problems, String at, ModuleSpan span,
            MomentumAuxKind kind, double momentum, NetworkPlan network) {
        if (kind == MomentumAuxKind.NONE) {
            return Optional.empty();
        }
        Unit next = network.unit(span.last() + 1);
        if (!next.isBlock()) {
            problems.add(at + ": module " + span.index() + " is followed by the head, so MAN has no next block to copy");
        }
        return Optional.of(new MomentumAuxRole(kind, next.name(), momentum));
    }

    /** A (not last) module's leap blocks: its override's, else the default's; checked against the network. */
    private static List<String> leapOf(List<String> problems, String at, ModuleSpan span, ModuleOverride o,
            List<String> defaultLeap, int twins, NetworkPlan network, boolean reuse) {
        List<String> leapList = List.of();
        if (o != null && o.leap() != null) {
            leapList = o.leap();
        } else if (defaultLeap != null) {
            leapList = defaultLeap;
        }
        if (!leapList.isEmpty()) {
            for (String p : LeapRule.problems(network, span, leapList, reuse)) {
                problems.add(at + ".leap: " + p);
            }
            if (twins > leapList.size()) {
                problems.add(at + ".emaTwins: module " + span.index() + " has " + leapList.size()
                        + " leap blocks, so at most " + leapList.size() + " twins, got " + twins);
            }
        }
        return leapList;
    }

    /** Every module but the last needs a loss that reaches it: its own, or a later window's over it. */
    private static void everyModuleLearns(List<String> problems, List<ModulePlan> modules) {
        int k = modules.size();
        for (ModulePlan r : modules) {
            if (r.index() < k - 1 && !r.hasIndependentLoss() && !r.hasCascadeLoss() && !hasLaterCascadeOver(modules, r)) {
                problems.add("module " + r.index() + " (" + r.span().firstName() + ".." + r.span().lastName()
                        + "): no loss reaches it; give it an independent head or a cascaded window");
            }
        }
    }

    /**
     * The MLM code computes no loss for a module before its first full window (resnetMLAAN.py: none
     * at i = 0; the w = 3 files: none at i = 0, 1), so there the method's independent head is off
     * too (Part B §4); a per-module {@code independentHead} override turns it back on.
     */
    private static HeadKind quietBeforeWindow(MethodDefaults d, HeadKind independent, int module, int window) {
        return d.quietBeforeFullWindow() && window >= 2 && module < window - 1 ? HeadKind.NONE : independent;
    }

    /** Whether a later module's cascaded window spans module {@code r} (so a loss reaches it). */
    private static boolean hasLaterCascadeOver(List<ModulePlan> modules, ModulePlan r) {
        for (ModulePlan later : modules) {
            boolean lastWithY = later.index() == modules.size() - 1 && later.window() >= 2;
            if (later.index() > r.index() && (later.hasCascadeLoss() || lastWithY)
                    && later.windowStart() <= r.index()) {
                return true;
            }
        }
        return false;
    }

    // ALGORITHMS.md Part B §3: ratio = idx/(K-2) (0 when K = 2); lambda1 = ixx_1(1-r) + ixx_2 r, lambda2 likewise.
    static double[] lambdasFor(double[] l, LambdaRatio ratio, NetworkPlan network, ModuleSpan span, int k) {
        double idx = switch (ratio) {
            case MODULE -> span.index();
            // Part B §4, resnetInfoProbin.py: local_x of infopro_config[i], the module's last block.
            case STAGE -> network.unit(span.last()).stage();
            // Part B §6, resnetInfoPro_MAN.py: the stage of the block after the module, 1-based as layer{s}.
            case NEXT_STAGE -> network.unit(Math.min(span.last() + 1, network.size() - 2)).stage();
        };
        double r = k <= 2 ? 0 : idx / (k - 2);
        return new double[] {l[0] * (1 - r) + l[2] * r, l[1] * (1 - r) + l[3] * r};
    }

    private static Map<Integer, ModuleOverride> overrides(List<String> problems, List<ModuleOverride> list, int k) {
        Map<Integer, ModuleOverride> out = new HashMap<>();
        if (list == null) {
            return out;
        }
        for (int j = 0; j < list.size(); j++) {
            ModuleOverride o = list.get(j);
            if (o.module() == null) {
                problems.add("local.modules[" + j + "].module: required (the module index from 0)");
            } else if (o.module() < 0 || o.module() >= k) {
                problems.add("local.modules[" + j + "].module: expected 0.." + (k - 1) + " for this split, got " + o.module());
            } else if (out.put(o.module(), o) != null) {
                problems.add("local.modules[" + j + "].module: module " + o.module() + " is listed twice");
            }
        }
        return out;
    }

    private static <T> T parse(List<String> problems, String field, String text, T fallback, Supplier<T> parser) {
        if (text == null) {
            return fallback;
        }
        try {
            return parser.get();
        } catch (IllegalArgumentException e) {
            problems.add(field + ": " + e.getMessage());
            return fallback;
        }
    }

    private static double orDefault(Double v, double d) {
        return v == null ? d : v;
    }

    private static void checkRange(List<String> problems, String field, double v) {
        if (!(v >= 0 && v <= 100)) {
            problems.add(field + ": expected a weight in [0, 100], got " + v);
        }
    }

    private static void checkWindow(List<String> problems, String field, int w) {
        if (w < 0 || w > 3) {
            problems.add(field + ": expected 0, 1, 2 or 3, got " + w);
        }
    }

    private static void checkMomentum(List<String> problems, String field, double m) {
        if (!(m >= 0 && m <= 1)) {
            problems.add(field + ": expected an EMA momentum in [0, 1], got " + m);
        }
    }
}
