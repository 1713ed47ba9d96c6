package org.mlaan.lab.core.run;

import java.nio.file.Path;
import java.util.List;
import org.mlaan.lab.core.config.ExperimentConfig;

/**
 * What a run folder holds about a past (or running) run, read back by {@link RunFolderReader}:
 * its config, its status and its metrics. Step rows carry what {@code metrics-steps.csv} keeps:
 * no per-module losses (an empty array), no ETA (NaN) and no live-tensor bytes (-1).
 *
 * @param dir the run folder
 * @param config the config the run ran with
 * @param status the run's {@code status.json}, or null when it has none
 * @param steps every step row, in file order
 * @param epochs every epoch row, in file order
 */
public record RunRecord(Path dir, ExperimentConfig config, RunStatus status, List<StepMetrics> steps,
        List<EpochMetrics> epochs) {

    public RunRecord {
        steps = List.copyOf(steps);
        epochs = List.copyOf(epochs);
    }

    /** The same record keeping only steps before {@code globalStep} and epochs before {@code epoch} (a resume point). */
    public RunRecord before(long globalStep, int epoch) {
        return new RunRecord(dir, config, status,
                steps.stream().filter(s -> s.globalStep() < globalStep).toList(),
                epochs.stream().filter(e -> e.epoch() < epoch).toList());
    }
}
