package org.mlaan.lab.analysis;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.mlaan.lab.core.config.DatasetConfig;
import org.mlaan.lab.core.config.ExperimentConfig;
import org.mlaan.lab.core.config.Method;
import org.mlaan.lab.core.config.SplitConfig;
import org.mlaan.lab.core.config.TrainingConfig;
import org.mlaan.lab.core.run.EpochMetrics;
import org.mlaan.lab.core.run.Provenance;
import org.mlaan.lab.core.run.RunFolder;
import org.mlaan.lab.core.run.RunRecord;
import org.mlaan.lab.core.run.RunStatus;

/** Small hand-made runs: in memory as records, or on disk as run folders written by the lab's own writers. */
public final class RunFixtures {
    private RunFixtures() {}

    /** The config of a small run of {@code method} at {@code epochs} epochs. */
    public static ExperimentConfig config(String name, Method method, long seed, int epochs) {
        ExperimentConfig c = new ExperimentConfig(name, null, null,
                new DatasetConfig("builtin", null, 64, 32, null, null, null), method.label(),
                method == Method.BP ? null : SplitConfig.cuts(List.of("1.1", "2.0", "2.2")), null,
                new TrainingConfig(epochs, 16, 0.05, null, null, null, null, 0, null, null, null), seed, "cpu");
        return c;
    }

    /**
     * A run whose test errors per epoch are {@code errors} (NaN for an epoch without evaluation),
     * each epoch taking {@code secondsPerEpoch}.
     */
    public static RunRecord run(String name, Method method, long seed, int plannedEpochs, String state,
            double secondsPerEpoch, double... errors) {
        List<EpochMetrics> epochs = new ArrayList<>();
        double best = Double.NaN;
        for (int i = 0; i < errors.length; i++) {
            best = Double.isNaN(errors[i]) ? best : Double.isNaN(best) ? errors[i] : Math.min(best, errors[i]);
            epochs.add(new EpochMetrics(i, 2.0 - 0.1 * i, 0.3 + 0.05 * i, errors[i], Double.NaN, best, 0.05,
                    secondsPerEpoch));
        }
        RunStatus status = new RunStatus(state, "", errors.length, plannedEpochs, null, null, null, "2026-01-01T00:00");
        return new RunRecord(Path.of("/runs", name), config(name, method, seed, plannedEpochs), status, List.of(),
                epochs);
    }

    /** A completed run of {@code errors.length} epochs of 60 s each. */
    public static RunRecord completed(String name, Method method, long seed, double... errors) {
        return run(name, method, seed, errors.length, RunStatus.COMPLETED, 60, errors);
    }

    /** Writes {@code run} as a run folder under {@code parent} and returns the folder. */
    public static Path write(Path parent, RunRecord run) throws IOException {
        return fill(RunFolder.create(parent, run.config().nameOrDefault(), LocalDateTime.of(2026, 1, 1, 0, 0)), run);
    }

    /** Writes {@code run} as the run folder {@code dir} itself (a job array task's). */
    public static Path writeAt(Path dir, RunRecord run) throws IOException {
        return fill(RunFolder.createAt(dir), run);
    }

    private static Path fill(RunFolder folder, RunRecord run) throws IOException {
        try (RunFolder f = folder) {
            f.writeConfig(run.config());
            f.writeStatus(run.status());
            f.writeProvenance(new Provenance(run.config().seedOrDefault(), "test", "0.35.1", "PyTorch", "2.7.1",
                    "cpu() (test)", "17", "Linux", 2, "2026-01-01T00:00", List.of(), null, null, null, null),
                    RunFolder.PROVENANCE);
            for (EpochMetrics e : run.epochs()) {
                f.appendEpoch(e);
            }
            return f.dir();
        }
    }
}
