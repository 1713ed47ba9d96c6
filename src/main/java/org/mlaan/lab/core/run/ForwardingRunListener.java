package org.mlaan.lab.core.run;

/**
 * A listener that hands every event on to another: extend it and override the events to add to
 * (feature maps taken after a step, a run stopped at a target step).
 */
public abstract class ForwardingRunListener implements RunListener {
    private final RunListener next;

    protected ForwardingRunListener(RunListener next) {
        this.next = next;
    }

    @Override
    public void onStarted(RunStarted event) {
        next.onStarted(event);
    }

    @Override
    public void onStep(StepMetrics step) {
        next.onStep(step);
    }

    @Override
    public void onEpoch(EpochMetrics epoch) {
        next.onEpoch(epoch);
    }

    @Override
    public void onFeatureMaps(FeatureMaps maps) {
        next.onFeatureMaps(maps);
    }

    @Override
    public void onFinished(RunFinished event) {
        next.onFinished(event);
    }
}
