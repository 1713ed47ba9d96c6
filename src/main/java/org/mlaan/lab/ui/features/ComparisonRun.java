package org.mlaan.lab.ui.features;

import java.util.ArrayDeque;
import java.util.Deque;
import org.mlaan.lab.core.config.ExperimentConfig;
import org.mlaan.lab.core.run.FeatureMaps;
import org.mlaan.lab.core.run.ForwardingRunListener;
import org.mlaan.lab.core.run.RunListener;
import org.mlaan.lab.core.run.StepMetrics;
import org.mlaan.lab.engine.SideBySideRuns;
import org.mlaan.lab.engine.TrainingRun;
import org.mlaan.lab.ui.model.LiveRun;

/**
 * One method's run in a comparison: its config, its live state for the window, the last few
 * feature maps it sent (so that every column can show maps of the same step), and the engine run,
 * which it stops once it has taken the comparison's number of steps.
 */
public final class ComparisonRun extends ForwardingRunListener implements SideBySideRuns.Member {
    /** Maps kept per run: enough to find a step the slowest run has also reached. */
    private static final int KEPT_MAPS = 8;

    private final String method;
    private final ExperimentConfig config;
    private final long targetSteps;
    private final LiveRun live;
    private final Deque<FeatureMaps> recent = new ArrayDeque<>();
    private volatile TrainingRun training;
    private volatile boolean reachedTarget;

    /**
     * @param method the method's label ({@code DGL+MLAAN})
     * @param config the experiment this run trains
     * @param targetSteps steps after which the run stops
     */
    public ComparisonRun(String method, ExperimentConfig config, long targetSteps) {
        this(method, config, targetSteps, new LiveRun(method));
    }

    private ComparisonRun(String method, ExperimentConfig config, long targetSteps, LiveRun live) {
        super(live);
        this.method = method;
        this.config = config;
        this.targetSteps = targetSteps;
        this.live = live;
        live.featureMapsProperty().addListener((obs, old, maps) -> {
            if (maps != null) {
                recent.addLast(maps);
                while (recent.size() > KEPT_MAPS) {
                    recent.removeFirst();
                }
            }
        });
    }

    public String method() {
        return method;
    }

    @Override
    public ExperimentConfig config() {
        return config;
    }

    @Override
    public void failedToStart(String message) {
        live.failedToStart(method + ": " + message);
    }

    public LiveRun live() {
        return live;
    }

    /** The engine run, once made (set by the session's set-up thread). */
    @Override
    public void attach(TrainingRun run) {
        this.training = run;
    }

    TrainingRun training() {
        return training;
    }

    /** Asks the run to stop after the step in progress (or not to start). */
    void cancel() {
        TrainingRun t = training;
        if (t != null) {
            t.cancel();
        }
    }

    /** Whether the run stopped because it had taken all its steps. */
    public boolean reachedTarget() {
        return reachedTarget;
    }

    /** The newest maps, or null (FX thread). */
    public FeatureMaps latestMaps() {
        return recent.peekLast();
    }

    /** The maps taken at {@code step}, else the newest taken before it, else null (FX thread). */
    public FeatureMaps mapsAt(long step) {
        FeatureMaps best = null;
        for (FeatureMaps m : recent) {
            if (m.globalStep() <= step) {
                best = m;
            }
        }
        return best;
    }

    /** What the column says about the run: training, paused, done, stopped or failed with why. */
    public String statusText() {
        LiveRun.State s = live.state();
        return switch (s) {
            case IDLE, STARTING -> "starting";
            case RUNNING -> "training";
            case PAUSED -> "paused";
            case COMPLETED -> "done";
            case CANCELLED -> reachedTarget ? "done" : "stopped";
            case FAILED -> "failed: " + (live.finishedProperty().get() == null ? ""
                    : live.finishedProperty().get().message());
        };
    }

    // ---- RunListener: the training thread ----

    @Override
    public void onStep(StepMetrics step) {
        super.onStep(step);
        if (step.globalStep() + 1 >= targetSteps) {
            reachedTarget = true;
            // The run takes its maps of this step before it looks at the cancel, so they still arrive.
            cancel();
        }
    }

}
