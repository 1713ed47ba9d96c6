package org.mlaan.lab.core.local;

import java.util.List;

/**
 * A module's leap auxiliary (LAM, ALGORITHMS.md Part A.2): later backbone blocks copied into a
 * trainable stack on the cascaded path, the first {@code emaTwins} of them with an EMA twin.
 *
 * @param blocks the copied blocks, never empty
 * @param emaTwins leading blocks with an EMA twin
 * @param momentum EMA momentum m of the twins
 */
public record LeapRole(List<String> blocks, int emaTwins, double momentum) {

    public LeapRole {
        blocks = List.copyOf(blocks);
    }
}
