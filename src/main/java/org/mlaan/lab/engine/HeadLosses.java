package org.mlaan.lab.engine;

import java.util.Arrays;

/**
 * Each module's losses per head, unweighted, as a step computes them: its own head (the
 * independent loss, or the network's fc on the last module) and its cascaded head (the window and
 * leap path, MLM / LAM). The weighted sum is what trains; these are what a reader compares across
 * modules (a first module's own CE at weight 0.001 is not "converged" at 0.002). NaN where a
 * module has no such head.
 */
final class HeadLosses {
    private final double[] own;
    private final double[] cascade;

    HeadLosses(int modules) {
        own = new double[modules];
        cascade = new double[modules];
        Arrays.fill(own, Double.NaN);
        Arrays.fill(cascade, Double.NaN);
    }

    /** Module {@code i}'s own head, from its weighted loss and the weight it was scaled by. */
    void own(int i, double weighted, double weight) {
        own[i] = weighted / weight;
    }

    /** Module {@code i}'s cascaded head, from its weighted loss and the weight it was scaled by. */
    void cascade(int i, double weighted, double weight) {
        cascade[i] = weighted / weight;
    }

    double[] own() {
        return own.clone();
    }

    double[] cascade() {
        return cascade.clone();
    }
}
