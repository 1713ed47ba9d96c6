package org.mlaan.lab.core.run;

/**
 * What a training run tells the outside world: the seam between the engine and the command line,
 * the run folder and the lab window. Events are plain records; they arrive on the training thread,
 * so a listener must return quickly (the window hands them to the FX thread, throttled).
 */
public interface RunListener {

    default void onStarted(RunStarted event) {}

    default void onStep(StepMetrics step) {}

    default void onEpoch(EpochMetrics epoch) {}

    /** Feature maps of the run's fixed test images, when the run was asked to take them. */
    default void onFeatureMaps(FeatureMaps maps) {}

    default void onFinished(RunFinished event) {}

    /** A listener that does nothing. */
    RunListener NONE = new RunListener() {};
}
