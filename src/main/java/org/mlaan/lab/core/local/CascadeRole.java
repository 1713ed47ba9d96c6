package org.mlaan.lab.core.local;

/**
 * A module's cascaded window (MLM, ALGORITHMS.md Part A.2): the chain E_{i-w+1} .. E_i from the
 * detached output of E_{i-w}, through the leap stack when the module has one, into a head weighted
 * wy. A module has the role as soon as it has a window; it has a cascaded loss only once the
 * window is full and the head counts ({@link ModulePlan#hasCascadeLoss}). On the last module the
 * head is the network's own fc ({@link HeadKind#NONE} here; Part A.5).
 *
 * @param window w: 1 the module's own output, 2 or 3 modules
 * @param head the head of the cascaded path
 * @param wy weight of the cascaded loss
 */
public record CascadeRole(int window, HeadKind head, double wy) {

    /**
     * Whether module {@code index} has a loss on this path: a head and a full window of modules
     * ending there (i >= w - 1; the reference code has no loss before, Part B §4).
     */
    public boolean hasLossAt(int index) {
        return head != HeadKind.NONE && wy != 0 && index >= window - 1;
    }
}
