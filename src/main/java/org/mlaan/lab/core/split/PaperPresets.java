package org.mlaan.lab.core.split;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mlaan.lab.core.plan.Arch;
import org.mlaan.lab.core.plan.NetworkPlan;
import org.mlaan.lab.core.plan.Unit;

/**
 * Every split and leap table of the reference code (ALGORITHMS.md Part B §2, §5), mapped as Part
 * A.1 says: the "K=16" and "K=55" presets keep the stem as a module of its own and give it the
 * leap row of the first block's module; all other lists are copied as they are.
 */
public final class PaperPresets {
    private static final Map<String, SplitPreset> PRESETS = new LinkedHashMap<>();

    static {
        // Part B §2: R32 K=2/3/4 (ends, + last), and K=8 with its §5 leap table (C/networks/configAuxPlus_new.py).
        add(ends("resnet32-k2", Arch.RESNET32, "2.1", "3.4"), List.of(), "MLAAN C/networks/config2.py key 2");
        add(ends("resnet32-k3", Arch.RESNET32, "1.4", "2.4", "3.4"), List.of(), "MLAAN C/networks/config2.py key 3");
        add(ends("resnet32-k4", Arch.RESNET32, "1.2", "2.1", "3.0", "3.4"), List.of(), "MLAAN C/networks/config2.py key 4");
        List<String> r32a = List.of("2.0", "3.0", "3.2", "3.4");
        List<String> r32b = List.of("2.0", "3.0", "3.3", "3.4");
        List<String> r32c = List.of("3.0", "3.2", "3.3", "3.4");
        add(ends("resnet32-k8", Arch.RESNET32, "1.0", "1.2", "1.4", "2.1", "2.3", "3.0", "3.2", "3.4"),
                rows(r32a, r32a, r32b, r32c, r32c, List.of("3.2", "3.3", "3.4"), List.of("3.3", "3.4"), List.of()),
                "MLAAN C/networks/config2.py key 8; leaps configAuxPlus_new.py");
        // K=16: code key 15 (stem merged into 1.0) plus the cut after the stem (Part A.1).
        List<List<String>> r32k15 = rows(r32a, r32a, r32b, r32a, r32b, r32c, r32c, r32c, r32c, r32c,
                List.of("3.1", "3.2", "3.4"), List.of("3.2", "3.3", "3.4"), List.of("3.3", "3.4"), List.of("3.4"),
                List.of());
        add(stemAlone("resnet32-k16", Arch.RESNET32), withStemRow(r32k15),
                "MLAAN config2.py key 15 (= MAN key 16) + stem module; leaps configAuxPlus_new.py key 15");

        // R110 K=8 and K=16: ends as listed, no leap tables in the code.
        add(ends("resnet110-k8", Arch.RESNET110, "1.4", "1.11", "2.0", "2.7", "2.14", "3.3", "3.10", "3.17"),
                List.of(), "MLAAN C/networks/config2.py key 8");
        add(ends("resnet110-k16", Arch.RESNET110, "1.1", "1.4", "1.7", "1.10", "1.13", "1.16", "2.1", "2.4", "2.7",
                "2.11", "2.15", "3.1", "3.5", "3.9", "3.13", "3.17"), List.of(), "MLAAN C/networks/config2.py key 16");
        List<String> r110a = List.of("2.0", "3.0", "3.2", "3.17");
        List<String> r110b = List.of("3.0", "3.2", "3.3", "3.17");
        List<String> r110c = List.of("3.0", "3.3", "3.4", "3.17");
        List<String> r110d = List.of("3.8", "3.17");
        List<String> r110e = List.of("3.14", "3.17");
        List<String> r110f = List.of("3.15", "3.17");
        List<String> r110g = List.of("3.16", "3.17");
        List<String> r110h = List.of("3.17");
        add(ends("resnet110-k32", Arch.RESNET110, "1.1", "1.2", "1.4", "1.5", "1.7", "1.9", "1.11", "1.13", "1.14",
                "1.16", "1.17", "2.1", "2.2", "2.4", "2.5", "2.7", "2.9", "2.11", "2.13", "2.14", "2.16", "2.17",
                "3.1", "3.3", "3.4", "3.6", "3.7", "3.9", "3.11", "3.13", "3.15", "3.17"),
                concat(repeat(r110a, 11), repeat(r110b, 10), repeat(r110c, 1), repeat(r110d, 4), repeat(r110e, 2),
                        repeat(r110f, 1), repeat(r110g, 1), repeat(r110h, 1), repeat(List.of(), 1)),
                "MLAAN C/networks/config2.py key 32; leaps configAuxPlus_new.py");
        add(stemAlone("resnet110-k55", Arch.RESNET110),
                withStemRow(concat(repeat(r110a, 18), repeat(r110b, 17), repeat(r110c, 1), repeat(r110d, 7),
                        repeat(r110e, 4), repeat(r110f, 2), repeat(r110g, 3), repeat(r110h, 1), repeat(List.of(), 1))),
                "MLAAN config2.py key 54 (= MAN key 55) + stem module; leaps configAuxPlus_new.py key 54");

        // ImageNet (I/networks/configs.py, configAux_new.py): one module per block, stem merged into E0.
        add(oneModulePerBlock("resnet34-k16", Arch.RESNET34),
                concat(repeat(List.of("2.0", "2.1", "3.0", "4.0", "4.2"), 3), repeat(List.of("2.1", "3.0", "4.0", "4.2"), 4),
                        repeat(List.of("3.1", "4.0", "4.1"), 6), repeat(List.of("4.1", "4.1", "4.2"), 1),
                        repeat(List.of("4.1", "4.2"), 1), repeat(List.of(), 1)),
                "MLAAN I/networks/configs.py key 16; leaps configAux_new.py", true);
        add(oneModulePerBlock("resnet101-k33", Arch.RESNET101),
                concat(repeat(List.of("2.0", "3.0", "4.0", "4.2"), 3), repeat(List.of("3.0", "4.0", "4.1"), 4),
                        repeat(List.of("4.0", "4.1"), 23), repeat(List.of("4.1", "4.2"), 2), repeat(List.of(), 1)),
                "MLAAN I/networks/configs.py key 33; leaps configAux_new.py", true);
        // MAN ImageNet (MI/networks/configs.py): K=2 with the boundary at 2.0 (2.5 for R152).
        add(ends("resnet34-k2", Arch.RESNET34, "2.0", "4.2"), List.of(), "MAN MI/networks/configs.py");
        add(ends("resnet101-k2", Arch.RESNET101, "2.0", "4.2"), List.of(), "MAN MI/networks/configs.py");
        add(ends("resnet152-k2", Arch.RESNET152, "2.5", "4.2"), List.of(), "MAN MI/networks/configs.py");
    }

