package org.mlaan.lab.core.plan;

/** The residual block a network is built from (ALGORITHMS.md Part B §1). */
public enum BlockType {
    /** conv3x3 - BN - ReLU - conv3x3 - BN, plus shortcut, then ReLU; expansion 1. */
    BASIC(1),
    /** conv1x1 - conv3x3 (carries the stride, v1.5) - conv1x1, each with BN; expansion 4. */
    BOTTLENECK(4);

    private final int expansion;

    BlockType(int expansion) {
        this.expansion = expansion;
    }

    /** Output channels divided by the block's inner width ("planes"). */
    public int expansion() {
        return expansion;
    }
}
