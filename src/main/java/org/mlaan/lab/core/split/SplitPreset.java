package org.mlaan.lab.core.split;

import java.util.List;
import org.mlaan.lab.core.plan.Arch;

/**
 * A split from the papers' code with its leap table (ALGORITHMS.md Part B §2 and §5, mapped as
 * Part A.1 says).
 *
 * @param id name used in configs and menus, e.g. {@code resnet32-k16}
 * @param arch the network the table was written for
 * @param split the cuts
 * @param leaps for each module, the backbone blocks its leap auxiliary copies (empty for the last
 *     module, and for every module of a preset without a leap table)
 * @param reusesEarlierBlocks true where the paper's table lets a leap list name the module's own
 *     block or an earlier one (the ImageNet tables, Part B §5 caveats)
 * @param source where the table comes from
 */
public record SplitPreset(String id, Arch arch, Split split, List<List<String>> leaps,
        boolean reusesEarlierBlocks, String source) {

    public SplitPreset {
        leaps = leaps.stream().map(List::copyOf).toList();
        if (!leaps.isEmpty() && leaps.size() != split.modules()) {
            throw new IllegalArgumentException(id + ": " + leaps.size() + " leap rows for " + split.modules() + " modules");
        }
    }

    /** Number of modules K. */
    public int modules() {
        return split.modules();
    }

    public boolean hasLeapTable() {
        return !leaps.isEmpty();
    }
}
