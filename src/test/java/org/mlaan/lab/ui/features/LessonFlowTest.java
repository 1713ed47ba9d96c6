package org.mlaan.lab.ui.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mlaan.lab.core.config.ConfigFiles;
import org.mlaan.lab.core.config.DatasetConfig;
import org.mlaan.lab.core.config.ExperimentConfig;
import org.mlaan.lab.core.config.Method;
import org.mlaan.lab.core.config.TrainingConfig;
import org.mlaan.lab.core.experiment.Lesson;
import org.mlaan.lab.core.run.StepMetrics;
import org.mlaan.lab.ui.model.LabViewModel;
import org.mlaan.lab.ui.model.LiveRun;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The lesson as a teacher runs it from the Compare runs tab (issue 14), on a tiny lesson. */
@ExtendWith(ApplicationExtension.class)
class LessonFlowTest {
    private ComparePane pane;

    @TempDir
    Path tmp;

    @Start
    void start(Stage stage) {
        pane = new ComparePane(new LabViewModel(FeatureFixtures.tinyConfig("DGL+MLAAN")));
        pane.setLessonAnalyses(org.mlaan.lab.analysis.CheckpointAnalyses::new);
        stage.setScene(new Scene(pane, 1280, 720));
        stage.show();
    }

    @AfterEach
    void stopRuns() throws Exception {
        assertTrue(WaitForAsyncUtils.asyncFx(() -> pane).get().stopAndWait(Duration.ofMinutes(3)));
    }

