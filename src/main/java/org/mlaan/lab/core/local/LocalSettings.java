package org.mlaan.lab.core.local;

/**
 * The method-wide values of the per-module settings: the method's defaults under the config's
 * {@code local.*} fields. A module without an override of its own runs with them where it has
 * the role, and would where it has not (the window shows these for a module that lacks a role).
 *
 * @param independentHead head on a module's own output
 * @param wx weight of the independent loss
 * @param window cascaded window w
 * @param cascadeHead head of the cascaded path
 * @param wy weight of the cascaded loss
 * @param emaTwins leading leap blocks with an EMA twin
 * @param momentum EMA momentum m of leap and MAN twins
 */
public record LocalSettings(HeadKind independentHead, double wx, int window, HeadKind cascadeHead, double wy,
        int emaTwins, double momentum) {}
