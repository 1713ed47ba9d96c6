package org.mlaan.lab.ui.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mlaan.lab.core.config.DatasetConfig;
import org.mlaan.lab.core.config.ExperimentConfig;
import org.mlaan.lab.core.config.TrainingConfig;
import org.mlaan.lab.core.run.RunFolder;
import org.mlaan.lab.core.run.RunFolderReader;
import org.mlaan.lab.core.run.EpochMetrics;
import org.mlaan.lab.core.run.RunRecord;
import org.mlaan.lab.core.run.RunStatus;
import org.mlaan.lab.core.run.StepMetrics;
import org.mlaan.lab.ui.model.LabViewModel;
import org.mlaan.lab.ui.model.LiveRun;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class TrainingPaneTest {
    private static final int TIMEOUT_S = 90;

    @TempDir
    Path tmp;

    private LabViewModel vm;
    private LiveRun run;
    private TrainingPane pane;
    private final List<String> reported = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) {
        vm = new LabViewModel(TinyRuns.dgl(4));
        run = new LiveRun("run");
        pane = new TrainingPane(vm, run);
        pane.runsFolderProperty().set(tmp.resolve("runs"));
        pane.setErrorReporter((title, message) -> reported.add(title + ": " + message));
        stage.setScene(new Scene(pane, 1100, 700));
        stage.show();
    }

    @AfterEach
    void stopWhatIsLeft(FxRobot robot) throws Exception {
        robot.interact(() -> pane.driver().stop());
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> !org.mlaan.lab.engine.RunService.shared().isBusy());
    }

    private void waitForState(LiveRun.State state) throws Exception {
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> run.state() == state
                || (run.state() == LiveRun.State.FAILED && state != LiveRun.State.FAILED));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(state, run.state(), () -> "finished: " + run.finishedProperty().get());
    }

    private Path onlyRunFolder() throws IOException {
        try (Stream<Path> s = Files.list(tmp.resolve("runs"))) {
            List<Path> dirs = s.toList();
            assertEquals(1, dirs.size(), dirs.toString());
            return dirs.get(0);
        }
    }

    private static XYSeriesCollection data(FxRobot robot, String id) {
        return (XYSeriesCollection) robot.lookup(id).queryAs(ChartViewer.class).getChart().getXYPlot().getDataset();
    }

    @Test
    void startTrainsIntoARunFolderFillingTheLossChartAndTheProgress(FxRobot robot) throws Exception {
        Button start = robot.lookup("#start-button").queryButton();
        assertFalse(start.isDisabled());

        robot.clickOn("#start-button");
        waitForState(LiveRun.State.COMPLETED);

        XYSeriesCollection loss = data(robot, "#loss-chart");
        assertEquals(2, loss.getSeriesCount(), "one line per module");
        assertEquals("E0", loss.getSeriesKey(0));
        assertEquals(4, loss.getSeries(0).getItemCount());
        assertEquals(4, loss.getSeries(1).getItemCount());
        assertEquals(1.0, robot.lookup("#progress-bar").queryAs(ProgressBar.class).getProgress());
        assertTrue(robot.lookup("#progress-text").queryAs(Label.class).getText().startsWith("Completed after 1 epoch"),
                robot.lookup("#progress-text").queryAs(Label.class).getText());
        assertEquals(1, data(robot, "#error-chart").getSeries(2).getItemCount(), "one test error point");
        // The built-in set's class groups (issue 14, item 3): a line each, at the epoch's figures.
        XYSeriesCollection error = data(robot, "#error-chart");
        EpochMetrics epoch = run.epochs().get(0);
        assertEquals(List.of("arrangement", "texture"), List.copyOf(epoch.groupErrors().keySet()));
        assertEquals(epoch.groupErrors().get("arrangement"),
                error.getSeries("test: arrangement classes").getY(0).doubleValue());
        assertEquals(epoch.groupErrors().get("texture"), error.getSeries("test: texture classes").getY(0).doubleValue());
        assertNotNull(run.featureMapsProperty().get(), "feature maps are tapped for the feature-map view");
        Path dir = onlyRunFolder();
        assertEquals(RunStatus.COMPLETED, RunFolder.open(dir).readStatus().state());
        assertTrue(robot.lookup("#run-folder-label").queryAs(Label.class).getText().endsWith(dir.getFileName().toString()));
        assertFalse(start.isDisabled(), "a finished run can be started again");
    }

    @Test
    void pauseHoldsTheRunOneStepAdvancesByExactlyOneAndResumeFinishes(FxRobot robot) throws Exception {
        robot.interact(() -> vm.setConfig(TinyRuns.dglSmallBatches(32)));
        robot.clickOn("#start-button");
        robot.clickOn("#pause-button");
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> pane.driver().isHeld());
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> run.stepsDone() == pane.driver().stepsPassed());
        long held = run.stepsDone();
        assertEquals(LiveRun.State.PAUSED, run.state());
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> pane.driver().heldProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        String text = robot.lookup("#progress-text").queryAs(Label.class).getText();
        assertTrue(text.startsWith("Paused \u00b7 "), "the pause has taken hold: " + text);
        assertFalse(robot.lookup("#resume-button").queryButton().isDisabled());
        assertTrue(robot.lookup("#pause-button").queryButton().isDisabled());

        robot.clickOn("#step-button");
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS,
                () -> run.stepsDone() == held + 1 && pane.driver().isHeld());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(held + 1, run.stepsDone(), "one step, exactly");
        assertEquals(held + 1, pane.driver().stepsPassed());

        robot.clickOn("#resume-button");
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> run.stepsDone() >= held + 3);
        // Paused on the FX thread at once, not by a mouse trip: the short steps must not end the run first.
        robot.interact(() -> {
            assertEquals(LiveRun.State.RUNNING, run.state());
            assertTrue(robot.lookup("#step-button").queryButton().isDisabled(),
                    "one step is offered from a pause only");
            robot.lookup("#pause-button").queryButton().fire();
        });
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> pane.driver().isHeld());
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> run.stepsDone() == pane.driver().stepsPassed());
        long paused = run.stepsDone();
        assertTrue(paused < 32, "paused before the end: " + paused);
        WaitForAsyncUtils.waitForFxEvents(20);
        assertEquals(paused, run.stepsDone(), "no step while paused");

        robot.clickOn("#resume-button");
        waitForState(LiveRun.State.COMPLETED);
        assertEquals(32, run.stepsDone());
    }

    @Test
    void stopCancelsWithACheckpointAndResumingTheFolderFinishesIt(FxRobot robot) throws Exception {
        robot.interact(() -> vm.setConfig(TinyRuns.dgl(6)));
        robot.interact(() -> pane.trainForSteps(2));
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS,
                () -> run.state() == LiveRun.State.PAUSED && pane.driver().isHeld() && run.stepsDone() == 2);

        robot.clickOn("#stop-button");
        waitForState(LiveRun.State.CANCELLED);

        Path dir = onlyRunFolder();
        RunRecord stopped = RunFolderReader.read(dir);
        assertEquals(RunStatus.CANCELLED, stopped.status().state());
        assertEquals(2, stopped.steps().size());
        assertTrue(Files.isDirectory(dir.resolve("checkpoints").resolve("last")), "a checkpoint to resume from");
        assertTrue(robot.lookup("#run-message").queryAs(Label.class).getText().contains("Resume run folder"));

        robot.interact(() -> pane.files().resumeRunFolder(dir));
        waitForState(LiveRun.State.COMPLETED);

        RunRecord resumed = RunFolderReader.read(dir);
        assertEquals(RunStatus.COMPLETED, resumed.status().state());
        assertEquals(6, resumed.steps().size());
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L), resumed.steps().stream().map(StepMetrics::globalStep).toList());
        XYSeriesCollection loss = data(robot, "#loss-chart");
        int lastModule = loss.indexOf("E1");
        assertEquals(6, loss.getSeries(lastModule).getItemCount(), "the earlier steps from the folder, then the live ones");
        assertEquals(4, loss.getSeries(loss.indexOf("E0")).getItemCount(), "live steps only");
    }

    @Test
    void epochsZeroTypedInTheFieldShowsItsProblemAndDisablesStart(FxRobot robot) {
        robot.clickOn("#epochs-field");
        robot.push(KeyCode.CONTROL, KeyCode.A);
        robot.write("0");
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(0, vm.config().training().epochs());
        String problems = robot.lookup("#problems-label").queryAs(Label.class).getText();
        assertTrue(problems.contains("training.epochs: expected a whole number of at least 1, got 0"), problems);
        assertTrue(robot.lookup("#start-button").queryButton().isDisabled());

        robot.push(KeyCode.CONTROL, KeyCode.A);
        robot.write("x2");
        WaitForAsyncUtils.waitForFxEvents();
        problems = robot.lookup("#problems-label").queryAs(Label.class).getText();
        assertTrue(problems.contains("training.epochs: expected a whole number, got 'x2'"), problems);
        assertTrue(robot.lookup("#start-button").queryButton().isDisabled());

        robot.push(KeyCode.CONTROL, KeyCode.A);
        robot.write("3");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(3, vm.config().training().epochs());
        assertEquals("", robot.lookup("#problems-label").queryAs(Label.class).getText());
        assertFalse(robot.lookup("#start-button").queryButton().isDisabled());
    }

    @Test
    void screenshotModeWithAnInvalidConfigEndsFailedInsteadOfWaitingForever(FxRobot robot) throws Exception {
        robot.interact(() -> vm.setConfig(vm.config().withTraining(vm.config().training().withEpochs(0))));
        robot.interact(() -> pane.trainForSteps(3));
        waitForState(LiveRun.State.FAILED);

        assertTrue(run.finishedProperty().get().message().contains("training.epochs"),
                run.finishedProperty().get().message());
        assertFalse(Files.exists(tmp.resolve("runs")), "nothing was started");
    }

    /** Between the Pause click and the end of the step under way the line says so, then "Paused". */
    @Test
    void theProgressLineSaysPausingUntilThePauseTakesHold(FxRobot robot) {
        Label text = robot.lookup("#progress-text").queryAs(Label.class);
        robot.interact(() -> run.setState(LiveRun.State.PAUSED));
        assertTrue(text.getText().startsWith("Pausing after this step \u00b7 "), text.getText());
        robot.interact(() -> pane.driver().heldProperty().set(true));
        assertTrue(text.getText().startsWith("Paused \u00b7 "), text.getText());
        robot.interact(() -> {
            pane.driver().heldProperty().set(false);
            run.setState(LiveRun.State.IDLE);
        });
    }

    /**
     * Before the first step each chart draws why it is empty, not bare axes (issue 15); the memory
     * chart is never empty, it shows the BP and local estimates from the start.
     */
    @Test
    void emptyChartsSayWhyTheyAreEmpty(FxRobot robot) {
        for (String id : List.of("#loss-chart", "#error-chart", "#speed-chart")) {
            org.jfree.chart.JFreeChart chart = robot.lookup(id).queryAs(ChartViewer.class).getChart();
            assertTrue(org.jfree.data.general.DatasetUtils.isEmptyOrNull(chart.getXYPlot().getDataset()),
                    id + " has no points yet");
            String said = chart.getXYPlot().getNoDataMessage();
            assertTrue(said != null && said.startsWith("No step yet"), id + ": " + said);
            assertTrue(darkPixelsInTheMiddle(chart) > 20, id + " draws its message");
            chart.getXYPlot().setNoDataMessage(null);
            assertEquals(0, darkPixelsInTheMiddle(chart), id + " is bare without it (the check can fail)");
            chart.getXYPlot().setNoDataMessage(said);
        }
        assertTrue(robot.lookup("#error-chart").queryAs(ChartViewer.class).getChart().getXYPlot().getNoDataMessage()
                .contains("test error at each epoch's end"));
    }

    /** Dark pixels in the middle third of the chart drawn at 340x240, where a message goes and no axis. */
    private static int darkPixelsInTheMiddle(org.jfree.chart.JFreeChart chart) {
        java.awt.image.BufferedImage img = chart.createBufferedImage(340, 240);
        int n = 0;
        for (int x = 130; x < 260; x++) {
            for (int y = 80; y < 150; y++) {
                java.awt.Color c = new java.awt.Color(img.getRGB(x, y));
                if (c.getRed() + c.getGreen() + c.getBlue() < 300) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void aRunThatIsAllWarmUpSaysSoWhileItRuns(FxRobot robot) throws Exception {
        ExperimentConfig tiny = TinyRuns.dgl(2);
        TrainingConfig t = tiny.training();
        robot.interact(() -> vm.setConfig(tiny.withTraining(new TrainingConfig(1, t.batchSize(), 0.1, null, null, null,
                "cosine", 1, null, null, t.stepsPerEpoch()))));
        robot.clickOn("#start-button");
        waitForState(LiveRun.State.COMPLETED);
        String shown = robot.lookup("#run-message").queryAs(Label.class).getText();
        assertTrue(shown.startsWith("Warning: training.warmupEpochs (1) is not below the 1 epoch(s)"), shown);

        robot.interact(() -> vm.setConfig(TinyRuns.dgl(2)));
        robot.clickOn("#start-button");
        waitForState(LiveRun.State.COMPLETED);
        assertEquals("", robot.lookup("#run-message").queryAs(Label.class).getText(), "a constant rate is fine");
    }

    @Test
    void missingDataFolderEndsTheRunFailedWithTheMessageNotACrash(FxRobot robot) throws Exception {
        Path missing = tmp.resolve("no-cifar-here");
        robot.interact(() -> vm.setConfig(vm.config().withDataset(
                new DatasetConfig("cifar10", missing.toString(), null, null, null, null, null))));
        assertTrue(vm.problems().isEmpty(), vm.problems().toString());

        robot.clickOn("#start-button");
        waitForState(LiveRun.State.FAILED);

        String shown = robot.lookup("#run-message").queryAs(Label.class).getText();
        assertTrue(shown.startsWith("The run failed: ") && shown.contains("no-cifar-here"), shown);
        assertFalse(robot.lookup("#start-button").queryButton().isDisabled(), "the window goes on");
    }

    @Test
    void trainForStepsPausesAfterExactlyThatManySteps(FxRobot robot) throws Exception {
        robot.interact(() -> vm.setConfig(TinyRuns.dgl(8)));
        robot.interact(() -> pane.trainForSteps(3));
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS,
                () -> run.state() == LiveRun.State.PAUSED && pane.driver().isHeld() && run.stepsDone() == 3);
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(3, run.stepsDone());
        assertEquals(3, data(robot, "#speed-chart").getSeries(0).getItemCount());
        String text = robot.lookup("#progress-text").queryAs(Label.class).getText();
        assertTrue(text.startsWith("Paused \u00b7 epoch 1/1 \u00b7 step 3/8 \u00b7 38%"), text);
        assertTrue(text.contains("images/s \u00b7 cpu()"), text);
    }

    @Test
    void savedExperimentReopensEqual(FxRobot robot) throws Exception {
        Path file = tmp.resolve("exp.json");
        robot.interact(() -> vm.setConfig(vm.config().withSeed(1234)));
        ExperimentConfig saved = vm.config();

        robot.interact(() -> assertTrue(pane.files().saveTo(file)));
        robot.interact(() -> pane.files().newExperiment());
        assertEquals(LabViewModel.startingConfig(), vm.config());
        robot.interact(() -> assertTrue(pane.files().open(file)));

        assertEquals(saved, vm.config());
        assertEquals(file, vm.configFileProperty().get());
        assertEquals("1234", robot.lookup("#seed-field").queryTextInputControl().getText());
    }

    @Test
    void brokenExperimentFileIsReportedWithItsNameAndProblem(FxRobot robot) throws Exception {
        Path file = tmp.resolve("broken.json");
        Files.writeString(file, "{\"training\": {\"epochz\": 3}}");
        ExperimentConfig before = vm.config();

        robot.interact(() -> assertFalse(pane.files().open(file)));

        assertEquals(before, vm.config());
        assertEquals(1, reported.size());
        assertTrue(reported.get(0).startsWith("Could not open " + file + ": training.epochz: unknown field"),
                reported.get(0));
    }

    @Test
    void openedRunFolderShowsItsCurvesReadOnly(FxRobot robot) throws Exception {
        robot.clickOn("#start-button");
        waitForState(LiveRun.State.COMPLETED);
        Path dir = onlyRunFolder();
        RunRecord record = RunFolderReader.read(dir);
        robot.interact(() -> pane.files().newExperiment());

        robot.interact(() -> assertTrue(pane.files().openRunFolder(dir)));

        XYSeriesCollection loss = data(robot, "#loss-chart");
        assertEquals(1, loss.getSeriesCount(), "the folder keeps the last module's loss only");
        assertEquals("E1", loss.getSeriesKey(0));
        assertEquals(4, loss.getSeries(0).getItemCount());
        for (int i = 0; i < 4; i++) {
            assertEquals(record.steps().get(i).loss(), loss.getSeries(0).getY(i).doubleValue());
        }
        XYSeriesCollection error = data(robot, "#error-chart");
        assertEquals(record.epochs().get(0).testTop1Error(), error.getSeries(2).getY(0).doubleValue());
        assertTrue(robot.lookup("#record-label").queryAs(Label.class).isVisible());
        assertTrue(robot.lookup("#record-label").queryAs(Label.class).getText().contains("completed, 1/1 epochs"));
        assertEquals(LabViewModel.startingConfig(), vm.config(), "opening a run folder leaves the experiment alone");

        robot.clickOn("#show-live-button");
        assertEquals(2, data(robot, "#loss-chart").getSeriesCount(), "the live run's modules again");
    }

    @Test
    void aPastRunOverlaidLiesFadedBehindTheLiveOneAndTheWallTimeAxisPlacesBothBySeconds(FxRobot robot)
            throws Exception {
        robot.clickOn("#start-button");
        waitForState(LiveRun.State.COMPLETED);
        Path past = onlyRunFolder();
        RunRecord record = RunFolderReader.read(past);
        int own = data(robot, "#error-chart").getSeriesCount();
        robot.interact(() -> assertTrue(pane.files().overlayRunFolder(past)));
        assertTrue(robot.lookup("#overlay-label").queryAs(Label.class).getText().contains(past.getFileName().toString()));

        XYSeriesCollection error = data(robot, "#error-chart");
        assertTrue(error.getSeriesCount() > own, "the past run's curves follow the chart's own");
        String pastTest = "test \u00b7 " + TrainingCharts.overlayLabel(record);
        int ghost = error.getSeriesIndex(pastTest);
        assertTrue(ghost >= own, pastTest + " in " + error.getSeriesCount() + " series");
        assertEquals(record.epochs().get(0).testTop1Error(), error.getSeries(ghost).getY(0).doubleValue());
        var renderer = (org.jfree.chart.renderer.xy.XYLineAndShapeRenderer) robot.lookup("#error-chart")
                .queryAs(org.jfree.chart.fx.ChartViewer.class).getChart().getXYPlot().getRenderer();
        assertTrue(((java.awt.Color) renderer.getSeriesPaint(ghost)).getAlpha() < 255, "faded");

        // A second run trains with the first behind it; the overlay stays while it runs.
        robot.clickOn("#start-button");
        waitForState(LiveRun.State.COMPLETED);
        assertEquals(record.epochs().get(0).testTop1Error(),
                data(robot, "#error-chart").getSeries(pastTest).getY(0).doubleValue());
        assertEquals(run.epochs().get(0).testTop1Error(), data(robot, "#error-chart").getSeries(2).getY(0).doubleValue());

        robot.interact(() -> pane.charts().xAxisProperty().set(ChartXAxis.WALL_TIME));
        var speed = data(robot, "#speed-chart");
        List<StepMetrics> steps = List.copyOf(run.steps());
        for (int i = 0; i < steps.size(); i++) {
            assertEquals(steps.get(i).seconds(), speed.getSeries(0).getX(i).doubleValue(), "step " + i + " at its seconds");
        }
        assertEquals(run.epochs().get(0).seconds(), data(robot, "#error-chart").getSeries(2).getX(0).doubleValue(),
                "the test point where the epoch ended, its evaluation included");
        assertEquals(record.steps().get(1).seconds(),
                speed.getSeries("images/s \u00b7 " + TrainingCharts.overlayLabel(record)).getX(1).doubleValue());
        assertTrue(pane.charts().errorChart().csv().startsWith("series,seconds,error\n"),
                "the CSV says the values are seconds");

        robot.clickOn("#overlay-clear");
        assertEquals(own, data(robot, "#error-chart").getSeriesCount());
        assertFalse(robot.lookup("#overlay-label").queryAs(Label.class).getParent().isVisible(), "the name goes too");
    }

    @Test
    void aFolderOfAnOlderLabWithoutSecondsSaysWhyTheWallTimeAxisIsEmpty(FxRobot robot) throws Exception {
        robot.clickOn("#start-button");
        waitForState(LiveRun.State.COMPLETED);
        Path dir = onlyRunFolder();
        // As an older lab wrote it: the steps without their seconds column.
        Path csv = dir.resolve(RunFolder.STEPS_CSV);
        List<String> older = Files.readAllLines(csv).stream().map(l -> l.substring(0, l.lastIndexOf(','))).toList();
        Files.write(csv, older);
        robot.interact(() -> assertTrue(pane.files().openRunFolder(dir)));
        robot.interact(() -> pane.charts().xAxisProperty().set(ChartXAxis.WALL_TIME));

        var plot = robot.lookup("#speed-chart").queryAs(ChartViewer.class).getChart().getXYPlot();
        assertEquals(0, plot.getDataset().getItemCount(0), "no step has a place on the wall-time axis");
        assertTrue(plot.getNoDataMessage().contains("written before the lab kept wall time"), plot.getNoDataMessage());
        robot.interact(() -> pane.charts().xAxisProperty().set(ChartXAxis.STEP));
        assertEquals(4, plot.getDataset().getItemCount(0), "the step axis shows them");
        assertFalse(plot.getNoDataMessage().contains("wall time"));
    }

    @Test
    void rawValuesAreShownUntilSmoothingIsAskedFor(FxRobot robot) throws Exception {
        robot.interact(() -> vm.setConfig(TinyRuns.dgl(6)));
        robot.clickOn("#start-button");
        waitForState(LiveRun.State.COMPLETED);
        XYSeriesCollection loss = data(robot, "#loss-chart");
        List<StepMetrics> steps = List.copyOf(run.steps());

        int metered = 0;
        for (int i = 0; i < 6; i++) {
            assertEquals(steps.get(i).moduleLosses()[0], loss.getSeries(0).getY(i).doubleValue());
            assertEquals(steps.get(i).imagesPerSecond(), data(robot, "#speed-chart").getSeries(0).getY(i).doubleValue());
            // Only the steps whose live-tensor peak was read (the first ones, then sampled) get a point.
            if (steps.get(i).liveBytes() >= 0) {
                assertEquals(steps.get(i).liveBytes() / (1024.0 * 1024.0),
                        data(robot, "#memory-chart").getSeries(0).getY(metered++).doubleValue());
            }
        }
        assertTrue(metered >= 5, "the first steps are metered: " + metered);

        robot.interact(() -> pane.charts().smoothingProperty().set(SeriesSmoothing.EMA_09));
        assertEquals(steps.get(0).moduleLosses()[0], loss.getSeries(0).getY(0).doubleValue(), 1e-12);
        assertFalse(steps.get(5).moduleLosses()[0] == loss.getSeries(0).getY(5).doubleValue(), "smoothed");

        robot.interact(() -> pane.charts().smoothingProperty().set(SeriesSmoothing.OFF));
        assertEquals(steps.get(5).moduleLosses()[0], loss.getSeries(0).getY(5).doubleValue());
    }

    @Test
    void theLossChartShowsEachHeadUnweightedOrEachModulesWeightedSum(FxRobot robot) throws Exception {
        robot.interact(() -> vm.setConfig(TinyRuns.mlaan(2)));
        robot.clickOn("#start-button");
        waitForState(LiveRun.State.COMPLETED);
        List<StepMetrics> steps = List.copyOf(run.steps());
        XYSeriesCollection loss = data(robot, "#loss-chart");
        List<Object> keys = keys(loss);
        // Every module but the last trains its own probe at wx = 0.001 beside its cascaded head at
        // wy = 0.999 (module 0, before the first full window of w = 2, has neither).
        assertEquals(List.of("E1 own \u00d70.001", "E1 cascaded \u00d70.999", "E2 own \u00d70.001",
                "E2 cascaded \u00d70.999", "E3 fc \u00d70.001", "E3 cascaded \u00d70.999"), keys);
        double own = loss.getSeries(0).getY(0).doubleValue();
        assertEquals(steps.get(0).ownLosses()[1], own);
        double cascaded = loss.getSeries(1).getY(0).doubleValue();
        assertEquals(steps.get(0).moduleLosses()[1], 0.001 * own + 0.999 * cascaded, 1e-5,
                "the weighted loss is the heads' sum with their weights");
        assertTrue(own > 1, "an unweighted cross-entropy near the start of training, not 0.002: " + own);
        assertEquals("CE, unweighted", lossAxisLabel(robot));

        String csv = WaitForAsyncUtils.asyncFx(() -> pane.charts().lossChart().csv()).get();
        List<String> rows = csv.lines().toList();
        assertEquals("series,step,\"CE, unweighted\"", rows.get(0), "the axes' names, the comma quoted");
        assertEquals(1 + 6 * 2, rows.size(), "a row per point: six lines of two steps");
        assertEquals("E1 own \u00d70.001,0.0," + own, rows.get(1));
        assertTrue(robot.lookup("#loss-chart").queryAs(ChartViewer.class).getContextMenu().getItems().stream()
                .anyMatch(i -> "Save data as CSV...".equals(i.getText())), "every chart offers its data");

        robot.interact(() -> pane.charts().lossChart().setView(LossChart.View.WEIGHTED));
        XYSeriesCollection weighted = data(robot, "#loss-chart");
        assertEquals(List.of("E1", "E2", "E3"), keys(weighted), "module 0 has no loss of its own");
        assertEquals(steps.get(1).moduleLosses()[1], weighted.getSeries(0).getY(1).doubleValue());
        assertEquals("loss, weighted", lossAxisLabel(robot));
    }

    private static List<Object> keys(XYSeriesCollection c) {
        List<Object> out = new java.util.ArrayList<>();
        for (int i = 0; i < c.getSeriesCount(); i++) {
            out.add(c.getSeriesKey(i));
        }
        return out;
    }

    private static String lossAxisLabel(FxRobot robot) {
        return robot.lookup("#loss-chart").queryAs(ChartViewer.class).getChart().getXYPlot().getRangeAxis().getLabel();
    }

    @Test
    void chartsExportAsNonEmptyPngFiles(FxRobot robot) throws Exception {
        robot.interact(() -> vm.setConfig(TinyRuns.dgl(3)));
        robot.clickOn("#start-button");
        waitForState(LiveRun.State.COMPLETED);
        Path out = tmp.resolve("png");

        List<Path> files = new java.util.ArrayList<>();
        robot.interact(() -> files.addAll(pane.files().exportCharts(out)));

        assertEquals(4, files.size(), reported.toString());
        byte[] signature = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        for (Path f : files) {
            byte[] bytes = Files.readAllBytes(f);
            assertTrue(bytes.length > 2000, f + " has " + bytes.length + " bytes");
            assertArrayEquals(signature, java.util.Arrays.copyOf(bytes, 8), f.toString());
            java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(f.toFile());
            assertTrue(img.getWidth() > 100 && img.getHeight() > 80, f + ": " + img.getWidth() + "x" + img.getHeight());
        }
    }

    @Test
    void presentationModeEnlargesChartFontsAndLines(FxRobot robot) {
        ChartViewer viewer = robot.lookup("#loss-chart").queryAs(ChartViewer.class);
        int titleBefore = viewer.getChart().getTitle().getFont().getSize();
        int tickBefore = viewer.getChart().getXYPlot().getRangeAxis().getTickLabelFont().getSize();

        robot.interact(() -> vm.presentationProperty().set(true));

        assertTrue(viewer.getChart().getTitle().getFont().getSize() > titleBefore);
        assertTrue(viewer.getChart().getXYPlot().getRangeAxis().getTickLabelFont().getSize() > tickBefore);
        ChartViewer error = robot.lookup("#error-chart").queryAs(ChartViewer.class);
        java.awt.BasicStroke stroke = (java.awt.BasicStroke) ((org.jfree.chart.renderer.xy.XYLineAndShapeRenderer)
                error.getChart().getXYPlot().getRenderer()).getSeriesStroke(2);
        assertTrue(stroke.getLineWidth() >= 4, "test error line width " + stroke.getLineWidth());

        robot.interact(() -> vm.presentationProperty().set(false));
        assertEquals(titleBefore, viewer.getChart().getTitle().getFont().getSize());
    }
}
