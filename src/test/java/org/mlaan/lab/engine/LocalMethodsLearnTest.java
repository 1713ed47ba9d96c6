package org.mlaan.lab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mlaan.lab.core.config.ExperimentConfig;
import org.mlaan.lab.core.config.SplitConfig;
import org.mlaan.lab.core.run.EpochMetrics;
import org.mlaan.lab.core.run.RunFinished;
import org.mlaan.lab.core.run.RunListener;
import org.mlaan.lab.data.LoadedData;

/** Local methods do learn: on the four colour classes a 3-module ResNet-20 gets well below chance. */
class LocalMethodsLearnTest {
    private static final LoadedData DATA = TinyData.make(48, 24, 16, 4, 99);

    @ParameterizedTest
    @ValueSource(strings = {"DGL", "DGL+MLAAN"})
    void localMethodLearnsTheColourClasses(String method) throws Exception {
        ExperimentConfig c = TinyData.config("learn", 6, 8, null).withMethod(method)
                .withSplit(SplitConfig.cuts(List.of("1.2", "2.1")));
        List<EpochMetrics> epochs = new ArrayList<>();
        try (TrainingRun run = TrainingRun.create(c, RunOptions.withoutFolder(), DATA)) {
            RunFinished f = run.run(new RunListener() {
                @Override
                public void onEpoch(EpochMetrics e) {
                    epochs.add(e);
                }
            });
            assertEquals(RunFinished.Status.COMPLETED, f.status(), f.message());
        }
        assertTrue(epochs.get(5).trainLoss() < 0.5 * epochs.get(0).trainLoss(),
                "train loss " + epochs.get(0).trainLoss() + " -> " + epochs.get(5).trainLoss());
        // Four classes: chance is 75% error.
        assertTrue(epochs.get(5).testTop1Error() < 0.5, "test error " + epochs.get(5).testTop1Error());
    }
}
