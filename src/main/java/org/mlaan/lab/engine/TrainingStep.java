package org.mlaan.lab.engine;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;

/**
 * One optimiser step of a training method on one batch: {@link BpStep} for end-to-end backprop,
 * {@link LocalStep} for the local methods. Every array it makes lives in the caller's per-step
 * manager (or its sub-managers), which the caller closes.
 */
interface TrainingStep {

    /** Trains on {@code batch} = (images, labels), both in {@code stepManager}, at {@code learningRate}. */
    StepOutcome run(NDManager stepManager, NDList batch, double learningRate);

    /** The meter that reads this step's live-tensor peak. */
    LiveMeter meter();
}
