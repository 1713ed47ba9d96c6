package org.mlaan.lab.core.local;

import java.util.List;
import org.mlaan.lab.core.split.ModuleSpan;

/**
 * Everything one module E_i is trained with (ALGORITHMS.md Part A.2), resolved from the method's
 * defaults and the config's overrides.
 *
 * @param span the module's units
 * @param independentHead head on the module's own output x_i (through the MAN aux when there is one)
 * @param wx weight of the independent loss
 * @param window cascaded window w: 0 no cascaded path, 1 the module's own output, 2 or 3 modules
 * @param cascadeHead head of the cascaded path (after the leap stack when there is one)
 * @param wy weight of the cascaded loss
 * @param leap backbone blocks copied into the leap stack, empty when the module has no leap aux
 * @param emaTwins leading leap blocks with an EMA twin
 * @param momentum EMA momentum m of this module's twins
 * @param momentumAux MAN / MAN++ on the block after the module, or none
 * @param momentumBlock name of that next block (null without MAN)
 * @param lambdaRecon InfoPro weight of the reconstruction loss for this module
 * @param lambdaCls InfoPro weight of the classification loss for this module
 */
public record ModuleRoles(
        ModuleSpan span,
        HeadKind independentHead,
        double wx,
        int window,
        HeadKind cascadeHead,
        double wy,
        List<String> leap,
        int emaTwins,
        double momentum,
        MomentumAuxKind momentumAux,
        String momentumBlock,
        double lambdaRecon,
        double lambdaCls) {

    public ModuleRoles {
        leap = List.copyOf(leap);
    }

    public int index() {
        return span.index();
    }

    public boolean hasIndependentLoss() {
        return independentHead != HeadKind.NONE && wx != 0;
    }

    /**
     * Whether this module has a cascaded loss: a head on the path and a full window of modules
     * ending here (module i needs i >= w - 1; the reference code has no loss there either).
     */
    public boolean hasCascadeLoss() {
        return window >= 1 && cascadeHead != HeadKind.NONE && wy != 0 && span.index() >= window - 1;
    }

    /** Index of the first module of this module's window (itself for w = 1). */
    public int windowStart() {
        return span.index() - window + 1;
    }

    public boolean hasLeap() {
        return !leap.isEmpty();
    }

    public boolean hasMomentumAux() {
        return momentumAux != MomentumAuxKind.NONE;
    }
}
