package org.mlaan.lab.core.local;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.mlaan.lab.core.split.ModuleSpan;

/**
 * Everything one module E_i is trained with: its units and the auxiliary roles it carries
 * (ALGORITHMS.md Part A.2), each resolved from the method's defaults and the config's overrides.
 * A role is absent where the module does not have it; the last module's independent and cascade
 * roles are those of the network's own fc (Part A.5).
 *
 * @param span the module's units
 * @param independent the head on the module's own output, or none
 * @param cascade the cascaded window, or none (w = 0)
 * @param leap the leap stack on the cascaded path, or none
 * @param momentumAux MAN / MAN++ on the block after the module, or none
 * @param lambdas InfoPro's weights for this module
 */
public record ModulePlan(
        ModuleSpan span,
        Optional<IndependentRole> independent,
        Optional<CascadeRole> cascade,
        Optional<LeapRole> leap,
        Optional<MomentumAuxRole> momentumAux,
        InfoProLambdas lambdas) {

    public ModulePlan {
        Objects.requireNonNull(span);
        Objects.requireNonNull(independent);
        Objects.requireNonNull(cascade);
        Objects.requireNonNull(leap);
        Objects.requireNonNull(momentumAux);
        Objects.requireNonNull(lambdas);
    }

    public int index() {
        return span.index();
    }

    /** Whether the module has an independent loss: an aux head of its own with a weight. */
    public boolean hasIndependentLoss() {
        return independent.filter(r -> r.head() != HeadKind.NONE && r.wx() != 0).isPresent();
    }

    /** Whether this module has a cascaded loss: a cascade role whose window is full here ({@link CascadeRole#hasLossAt}). */
    public boolean hasCascadeLoss() {
        return cascade.filter(c -> c.hasLossAt(index())).isPresent();
    }

    /** Weight of the independent loss (the fc's x loss on the last module), 0 without an independent role. */
    public double wx() {
        return independent.map(IndependentRole::wx).orElse(0.0);
    }

    /** Weight of the cascaded loss (the fc's y loss on the last module), 0 without a cascade role. */
    public double wy() {
        return cascade.map(CascadeRole::wy).orElse(0.0);
    }

    /** The cascaded window w, 0 without a cascade role. */
    public int window() {
        return cascade.map(CascadeRole::window).orElse(0);
    }

    /** Index of the first module of this module's window (itself for w = 1). */
    public int windowStart() {
        return index() - window() + 1;
    }

    /** The leap stack's blocks, empty without a leap role. */
    public List<String> leapBlocks() {
        return leap.map(LeapRole::blocks).orElse(List.of());
    }

    /** Leading leap blocks with an EMA twin, 0 without a leap role. */
    public int emaTwins() {
        return leap.map(LeapRole::emaTwins).orElse(0);
    }
}
