package org.mlaan.lab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlaan.lab.core.config.ConfigFiles;
import org.mlaan.lab.core.config.ExperimentConfig;
import org.mlaan.lab.core.run.ClassGroup;
import org.mlaan.lab.core.run.EpochMetrics;
import org.mlaan.lab.core.run.RunFinished;
import org.mlaan.lab.core.run.RunFolder;
import org.mlaan.lab.core.run.RunFolderReader;
import org.mlaan.lab.core.run.RunListener;
import org.mlaan.lab.data.DataSets;
import org.mlaan.lab.data.LoadedData;

/**
 * The test error of each class group (issue 14, item 3): the built-in set's arrangement and texture
 * classes, measured at every evaluation, kept in the run folder, and adding up to the whole.
 */
class ClassGroupErrorsTest {
    @TempDir
    Path tmp;

    @Test
    void groupErrorsAreMistakesOverTheGroupsImages() {
        List<ClassGroup> groups = List.of(new ClassGroup("a", List.of(0, 1)), new ClassGroup("b", List.of(2)),
                new ClassGroup("none", List.of(3)));
        Map<String, Double> e = ClassGroup.errors(groups, new long[] {1, 2, 5, 0}, new long[] {10, 10, 20, 0});
        assertEquals(List.of("a", "b", "none"), List.copyOf(e.keySet()));
        assertEquals(3.0 / 20, e.get("a"));
        assertEquals(5.0 / 20, e.get("b"));
        assertEquals(Double.NaN, e.get("none"), "a group without test images has no error");
        assertThrows(IllegalArgumentException.class, () -> new ClassGroup("a;b", List.of(0)));
    }

    @Test
    void aBuiltinRunsGroupsWeighedByTheirImagesGiveItsTestErrorAndTheFolderKeepsThem() throws Exception {
        ExperimentConfig config = ConfigFiles.parse("""
                {"name": "groups", "network": {"arch": "resnet20"},
                 "dataset": {"kind": "builtin", "trainSize": 64, "testSize": 50},
                 "method": "DGL", "split": {"cutsAfter": ["2.0"]},
                 "training": {"epochs": 1, "batchSize": 16, "stepsPerEpoch": 2, "schedule": "constant"},
                 "seed": 3, "device": "cpu"}
                """, "groups");
        LoadedData data = DataSets.open(config.dataset());
        assertEquals(List.of("arrangement", "texture"), data.classGroups().stream().map(ClassGroup::name).toList());
        List<EpochMetrics> epochs = new java.util.ArrayList<>();
        Path dir;
        try (TrainingRun run = TrainingRun.create(config, new RunOptions(tmp, null, null, true), data)) {
            dir = run.runDir();
            assertEquals(RunFinished.Status.COMPLETED, run.run(new RunListener() {
                @Override
                public void onEpoch(EpochMetrics e) {
                    epochs.add(e);
                }
            }).status());
        }
        EpochMetrics e = epochs.get(0);
        long[] perGroup = new long[2];
        for (int i = 0; i < data.test().size(); i++) {
            perGroup[data.classGroups().get(0).classes().contains(data.test().label(i)) ? 0 : 1]++;
        }
        double whole = (e.groupErrors().get("arrangement") * perGroup[0] + e.groupErrors().get("texture") * perGroup[1])
                / data.test().size();
        assertEquals(e.testTop1Error(), whole, 1e-12, "the groups' mistakes are the run's mistakes");
        assertEquals(e.groupErrors(), RunFolderReader.epochs(dir.resolve(RunFolder.EPOCHS_CSV)).get(0).groupErrors());
    }
}