    private PaperPresets() {}

    /** Every preset, in table order. */
    public static List<SplitPreset> all() {
        return List.copyOf(PRESETS.values());
    }

    /** The presets written for {@code arch}. */
    public static List<SplitPreset> forArch(Arch arch) {
        return PRESETS.values().stream().filter(p -> p.arch() == arch).toList();
    }

    public static Optional<SplitPreset> find(String id) {
        return Optional.ofNullable(PRESETS.get(id));
    }

    /**
     * The preset called {@code id}.
     *
     * @throws IllegalArgumentException listing the known ids
     */
    public static SplitPreset get(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException(
                "unknown split preset '" + id + "', expected one of " + PRESETS.keySet()));
    }

    private record Draft(String id, Arch arch, Split split) {}

    private static void add(Draft d, List<List<String>> leaps, String source) {
        add(d, leaps, source, false);
    }

    private static void add(Draft d, List<List<String>> leaps, String source, boolean reuse) {
        PRESETS.put(d.id(), new SplitPreset(d.id(), d.arch(), d.split(), leaps, reuse, source));
    }

    private static Draft ends(String id, Arch arch, String... moduleEnds) {
        return new Draft(id, arch, Split.fromModuleEnds(List.of(moduleEnds)));
    }

    /** The stem alone, then one module per block (Part A.1's literal K). */
    private static Draft stemAlone(String id, Arch arch) {
        List<String> cuts = new ArrayList<>();
        cuts.add("stem");
        cuts.addAll(blockNames(arch));
        return new Draft(id, arch, new Split(cuts.subList(0, cuts.size() - 1)));
    }

    /** One module per block with the stem merged into the first. */
    private static Draft oneModulePerBlock(String id, Arch arch) {
        return new Draft(id, arch, Split.fromModuleEnds(blockNames(arch)));
    }

    private static List<String> blockNames(Arch arch) {
        return NetworkPlan.of(arch).blocks().stream().map(Unit::name).toList();
    }

    /** Part A.1: the stem-alone module reuses the row of the first block's module. */
    private static List<List<String>> withStemRow(List<List<String>> codeRows) {
        List<List<String>> out = new ArrayList<>();
        out.add(codeRows.get(0));
        out.addAll(codeRows);
        return out;
    }

    @SafeVarargs
    private static List<List<String>> rows(List<String>... rows) {
        return List.of(rows);
    }

    private static List<List<String>> repeat(List<String> row, int times) {
        return Collections.nCopies(times, row);
    }

    @SafeVarargs
    private static List<List<String>> concat(List<List<String>>... parts) {
        List<List<String>> out = new ArrayList<>();
        for (List<List<String>> p : parts) {
            out.addAll(p);
        }
        return out;
    }
}
