package org.mlaan.lab.cli;

import java.nio.file.Path;
import org.mlaan.lab.core.config.ConfigException;
import org.mlaan.lab.core.config.ExperimentConfig;
import org.mlaan.lab.core.experiment.Experiment;
import picocli.CommandLine.Option;

/** The options {@code bench} and {@code memory} share: which config, batch and device, and JSON output. */
final class MeasureOptions {
    @Option(names = "--config", required = true, description = "experiment JSON file")
    Path config;

    @Option(names = "--batch", description = "override training.batchSize")
    Integer batch;

    @Option(names = "--device", description = "auto | cpu | gpu | gpu:N (overrides the config)")
    String device;

    @Option(names = "--json", description = "print the result as JSON")
    boolean json;

    /** The config file with the batch override applied. */
    ExperimentConfig read() throws ConfigException {
        return BenchCommand.withBatch(Experiment.readConfig(config), batch);
    }

    static void checkSteps(int steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("--steps: expected at least 1, got " + steps);
        }
    }
}
