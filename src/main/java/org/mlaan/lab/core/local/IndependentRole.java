package org.mlaan.lab.core.local;

/**
 * A module's independent loss (ALGORITHMS.md Part A.2): a head on its own output x_i (through the
 * MAN aux when there is one), weighted wx. On the last module the head is the network's own fc
 * ({@link HeadKind#NONE} here) and wx weighs CE(fc(x)) under a cascade (Part A.5).
 *
 * @param head the head, {@link HeadKind#NONE} only on the last module (the fc)
 * @param wx weight of the loss
 */
public record IndependentRole(HeadKind head, double wx) {}
