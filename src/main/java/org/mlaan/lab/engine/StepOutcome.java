package org.mlaan.lab.engine;

/**
 * What one training step measured.
 *
 * @param loss the batch's mean loss
 * @param correct correct top-1 predictions in the batch
 * @param batchSize images in the batch
 * @param liveBytes bytes of the arrays the step created and still held at its end (views counted
 *     at full size), an upper bound of its activation memory
 */
record StepOutcome(float loss, long correct, int batchSize, long liveBytes) {}
