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
 * @param moduleLosses each module's local loss (NaN for a module with no loss); one value for BP
 */
record StepOutcome(float loss, long correct, int batchSize, long liveBytes, double[] moduleLosses) {}
