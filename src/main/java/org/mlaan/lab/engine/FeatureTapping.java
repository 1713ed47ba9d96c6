package org.mlaan.lab.engine;

import ai.djl.ndarray.NDManager;
import org.mlaan.lab.core.run.ForwardingRunListener;
import org.mlaan.lab.core.run.RunListener;
import org.mlaan.lab.core.run.RunStarted;
import org.mlaan.lab.core.run.StepMetrics;

/**
 * Feature maps of fixed test images (MLAAN Figure 4) taken beside the training: once when the run
 * starts, then every {@code every} steps, handed on to the listener with the run's other events.
 */
final class FeatureTapping extends ForwardingRunListener {
    private final FeatureTap tap;
    private final NDManager root;
    private final int every;
    private final long firstStep;

    /** @param firstStep the global step the run starts at (a resumed run's maps are labelled from there) */
    FeatureTapping(RunListener next, FeatureTap tap, NDManager root, int every, long firstStep) {
        super(next);
        this.tap = tap;
        this.root = root;
        this.every = every;
        this.firstStep = firstStep;
    }

    @Override
    public void onStarted(RunStarted event) {
        super.onStarted(event);
        onFeatureMaps(tap.take(root, firstStep, event.startEpoch()));
    }

    @Override
    public void onStep(StepMetrics step) {
        super.onStep(step);
        long done = step.globalStep() + 1;
        if (done % every == 0) {
            onFeatureMaps(tap.take(root, done, step.epoch()));
        }
    }
}