    @Test
    void theLessonRunsOnFashionMnistWhereDebiansFilesAre(FxRobot robot) {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(Path.of("/usr/share/datasets/fashion-mnist")),
                "apt-get install dataset-fashion-mnist");
        assertEquals(List.of("built-in lesson", "Fashion-MNIST"), pane.lessonDataPicker().getItems());
        robot.interact(() -> pane.lessonDataPicker().setValue("Fashion-MNIST"));
        ExperimentConfig c = pane.lessonConfigProperty().get();
        assertEquals("idx", c.dataset().kind());
        assertTrue(org.mlaan.lab.core.experiment.Experiment.check(Lesson.runs(c, 1).get(4)).ok());
        robot.interact(() -> pane.lessonDataPicker().setValue("built-in lesson"));
        assertEquals("lesson", pane.lessonConfigProperty().get().dataset().variant());
    }

    /** The built-in lesson made tiny: 64 lesson images, epochs of two steps, many of them. */
    private static ExperimentConfig tinyLesson(int epochs) {
        return ConfigFiles.embedded(Lesson.BUILTIN_FILE).withName("tiny-lesson")
                .withDataset(new DatasetConfig("builtin", null, 64, 20, null, null, null, "lesson", null))
                .withTraining(new TrainingConfig(epochs, 32, 0.05, 0.9, true, 5e-4, "constant", 0, 0.01, 1, null))
                .withDevice("cpu");
    }

    @Test
    void fiveCurvesAndFiveMapColumnsAppearAndChangePauseHoldsStopEndsAndFiveFoldersRemain(FxRobot robot)
            throws Exception {
        Path runsRoot = tmp.resolve("runs");
        robot.interact(() -> {
            pane.lessonConfigProperty().set(tinyLesson(50));
            pane.runsFolderProperty().set(runsRoot);
            pane.setMapsEvery(1);
        });
        robot.clickOn("#compare-lesson");
        ComparisonSession session = pane.session();
        assertNotNull(session);
        assertEquals(List.of("BP", "DGL (probe head)", "DGL+MLM", "DGL+LAM", "DGL+MLAAN"),
                session.runs().stream().map(ComparisonRun::method).toList());
        assertEquals(5, pane.columnHeaders().size(), "a feature-map column per run");
        assertTrue(pane.lessonBoard().isVisible());
        assertTrue(robot.lookup("#lesson-bar-legend").query().isVisible(), "the built-in scenes have both class groups");
        // The lesson fixes the methods and the steps: their pickers give their row to the board meanwhile.
        assertTrue(!robot.lookup("#compare-method-0").query().isVisible() && !robot.lookup("#compare-steps").query()
                .isVisible());

        // Each run's first evaluated epoch: five curves with a point each, the matrix, the cards.
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> session.runs().stream()
                .allMatch(r -> r.live().epochs().size() >= 1 && r.latestMaps() != null));
        WaitForAsyncUtils.waitForFxEvents();
        XYSeriesCollection curves = (XYSeriesCollection) pane.lessonBoard().curvesChart().getXYPlot().getDataset();
        assertEquals(5, curves.getSeriesCount());
        for (int i = 0; i < 5; i++) {
            assertTrue(curves.getItemCount(i) >= 1, curves.getSeriesKey(i) + " has a point");
            assertEquals(session.runs().get(i).method(), curves.getSeriesKey(i));
        }
        for (Method m : Lesson.METHODS) {
            // The MLM x LAM matrix fills in: each cell its run's best test error so far.
            double best = session.runs().get(Lesson.METHODS.indexOf(m)).live().epochs().stream()
                    .mapToDouble(e -> e.testTop1Error()).min().orElseThrow();
            assertEquals(String.format(java.util.Locale.ROOT, "%.1f%%", 100 * best), pane.lessonBoard().matrixText(m));
        }
        String error = ((Label) robot.lookup("#lesson-card-4-error").query()).getText();
        assertTrue(error.matches("test \\d+\\.\\d%"), error);
        String arrangement = ((Label) robot.lookup("#lesson-card-4-arrangement").query()).getText();
        assertTrue(arrangement.matches("\\d+%"), arrangement);
        long firstMaps = WaitForAsyncUtils.asyncFx(() -> pane.commonStep()).get();

        // Pause: every run waits at its gate. The export below takes far longer than a tiny step, so a gate
        // that failed to hold would let the steps run on meanwhile; at most the step in flight ends.
        robot.clickOn("#compare-pause");
        assertEquals("Resume", ((Button) robot.lookup("#compare-pause").query()).getText());
        WaitForAsyncUtils.waitForFxEvents();
        List<Long> pausedAt = WaitForAsyncUtils.asyncFx(() -> session.runs().stream().map(LessonFlowTest::stepOf)
                .toList()).get();
        for (ComparisonRun r : session.runs()) {
            assertEquals(LiveRun.State.PAUSED, r.live().state(), r.method());
        }

        // The lesson's figure for slides: SVG (curves and matrix as vectors, their legends as text) and PNG.
        Path svg = tmp.resolve("lesson.svg");
        Path png = tmp.resolve("lesson.png");
        robot.interact(() -> {
            List<ExportButton> buttons = pane.lessonBoard().exportButtons();
            buttons.get(0).setSaveDialog(name -> png);
            buttons.get(1).setSaveDialog(name -> svg);
            buttons.get(0).export();
            buttons.get(1).export();
        });
        javax.xml.parsers.DocumentBuilderFactory xml = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        // The file names SVG 1.0's DTD; nothing is fetched.
        xml.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        org.w3c.dom.Document doc = xml.newDocumentBuilder().parse(svg.toFile());
        String words = doc.getDocumentElement().getTextContent();
        // (Rotated axis labels are drawn as outlines by JFreeChart, so the horizontal words are checked.)
        for (String legend : List.of("DGL (probe head)", "DGL+MLAAN", "training images seen (thousands)", "LAM on",
                "MLM on")) {
            assertTrue(words.contains(legend), "the SVG says " + legend);
        }
        assertTrue(doc.getElementsByTagName("image").getLength() >= 1, "the feature maps are in the figure");
        java.awt.image.BufferedImage picture = javax.imageio.ImageIO.read(png.toFile());
        assertEquals(1600, picture.getWidth());
        assertEquals(1000, picture.getHeight());
        WaitForAsyncUtils.waitForFxEvents();
        List<Long> stillAt = WaitForAsyncUtils.asyncFx(() -> session.runs().stream().map(LessonFlowTest::stepOf)
                .toList()).get();
        for (int i = 0; i < 5; i++) {
            assertTrue(stillAt.get(i) <= pausedAt.get(i) + 1, session.runs().get(i).method() + " went on while paused: "
                    + pausedAt.get(i) + " -> " + stillAt.get(i));
        }

        // Resume after the export: the runs go on, and the maps move to a later common step.
        robot.clickOn("#compare-pause");
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> pane.commonStep()).get() > firstMaps
                && session.runs().stream().allMatch(r -> r.live().epochs().size() >= 2));
        WaitForAsyncUtils.waitForFxEvents();
        XYSeriesCollection later = (XYSeriesCollection) pane.lessonBoard().curvesChart().getXYPlot().getDataset();
        for (int i = 0; i < 5; i++) {
            assertTrue(later.getItemCount(i) >= 2, later.getSeriesKey(i) + " has grown");
        }

        robot.clickOn("#compare-stop");
        assertTrue(session.awaitEnd(Duration.ofMinutes(2)));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !pane.activeProperty().get());
        for (ComparisonRun r : session.runs()) {
            assertEquals(LiveRun.State.CANCELLED, r.live().state(), r.method());
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#compare-method-0").query().isVisible(), "the pickers are back for a comparison");
        try (Stream<Path> lessons = Files.list(runsRoot)) {
            List<Path> made = lessons.toList();
            assertEquals(1, made.size(), made.toString());
            assertTrue(made.get(0).getFileName().toString().startsWith("tiny-lesson-"), made.toString());
            try (Stream<Path> runs = Files.list(made.get(0))) {
                assertEquals(5, runs.filter(p -> Files.exists(p.resolve("status.json"))).count());
            }
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(pane.lessonBoard().caption().startsWith("Done."), pane.lessonBoard().caption());

        // Item 3: once the runs end, every module's linear separability, the five runs in one chart.
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(
                () -> pane.lessonBoard().separabilityCurves().size()).get() == 5);
        WaitForAsyncUtils.waitForFxEvents();
        List<org.mlaan.lab.analysis.result.SeparabilityCurve> lines = pane.lessonBoard().separabilityCurves();
        assertEquals(List.of("BP", "DGL (probe head)", "DGL+MLM", "DGL+LAM", "DGL+MLAAN"),
                lines.stream().map(c -> c.run()).toList());
        for (org.mlaan.lab.analysis.result.SeparabilityCurve c : lines.subList(1, 5)) {
            assertEquals(4, c.points().size(), c.run() + ": a point per module");
        }
        assertTrue(robot.lookup("#lesson-separability").query().isVisible());
        String said = ((Label) robot.lookup("#lesson-separability-status").query()).getText();
        assertTrue(said.startsWith("Linear separability"), said);
        org.jfree.chart.JFreeChart chart = ((org.jfree.chart.fx.ChartViewer) robot.lookup("#lesson-separability")
                .query()).getChart();
        assertEquals(5, chart.getXYPlot().getDataset().getSeriesCount());
    }

    /** The run's last step taken (0 before its first). */
    private static long stepOf(ComparisonRun r) {
        StepMetrics s = r.live().lastStepProperty().get();
        return s == null ? 0 : s.globalStep();
    }
}
