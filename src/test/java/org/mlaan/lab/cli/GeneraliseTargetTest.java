package org.mlaan.lab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mlaan.lab.core.config.DatasetConfig;
import org.mlaan.lab.core.config.ExperimentConfig;
import org.mlaan.lab.core.run.RunRecord;

/** {@code generalise --to KIND}: the target set the command opens for each run. */
class GeneraliseTargetTest {

    private static RunRecord runOn(DatasetConfig data) {
        return new RunRecord(Path.of("run"), ExperimentConfig.defaults().withDataset(data), null, List.of(), List.of());
    }

    private static GeneraliseCommand to(String kind, String path) {
        GeneraliseCommand c = new GeneraliseCommand();
        c.to = kind;
        c.toPath = path;
        return c;
    }

    @Test
    void idxTargetOfAnUnpaddedIdxRunStaysUnpaddedSoItIsNotShrunkTo28() {
        DatasetConfig mnist28 = new DatasetConfig("idx", "/data/mnist", null, null, null, null, null, null, false);
        DatasetConfig target = to("idx", "/data/kmnist").byKind(runOn(mnist28));
        assertEquals("/data/kmnist", target.path());
        assertEquals(Boolean.FALSE, target.padTo32());
        assertNull(to("idx", "/data/kmnist").byKind(runOn(DatasetConfig.builtin())).padTo32(),
                "a run on another kind leaves the target at its default");
    }
}
