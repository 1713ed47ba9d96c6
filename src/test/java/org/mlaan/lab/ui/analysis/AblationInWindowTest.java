package org.mlaan.lab.ui.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mlaan.lab.core.run.RunFolderReader;
import org.mlaan.lab.core.run.RunStatus;
import org.mlaan.lab.ui.model.LabViewModel;
import org.mlaan.lab.ui.LabWindow;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The ablation queue trained from the lab window, with the Train tab and the comparison kept out meanwhile. */
@ExtendWith(ApplicationExtension.class)
class AblationInWindowTest {
    private static final int TIMEOUT_S = 240;

    @TempDir
    Path tmp;

    private LabWindow window;

    @Start
    void start(Stage stage) {
        window = new LabWindow(new LabViewModel(RunFixtures.tiny("DGL+MLAAN", 42, 2)));
        window.runsFolderProperty().set(tmp.resolve("runs"));
        // No dialog in these tests unless one asks for it: every estimate is taken as confirmed.
        window.analysesPane().setConfirmation(Double.MAX_VALUE, (title, question) -> true);
        Scene scene = new Scene(window, 1500, 950);
        window.attachStylesheets(scene);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stopWhatIsLeft(FxRobot robot) throws Exception {
        robot.interact(() -> window.stopRuns());
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> !org.mlaan.lab.engine.RunService.shared().isBusy());
    }

    private AnalysesPane pane() {
        return window.analysesPane();
    }

    private static List<Path> children(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    @Test
    void showAnalysesSelectsTheTabAndLoadsAnAblationFolder(FxRobot robot) throws Exception {
        Path folder = tmp.resolve("ablation");
        RunFixtures.run(folder, "BP", 42, 0.5, 0.4);
        RunFixtures.run(folder, "DGL", 42, 0.7, 0.6);
        RunFixtures.run(folder, "DGL+MLAAN", 42, 0.6, 0.45);

        AtomicInteger shown = new AtomicInteger(-1);
        robot.interact(() -> window.showAnalyses(folder).thenAccept(shown::set));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> shown.get() == 3);

        TabPane tabs = robot.lookup("#lab-tabs").queryAs(TabPane.class);
        assertEquals("Analyses", tabs.getSelectionModel().getSelectedItem().getText());
        assertEquals(3, pane().context().runs.size());
    }

    @Test
    void aTinyAblationFillsTheMatrixWhileTheTrainTabWaits(FxRobot robot) throws Exception {
        robot.clickOn("#tab-analyses");
        robot.interact(() -> pane().seedsSpinner().getValueFactory().setValue(1));
        assertEquals(1, pane().epochsSpinner().getValue(), "the config's epochs");
        Button trainStart = robot.lookup("#start-button").queryButton();
        assertFalse(trainStart.isDisabled());

        robot.clickOn("#ablation-run");
        assertTrue(pane().activeProperty().get());
        assertTrue(trainStart.isDisabled(), "the Train tab waits while the ablation trains");
        assertEquals("ablation or analysis under way (Analyses tab)",
                robot.lookup("#status-device").queryAs(Label.class).getText(), "the status line says what trains");
        assertTrue(robot.lookup("#ablation-run").queryButton().isDisabled());
        assertFalse(robot.lookup("#ablation-stop").queryButton().isDisabled());

        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> !pane().activeProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        String done = robot.lookup("#ablation-text").queryAs(Label.class).getText();
        assertTrue(done.startsWith("Done: 5 runs"), done);
        assertEquals(1.0, robot.lookup("#ablation-progress").queryAs(javafx.scene.control.ProgressBar.class)
                .getProgress());
        assertFalse(trainStart.isDisabled(), "the Train tab may start again");
        assertEquals("", robot.lookup("#status-device").queryAs(Label.class).getText(), "nothing trains now");

        assertEquals(5, pane().context().runs.size());
        for (String id : List.of("#matrix-cell-mlm0-lam0", "#matrix-cell-mlm0-lam1", "#matrix-cell-mlm1-lam0",
                "#matrix-cell-mlm1-lam1", "#matrix-cell-bp")) {
            assertEquals("n = 1 seed", robot.lookup(id + "-seeds").queryAs(Label.class).getText(), id);
            assertTrue(robot.lookup(id + "-error").queryAs(Label.class).getText().endsWith(" %"), id);
        }
        List<Path> ablations = children(tmp.resolve("runs"));
        assertEquals(1, ablations.size(), ablations.toString());
        assertTrue(ablations.get(0).getFileName().toString().startsWith("ablation-tiny-"));
        List<Path> runs = children(ablations.get(0));
        assertEquals(5, runs.size(), runs.toString());
        for (Path r : runs) {
            assertEquals(RunStatus.COMPLETED, RunFolderReader.read(r).status().state(), r.toString());
        }
    }

