package org.mlaan.lab.ui.train;

import org.mlaan.lab.core.config.ConfigException;
import org.mlaan.lab.core.config.ConfigFiles;
import org.mlaan.lab.core.config.ExperimentConfig;

/** Experiments small enough that a test trains them in a second or two on a CPU. */
final class TinyRuns {
    private TinyRuns() {}

    /** DGL on ResNet-20 cut into two modules, 128 built-in images, batch 16, {@code steps} steps in one epoch. */
    static ExperimentConfig dgl(int steps) {
        return parse("""
                {"name": "tiny", "network": {"arch": "resnet20"},
                 "dataset": {"kind": "builtin", "trainSize": 128, "testSize": 32},
                 "method": "DGL", "split": {"cutsAfter": ["2.0"]},
                 "training": {"epochs": 1, "batchSize": 16, "stepsPerEpoch": %d, "schedule": "constant"},
                 "seed": 1, "device": "cpu"}
                """.formatted(steps));
    }

    /** A run of {@code steps} steps with a batch of 4 (more steps that each cost little). */
    static ExperimentConfig dglSmallBatches(int steps) {
        return parse("""
                {"name": "tiny-b8", "network": {"arch": "resnet20"},
                 "dataset": {"kind": "builtin", "trainSize": 128, "testSize": 16},
                 "method": "DGL", "split": {"cutsAfter": ["2.0"]},
                 "training": {"epochs": 1, "batchSize": 4, "stepsPerEpoch": %d, "schedule": "constant"},
                 "seed": 1, "device": "cpu"}
                """.formatted(steps));
    }

    /** DGL+MLAAN at K = 4 (w = 2): module 0 trains its own head at weight 0.001 and has no cascaded loss. */
    static ExperimentConfig mlaan(int steps) {
        return parse("""
                {"name": "tiny-mlaan", "network": {"arch": "resnet20"},
                 "dataset": {"kind": "builtin", "trainSize": 128, "testSize": 32},
                 "method": "DGL+MLAAN", "split": {"cutsAfter": ["1.1", "2.0", "2.2"]},
                 "training": {"epochs": 1, "batchSize": 16, "stepsPerEpoch": %d, "schedule": "constant"},
                 "seed": 1, "device": "cpu"}
                """.formatted(steps));
    }

    private static ExperimentConfig parse(String json) {
        try {
            return ConfigFiles.parse(json, "tiny");
        } catch (ConfigException e) {
            throw new IllegalStateException(e);
        }
    }
}
