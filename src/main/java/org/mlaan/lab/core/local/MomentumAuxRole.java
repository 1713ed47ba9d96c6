package org.mlaan.lab.core.local;

/**
 * A module's momentum auxiliary (ALGORITHMS.md Part A.2, Part B §6): MAN or MAN++ on the block
 * after the module, a trainable copy and an EMA copy in front of the independent head.
 *
 * @param kind {@link MomentumAuxKind#MAN} or {@link MomentumAuxKind#MAN_PLUS_PLUS}
 * @param nextBlock name of the copied block
 * @param momentum EMA momentum m of the EMA copy
 */
public record MomentumAuxRole(MomentumAuxKind kind, String nextBlock, double momentum) {}
