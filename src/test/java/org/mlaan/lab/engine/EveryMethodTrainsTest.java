package org.mlaan.lab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mlaan.lab.core.config.ExperimentConfig;
import org.mlaan.lab.core.config.Method;
import org.mlaan.lab.core.config.SplitConfig;
import org.mlaan.lab.core.run.RunFinished;
import org.mlaan.lab.core.run.RunListener;
import org.mlaan.lab.core.run.StepMetrics;
import org.mlaan.lab.data.LoadedData;

/**
 * Every method name of ALGORITHMS.md Part A.2 builds and trains through the real step: the
 * run completes, every loss is finite, and each module that has a local loss reports one.
 */
class EveryMethodTrainsTest {
    private static final LoadedData DATA = TinyData.make(32, 16, 16, 4, 7);

    @ParameterizedTest
    @EnumSource(Method.class)
    void methodTrainsTwoStepsWithFiniteLossesPerModule(Method method) throws Exception {
        ExperimentConfig config = TinyData.config("m", 1, 8, 2).withMethod(method.label());
        if (method != Method.BP) {
            config = config.withSplit(SplitConfig.cuts(List.of("stem", "1.2", "2.1")));
        }
        List<StepMetrics> steps = new ArrayList<>();
        try (TrainingRun run = TrainingRun.create(config, RunOptions.withoutFolder(), DATA)) {
            RunFinished f = run.run(new RunListener() {
                @Override
                public void onStep(StepMetrics s) {
                    steps.add(s);
                }
            });
            assertEquals(RunFinished.Status.COMPLETED, f.status(), f.message());
            assertEquals(method == Method.BP ? 1 : 4, run.localPlan().k());
        }
        assertEquals(2, steps.size());
        for (StepMetrics s : steps) {
            assertTrue(Double.isFinite(s.loss()), method + " loss " + s.loss());
            assertEquals(method == Method.BP ? 1 : 4, s.moduleLosses().length);
            long finite = java.util.Arrays.stream(s.moduleLosses()).filter(Double::isFinite).count();
            assertTrue(finite >= (method == Method.BP ? 1 : 3), method + " module losses "
                    + java.util.Arrays.toString(s.moduleLosses()));
        }
    }
}
