package org.mlaan.lab.analysis;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.BiFunction;
import org.mlaan.lab.core.config.ConfigException;
import org.mlaan.lab.core.config.ExperimentConfig;
import org.mlaan.lab.core.config.Method;
import org.mlaan.lab.core.experiment.Experiment;
import org.mlaan.lab.core.run.RunFinished;
import org.mlaan.lab.core.run.RunListener;
import org.mlaan.lab.data.DataSets;
import org.mlaan.lab.data.LoadedData;
import org.mlaan.lab.engine.RunOptions;
import org.mlaan.lab.engine.TrainingRun;

/**
 * Runs an {@link AblationPlan} one run after another (DJL allows one training at a time per
 * process), each into its own run folder, on data opened once. Every config is validated before
 * the first run starts, so a bad cell cannot fail the queue half-way.
 */
public final class AblationRunner {
    private final AblationPlan plan;
    private final RunOptions options;
    /** Data opened already (by a time estimate of the same plan), or null: opened when the queue runs. */
    private final LoadedData opened;
    private volatile TrainingRun current;
    private volatile boolean cancelled;

    public AblationRunner(AblationPlan plan, RunOptions options) {
        this(plan, options, null);
    }

    /** A runner on {@code data} already opened for the plan's data set (null: opened when it runs). */
    public AblationRunner(AblationPlan plan, RunOptions options, LoadedData data) {
        this.plan = plan;
        this.options = options;
        this.opened = data;
    }

    /**
     * Runs every cell; {@code listenerFor} gives each run its listener (a progress line, say).
     *
     * @throws ConfigException before anything runs, when any cell's config cannot run
     */
    public AblationResult run(BiFunction<Method, Long, RunListener> listenerFor) throws ConfigException, IOException {
        for (Method m : plan.methods()) {
            for (long seed : plan.seeds()) {
                Experiment.validate(plan.configFor(m, seed), "ablation cell " + m.label() + " seed " + seed);
            }
        }
        LoadedData data = opened != null ? opened : DataSets.open(plan.base().dataset());
        AblationResult result = new AblationResult();
        // Seed-major: every method once before any repeats, so a stopped queue still compares them all.
        for (long seed : plan.seeds()) {
            for (Method m : plan.methods()) {
                ExperimentConfig c = plan.configFor(m, seed);
                if (cancelled) {
                    return result;
                }
                try (TrainingRun run = TrainingRun.create(c, options, data)) {
                    current = run;
                    if (cancelled) {
                        run.cancel();
                    }
                    RunFinished f = run.run(listenerFor.apply(m, seed));
                    current = null;
                    Path dir = run.runDir();
                    result.add(new AblationResult.Cell(m, seed, f, dir));
                    if (f.status() == RunFinished.Status.CANCELLED || cancelled) {
                        return result;
                    }
                }
            }
        }
        return result;
    }

    /** The plan this runner trains. */
    public AblationPlan plan() {
        return plan;
    }

    /** Stops the queue: the run in progress stops after its current step, and no further run starts. */
    public void cancel() {
        cancelled = true;
        TrainingRun run = current;
        if (run != null) {
            run.cancel();
        }
    }
}
