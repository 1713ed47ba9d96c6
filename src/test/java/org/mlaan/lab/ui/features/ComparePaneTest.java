package org.mlaan.lab.ui.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mlaan.lab.core.run.FeatureMaps;
import org.mlaan.lab.ui.model.LabViewModel;
import org.mlaan.lab.ui.model.LiveRun;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class ComparePaneTest {
    private LabViewModel vm;
    private ComparePane pane;

    @TempDir
    Path tmp;

    @Start
    void start(Stage stage) {
        vm = new LabViewModel(FeatureFixtures.tinyConfig("DGL+MLAAN"));
        pane = new ComparePane(vm);
        stage.setScene(new Scene(pane, 1200, 700));
        stage.show();
    }

    @AfterEach
    void stopRuns() throws Exception {
        // Never leave a run training into the next test: one gradient collector per JVM.
        assertTrue(WaitForAsyncUtils.asyncFx(() -> pane).get().stopAndWait(Duration.ofMinutes(3)));
    }

    private static Node node(FxRobot robot, String query) {
        Node n = robot.lookup(query).query();
        assertNotNull(n, query);
        return n;
    }

    private static String text(FxRobot robot, String query) {
        return ((Label) node(robot, query)).getText();
    }

    @Test
    void offersTheAblationsFourMethodsAndBpBesideThemByDefault(FxRobot robot) {
        assertEquals(List.of("BP", "DGL", "DGL+MLM", "DGL+LAM", "DGL+MLAAN"), pane.methods());
        assertTrue(((Button) node(robot, "#compare-stop")).isDisabled());
        assertTrue(node(robot, "#compare-placeholder").isVisible());
    }

    @Test
    void refusesToStartWhileAnotherRunTrains(FxRobot robot) {
        SimpleBooleanProperty trainTabActive = new SimpleBooleanProperty(true);
        robot.interact(() -> {
            pane.setOtherRunActive(trainTabActive);
            pane.setMethods(List.of("DGL"));
        });
        robot.clickOn("#compare-start");
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(pane.session());
        assertTrue(text(robot, "#compare-message").contains("Train tab"), text(robot, "#compare-message"));
        assertFalse(pane.activeProperty().get());
    }

    @Test
    void refusesAMethodTheConfigCannotRun(FxRobot robot) {
        robot.interact(() -> {
            vm.setConfig(vm.config().withSplit(null));
            pane.setMethods(List.of("DGL"));
            pane.start();
        });
        assertNull(pane.session());
        assertTrue(text(robot, "#compare-message").startsWith("Cannot compare: DGL: "), text(robot, "#compare-message"));
    }

    @Test
    void bpTrainsBesideALocalMethodOnTheWholeNetworkAndTheRunsLeaveFoldersForTheAnalysesTab(FxRobot robot)
            throws Exception {
        java.nio.file.Path runsRoot = tmp.resolve("runs");
        java.util.List<java.nio.file.Path> opened = new java.util.ArrayList<>();
        robot.interact(() -> {
            pane.runsFolderProperty().set(runsRoot);
            pane.setOnOpenInAnalyses(opened::add);
            pane.setMethods(List.of("BP", "DGL"));
            pane.setSteps(2);
            pane.setMapsEvery(1);
        });
        robot.clickOn("#compare-start");
        WaitForAsyncUtils.waitForFxEvents();
        assertNotNull(pane.session(), text(robot, "#compare-message"));
        assertTrue(pane.session().awaitEnd(Duration.ofMinutes(3)), "the comparison ends");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !pane.activeProperty().get());
        ComparisonRun bp = pane.session().runs().get(0);
        assertEquals("BP", bp.method());
        assertEquals(null, bp.config().split(), "BP takes no split; the local method keeps the window's");
        assertNotNull(pane.session().runs().get(1).config().split());
        for (ComparisonRun r : pane.session().runs()) {
            assertEquals(2, r.live().stepsDone(), r.method());
            assertEquals("done", r.statusText(), r.method());
        }

        // One folder for the comparison, a run folder per method in it, read back as runs.
        java.nio.file.Path folder = pane.session().folder();
        assertEquals(runsRoot, folder.getParent());
        java.util.List<String> methods = new java.util.ArrayList<>();
        try (var dirs = java.nio.file.Files.list(folder)) {
            for (java.nio.file.Path d : dirs.sorted().toList()) {
                methods.add(org.mlaan.lab.core.run.RunFolderReader.read(d).config().method());
            }
        }
        assertEquals(List.of("BP", "DGL"), methods);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#compare-open-analyses");
        assertEquals(List.of(folder), opened);
    }

    @Test
    void twoMethodsTrainInTurnAndShowMapsOfTheSameStep(FxRobot robot) throws Exception {
        robot.interact(() -> {
            pane.setMethods(List.of("DGL", "DGL+MLAAN"));
            pane.setSteps(3);
            pane.setMapsEvery(1);
        });
        robot.clickOn("#compare-start");
        WaitForAsyncUtils.waitForFxEvents();
        assertNotNull(pane.session(), text(robot, "#compare-message"));
        assertTrue(pane.activeProperty().get());
        assertTrue(((Button) node(robot, "#compare-start")).isDisabled());
        assertTrue(pane.session().awaitEnd(Duration.ofMinutes(3)), "the comparison ends");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !pane.activeProperty().get());
        WaitForAsyncUtils.waitForFxEvents();

        for (ComparisonRun r : pane.session().runs()) {
            assertEquals(3, r.live().stepsDone(), r.method());
            assertTrue(r.reachedTarget(), r.method());
            assertEquals("done", r.statusText());
            FeatureMaps latest = r.latestMaps();
            assertEquals(3, latest.globalStep(), r.method());
        }
        assertEquals("DGL", text(robot, "#compare-method-label-0"));
        assertEquals("DGL+\u200BMLAAN", text(robot, "#compare-method-label-1"), "breakable after the '+' only");
        assertEquals("maps at step 3", text(robot, "#compare-maps-step-0"));
        assertEquals("maps at step 3", text(robot, "#compare-maps-step-1"));
        assertTrue(text(robot, "#compare-step-0").startsWith("step 3/3 · loss "), text(robot, "#compare-step-0"));
        assertEquals("", text(robot, "#compare-progress"), "no time left once both are done");
        assertEquals("done", text(robot, "#compare-status-1"));
        assertEquals("step 3", text(robot, "#compare-step-label"));
        assertNotNull(robot.lookup("#compare-column-1").query());
        assertEquals(4, pane.grid().rowCount());
        assertEquals(2, pane.grid().columnCount());
        assertTrue(node(robot, "#compare-heatmap-3-1").isVisible());
        assertEquals("1.1", ((CutPicker) node(robot, "#compare-cut-picker")).selectedUnit());

        // The two methods' maps differ: their first modules were trained with different auxiliaries.
        float[] dgl = pane.session().runs().get(0).latestMaps().images().get(0).maps().get(2).channelMean();
        float[] mlaan = pane.session().runs().get(1).latestMaps().images().get(0).maps().get(2).channelMean();
        assertFalse(java.util.Arrays.equals(dgl, mlaan));

        Path file = tmp.resolve("compare.png");
        pane.exportButton().setSaveDialog(name -> file);
        robot.clickOn("#export-compare");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(Files.size(file) > 1000, "a PNG of some size");
        assertFalse(((Button) node(robot, "#compare-start")).isDisabled(), "can start again");
    }

    @Test
    void pauseHoldsEveryRunAndStopEndsThem(FxRobot robot) throws Exception {
        robot.interact(() -> {
            pane.setMethods(List.of("DGL", "DGL+MLM"));
            pane.setSteps(1000);
            pane.setMapsEvery(1);
            pane.start();
            pane.togglePause();
        });
        assertEquals("Resume", ((Button) node(robot, "#compare-pause")).getText());
        ComparisonSession session = pane.session();
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> session.runs().stream()
                .allMatch(r -> r.latestMaps() != null));
        long[] held = session.runs().stream().mapToLong(r -> r.live().stepsDone()).toArray();
        assertTrue(held[0] <= 1 && held[1] <= 1, java.util.Arrays.toString(held));
        WaitForAsyncUtils.waitForFxEvents();
        String progress = ((javafx.scene.control.Label) node(robot, "#compare-progress")).getText();
        // Held at their first step: the total is known; the time left once each run has timed a step.
        assertTrue(progress.matches("[0-2] of 6 steps \\(\\d+%\\) \\u00b7 (about .+ left in all|time left: after"
                + " every run's first step)"), progress);
        robot.clickOn("#compare-stop");
        assertTrue(session.awaitEnd(Duration.ofMinutes(2)));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !pane.activeProperty().get());
        for (ComparisonRun r : session.runs()) {
            assertEquals(LiveRun.State.CANCELLED, r.live().state(), r.method());
            assertEquals("stopped", r.statusText());
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("", ((javafx.scene.control.Label) node(robot, "#compare-progress")).getText(),
                "no time left to show once every run has ended");
    }
}
