package org.mlaan.lab.engine;

/**
 * A choice of a step's local losses, by module and part. Training takes them all ({@link #ALL});
 * the choice is the seam through which tests backward one loss alone through the very loop that
 * trains, to see which parameters it reaches.
 */
@FunctionalInterface
interface LossFilter {
    LossFilter ALL = (module, part) -> true;

    /** The kinds of local loss in one step. */
    enum Part {
        /** wx * the independent head's loss of a module i < K-1. */
        INDEPENDENT,
        /** wy * the cascaded head's loss of a module i < K-1. */
        CASCADE,
        /** The last module's x-path loss. */
        LAST_X,
        /** The last module's y-path loss. */
        LAST_Y
    }

    boolean includes(int module, Part part);
}
