package org.mlaan.lab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mlaan.lab.core.config.DatasetConfig;
import org.mlaan.lab.core.config.ExperimentConfig;
import org.mlaan.lab.core.config.SplitConfig;
import org.mlaan.lab.core.plan.TensorShape;
import org.mlaan.lab.core.run.RunFinished;
import org.mlaan.lab.core.run.StepMetrics;
import org.mlaan.lab.data.DataSets;
import org.mlaan.lab.data.IdxFixtures;
import org.mlaan.lab.data.LoadedData;

/**
 * A short run on IDX files trains a ResNet whose input is one grey channel end to end: the plan,
 * the stem, InfoPro's decoder (which reconstructs the one-channel image) and the evaluation.
 */
class GreyImagesTrainTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"BP", "InfoPro", "DGL+MLAAN"})
    void twoStepsOnIdxFilesTrainWithOneInputChannel(String method) throws Exception {
        IdxFixtures.digits(dir, 16, 8, 28, 28, true);
        ExperimentConfig config = TinyData.config("idx", 1, 8, 2).withMethod(method)
                .withDataset(new DatasetConfig("idx", dir.toString(), null, null, null, null, null));
        if (!method.equals("BP")) {
            config = config.withSplit(SplitConfig.cuts(List.of("1.2", "2.2")));
        }
        LoadedData data = DataSets.open(config.dataset());
        TrainingRunTest.Recorder r = new TrainingRunTest.Recorder();
        try (TrainingRun run = TrainingRun.create(config, RunOptions.withoutFolder(), data)) {
            assertEquals(new TensorShape(1, 32, 32), run.plan().input());
            assertEquals(176, run.plan().stem().params(), "conv3x3 1 -> 16 and its BN");
            RunFinished f = run.run(r);
            assertEquals(RunFinished.Status.COMPLETED, f.status(), f.message());
        }
        assertEquals(2, r.steps.size());
        for (StepMetrics s : r.steps) {
            assertTrue(Double.isFinite(s.loss()), method + " loss " + s.loss());
        }
        assertEquals(1, r.epochs.size());
        double error = r.epochs.get(0).testTop1Error();
        assertTrue(error >= 0 && error <= 1, "test error over the 8 test images: " + error);
        assertEquals(Math.rint(error * 8), error * 8, 1e-9, "a count of the 8 test images: " + error);
    }
}
