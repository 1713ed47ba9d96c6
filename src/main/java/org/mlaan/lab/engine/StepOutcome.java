package org.mlaan.lab.engine;

/**
 * What one training step measured.
 *
 * @param loss the batch's mean loss
 * @param correct correct top-1 predictions in the batch
 * @param batchSize images in the batch
 * @param liveBytes peak bytes of the arrays the step held alive (views counted at full size), an
 *     upper bound of its activation memory: for BP those alive at its end, for local learning the
 *     largest total seen before a module's arrays were freed
 * @param moduleLosses each module's local loss, its heads' weighted sum (NaN for a module with no
 *     loss); one value for BP
 * @param ownLosses each module's own head (independent, or the network's fc), unweighted ({@link HeadLosses})
 * @param cascadeLosses each module's cascaded head (window, leap), unweighted; NaN where it has none
 */
record StepOutcome(float loss, long correct, int batchSize, long liveBytes, double[] moduleLosses, double[] ownLosses,
        double[] cascadeLosses) {

    /** A step with one loss and no heads of its own (BP): the loss is its own head's. */
    StepOutcome(float loss, long correct, int batchSize, long liveBytes, double[] moduleLosses) {
        this(loss, correct, batchSize, liveBytes, moduleLosses, moduleLosses, new double[moduleLosses.length]);
        java.util.Arrays.fill(cascadeLosses, Double.NaN);
    }
}