    @Test
    void theTimeIsMeasuredFirstAndALongAblationIsAskedAboutBeforeItStarts(FxRobot robot) throws Exception {
        List<String> asked = new java.util.ArrayList<>();
        robot.interact(() -> {
            window.viewModel().setConfig(RunFixtures.tiny("DGL+MLAAN", 42, 2000));
            pane().seedsSpinner().getValueFactory().setValue(2);
            pane().setConfirmation(1, (title, question) -> {
                asked.add(question);
                return false;
            });
        });
        robot.clickOn("#tab-analyses");
        robot.clickOn("#ablation-run");
        Label text = robot.lookup("#ablation-text").queryAs(Label.class);
        assertTrue(text.getText().startsWith("Measuring 5 steps of each of the 5 methods"), text.getText());
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> !pane().activeProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, asked.size(), "asked once");
        assertTrue(asked.get(0).matches("10 runs, about .+ of training on this machine \\(per step: BP [0-9.]+ s,"
                + " DGL [0-9.]+ s, DGL\\+MLM [0-9.]+ s, DGL\\+LAM [0-9.]+ s, DGL\\+MLAAN [0-9.]+ s\\)\\. Start it\\?"),
                asked.get(0));
        String said = robot.lookup("#analyses-message").queryAs(Label.class).getText();
        assertTrue(said.startsWith("Not started: 10 runs, about "), said);
        assertTrue(java.nio.file.Files.notExists(tmp.resolve("runs")) || children(tmp.resolve("runs")).isEmpty(),
                "nothing trained");

        robot.interact(() -> pane().setConfirmation(1, (title, question) -> true));
        robot.clickOn("#ablation-run");
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> text.getText().matches(".* step \\d+/\\d+.*"));
        assertTrue(text.getText().matches("run \\d+/10: .+ seed 4[23], epoch 1/1 step \\d+/8 \\u00b7 about .+ left in all"),
                text.getText());
        robot.clickOn("#ablation-stop");
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> !pane().activeProperty().get());
    }

    @Test
    void stopEndsTheQueueAfterTheStepUnderWayAndKeepsTheFolder(FxRobot robot) throws Exception {
        robot.interact(() -> {
            window.viewModel().setConfig(RunFixtures.tiny("DGL+MLAAN", 42, 2000));
            pane().seedsSpinner().getValueFactory().setValue(1);
        });
        robot.clickOn("#tab-analyses");
        robot.clickOn("#ablation-run");
        Label text = robot.lookup("#ablation-text").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> text.getText().matches(".* step \\d+/\\d+.*"));
        assertTrue(text.getText().startsWith("run 1/5: BP seed 42, epoch 1/1 step "), text.getText());
        robot.clickOn("#ablation-stop");
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> !pane().activeProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Stopped after 1 of 5 runs; their folders are kept.", text.getText());
        double bar = robot.lookup("#ablation-progress").queryAs(javafx.scene.control.ProgressBar.class).getProgress();
        assertTrue(bar >= 0 && bar < 0.2, "the bar stays where the queue stopped (1 run of 5 begun): " + bar);
        Path ablation = children(tmp.resolve("runs")).get(0);
        List<Path> runs = children(ablation);
        assertEquals(1, runs.size());
        assertEquals(RunStatus.CANCELLED, RunFolderReader.read(runs.get(0)).status().state());
        assertEquals(1, pane().context().runs.size(), "the stopped run is loaded");
        assertEquals("cancelled", pane().context().runs.get(0).state());
    }
}
