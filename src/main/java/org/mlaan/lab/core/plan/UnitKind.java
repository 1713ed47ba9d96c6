package org.mlaan.lab.core.plan;

/** What part of the backbone chain a unit is (ALGORITHMS.md Part A.1). */
public enum UnitKind {
    STEM,
    BLOCK,
    HEAD
}
