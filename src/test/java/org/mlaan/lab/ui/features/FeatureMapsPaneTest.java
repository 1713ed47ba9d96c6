package org.mlaan.lab.ui.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mlaan.lab.core.config.ExperimentConfig;
import org.mlaan.lab.core.run.FeatureMaps;
import org.mlaan.lab.core.run.PauseControl;
import org.mlaan.lab.engine.RunOptions;
import org.mlaan.lab.engine.TrainingRun;
import org.mlaan.lab.ui.model.LabViewModel;
import org.mlaan.lab.ui.model.LiveRun;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class FeatureMapsPaneTest {
    private LabViewModel vm;
    private LiveRun run;
    private FeatureMapsPane pane;

    @TempDir
    Path tmp;

    @Start
    void start(Stage stage) {
        vm = new LabViewModel(FeatureFixtures.tinyConfig("DGL+MLAAN"));
        run = new LiveRun("run");
        pane = new FeatureMapsPane(vm, run);
        stage.setScene(new Scene(pane, 700, 600));
        stage.show();
    }

    private void show(FxRobot robot, FeatureMaps maps) {
        robot.interact(() -> run.featureMapsProperty().set(maps));
    }

    private static Node node(FxRobot robot, String query) {
        Node n = robot.lookup(query).query();
        assertNotNull(n, query);
        return n;
    }

    @Test
    void beforeAnyMapsItSaysWhereTheyWillAppearAndOffersTheCuts(FxRobot robot) {
        assertTrue(node(robot, "#maps-placeholder").isVisible());
        CutPicker picker = (CutPicker) node(robot, "#cut-picker");
        assertEquals(10, picker.getItems().size(), "resnet20: stem and nine blocks");
        assertEquals("1.1", picker.selectedUnit());
        assertTrue(((javafx.scene.control.Button) node(robot, "#export-maps")).isDisabled());
    }

    @Test
    void showsOneRowPerImageWithTheMeanAndTheThreeStrongestChannels(FxRobot robot) {
        show(robot, FeatureFixtures.maps(120, 1));
        assertFalse(node(robot, "#maps-placeholder").isVisible());
        assertEquals(4, pane.grid().rowCount());
        assertEquals(4, pane.grid().columnCount());
        for (int r = 0; r < 4; r++) {
            for (String key : List.of("mean", "top0", "top1", "top2")) {
                assertTrue(node(robot, "#heatmap-" + r + "-" + key).isVisible());
            }
            assertEquals(FeatureFixtures.CLASSES.get(r), ((Label) node(robot, "#caption-" + r)).getText());
        }
        assertEquals("ch 7", ((Label) node(robot, "#heatmap-caption-0-top0")).getText());
        assertEquals("step 120, epoch 2", ((Label) node(robot, "#maps-step-label")).getText());
    }

    @Test
    void theChannelToggleShowsTheMeanAlone(FxRobot robot) {
        show(robot, FeatureFixtures.maps(5, 0));
        robot.clickOn("#channel-toggle");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(((ToggleButton) node(robot, "#channel-toggle")).isSelected());
        assertEquals(1, pane.grid().columnCount());
        assertTrue(robot.lookup("#heatmap-0-top0").tryQuery().isEmpty());
        assertTrue(robot.lookup("#heatmap-3-mean").tryQuery().isPresent());
    }

    @Test
    void theDefaultCutIsTheFirstModulesOutputAndCutsAreMarked(FxRobot robot) {
        show(robot, FeatureFixtures.maps(5, 0));
        CutPicker picker = (CutPicker) node(robot, "#cut-picker");
        assertEquals("1.1", picker.selectedUnit(), "the demo split's first module ends after 1.1");
        assertEquals("1.1 (cut: end of module 0)", picker.getValue().label());
        assertEquals("2.0 (cut: end of module 1)", picker.getItems().get(3).label());
        assertEquals("stem", picker.getItems().get(0).label());
    }

    @Test
    void changingTheCutChangesWhatIsDrawn(FxRobot robot) {
        show(robot, FeatureFixtures.maps(5, 0));
        Node mean = node(robot, "#heatmap-0-mean");
        int[] atFirstModule = FeatureFixtures.pixels(FeatureFixtures.snapshot(mean));
        CutPicker picker = (CutPicker) node(robot, "#cut-picker");
        robot.interact(() -> picker.choose("stem"));
        int[] atStem = FeatureFixtures.pixels(FeatureFixtures.snapshot(mean));
        assertFalse(Arrays.equals(atFirstModule, atStem), "the stem's maps differ from 1.1's");

        robot.interact(() -> run.featureMapsProperty().set(FeatureFixtures.maps(6, 0)));
        assertEquals("stem", picker.selectedUnit(), "new maps keep the user's cut");
        assertEquals("step 6, epoch 1", ((Label) node(robot, "#maps-step-label")).getText());
    }

    @Test
    void theSharedScaleDrawsARowOnOneScale(FxRobot robot) {
        FeatureMaps maps = FeatureFixtures.maps(5, 0);
        // Row 0's strongest channel peaks at 4, the mean at 1: on one scale the mean's hot cell is dimmer.
        FeatureMaps.Image img = maps.images().get(0);
        FeatureMaps.UnitMap um = img.maps().get(2);
        float[] strong = um.topMaps().get(0).clone();
        for (int i = 0; i < strong.length; i++) {
            strong[i] *= 4;
        }
        List<FeatureMaps.UnitMap> unitMaps = new java.util.ArrayList<>(img.maps());
        unitMaps.set(2, new FeatureMaps.UnitMap(um.unit(), um.channels(), um.height(), um.width(), um.channelMean(),
                um.topChannels(), List.of(strong, um.topMaps().get(1), um.topMaps().get(2))));
        List<FeatureMaps.Image> images = new java.util.ArrayList<>(maps.images());
        images.set(0, new FeatureMaps.Image(img.testIndex(), img.label(), img.className(), img.height(), img.width(),
                img.rgb(), unitMaps));
        show(robot, new FeatureMaps(5, 0, maps.units(), images));
        Node mean = node(robot, "#heatmap-0-mean");
        int[] own = FeatureFixtures.pixels(FeatureFixtures.snapshot(mean));
        robot.clickOn("#shared-scale");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(pane.grid().isSharedRowScale());
        int[] shared = FeatureFixtures.pixels(FeatureFixtures.snapshot(mean));
        assertFalse(Arrays.equals(own, shared));
    }

    @Test
    void exportWritesThePictureAsPng(FxRobot robot) throws Exception {
        show(robot, FeatureFixtures.maps(5, 0));
        Path file = tmp.resolve("maps.png");
        AtomicReference<String> suggested = new AtomicReference<>();
        pane.exportButton().setSaveDialog(name -> {
            suggested.set(name);
            return file;
        });
        robot.clickOn("#export-maps");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("feature-maps-1.1-step5.png", suggested.get());
        assertTrue(Files.size(file) > 1000, "a PNG of some size: " + Files.size(file));
        var image = ImageIO.read(file.toFile());
        assertTrue(image.getWidth() > 300 && image.getHeight() > 300, image.getWidth() + "x" + image.getHeight());
        assertTrue(((Label) node(robot, "#maps-export-status")).getText().startsWith("wrote "));
    }

    @Test
    void presentationModeEnlargesTheText(FxRobot robot) {
        show(robot, FeatureFixtures.maps(5, 0));
        Label step = (Label) node(robot, "#maps-step-label");
        double normal = step.getFont().getSize();
        robot.interact(() -> vm.presentationProperty().set(true));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> pane.applyCss());
        assertTrue(step.getFont().getSize() > normal + 4, normal + " -> " + step.getFont().getSize());
        robot.interact(() -> pane.layout());
        var inPane = pane.sceneToLocal(step.localToScene(step.getBoundsInLocal()));
        assertTrue(inPane.getMaxX() <= pane.getWidth(), "the step shows in full: " + inPane);
        assertTrue(step.getWidth() >= step.prefWidth(-1) - 0.5, "not cut short");
    }

    @Test
    void aShortTrainingDeliversMapsThatChange(FxRobot robot) throws Exception {
        ExperimentConfig config = FeatureFixtures.tinyConfig("DGL");
        PauseControl pause = new PauseControl();
        pause.pause();
        Thread trainer;
        try (TrainingRun training = TrainingRun.create(config, RunOptions.withoutFolder())) {
            training.gatedBy(pause).tapFeatureMaps(1, 4);
            trainer = new Thread(() -> training.run(run), "test-training");
            trainer.setDaemon(true);
            trainer.start();
            try {
                WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> run.featureMapsProperty().get() != null);
                WaitForAsyncUtils.waitForFxEvents();
                assertEquals("step 0, epoch 1", ((Label) node(robot, "#maps-step-label")).getText());
                assertEquals(4, pane.grid().rowCount());
                int[] before = FeatureFixtures.pixels(FeatureFixtures.snapshot(node(robot, "#heatmap-0-mean")));

                pause.resume();
                WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS,
                        () -> run.featureMapsProperty().get().globalStep() == 3);
                WaitForAsyncUtils.waitForFxEvents();
                assertEquals("step 3, epoch 1", ((Label) node(robot, "#maps-step-label")).getText());
                int[] after = FeatureFixtures.pixels(FeatureFixtures.snapshot(node(robot, "#heatmap-0-mean")));
                assertFalse(Arrays.equals(before, after), "three steps of training change the drawn maps");
            } finally {
                training.cancel();
                trainer.join(TimeUnit.SECONDS.toMillis(120));
            }
        }
    }
}
