package org.mlaan.lab.ui.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mlaan.lab.analysis.RunAnalyses;
import org.mlaan.lab.analysis.result.MemoryRow;
import org.mlaan.lab.analysis.result.SeedResult;
import org.mlaan.lab.core.cluster.ArrayTask;
import org.mlaan.lab.core.cluster.TaskList;
import org.mlaan.lab.ui.common.ErrorScale;
import org.mlaan.lab.ui.model.LabViewModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class AnalysesPaneTest {
    private static final int TIMEOUT_S = 30;

    @TempDir
    Path tmp;

    private LabViewModel vm;
    private AnalysesPane pane;
    private Stage stage;
    private RunAnalyses analyses = RunFixtures.fake(null);

    @Start
    void start(Stage stage) {
        this.stage = stage;
        vm = new LabViewModel(RunFixtures.tiny("DGL+MLAAN", 42, 4));
        pane = new AnalysesPane(vm, () -> analyses, (config, progress) -> {
            progress.update("measuring BP", 0.5);
            return List.of(new MemoryRow("BP", "resnet20", "", 16, "cpu()", 40_000_000, 900_000_000, -1),
                    new MemoryRow(config.methodOrDefault().label(), "resnet20", "2 modules", 16, "cpu()", 22_000_000,
                            800_000_000, -1));
        });
        stage.setScene(new Scene(pane, 1400, 800));
        stage.show();
    }

    /** Ten runs: BP, DGL, DGL+MLM, DGL+LAM, DGL+MLAAN with seeds 42 and 43, best errors in that order falling. */
    private Path ablationFolder() throws Exception {
        Path dir = tmp.resolve("ablation");
        String[] methods = {"BP", "DGL", "DGL+MLM", "DGL+LAM", "DGL+MLAAN"};
        double[] best = {0.10, 0.30, 0.25, 0.20, 0.15};
        for (int m = 0; m < methods.length; m++) {
            RunFixtures.run(dir, methods[m], 42, best[m], best[m] + 0.05);
            RunFixtures.run(dir, methods[m], 43, best[m] + 0.01, best[m] + 0.02);
        }
        return dir;
    }

    private void openFromDialog(FxRobot robot, Path dir, int runs) throws Exception {
        robot.interact(() -> pane.setDirectoryDialog(() -> dir));
        robot.clickOn("#open-runs");
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> pane.context().runs.size() == runs);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String text(FxRobot robot, String id) {
        Label l = robot.lookup(id).queryAs(Label.class);
        assertNotNull(l, id);
        return l.getText();
    }

    private static Color fill(FxRobot robot, String id) {
        return (Color) robot.lookup(id).queryAs(Region.class).getBackground().getFills().get(0).getFill();
    }

    @Test
    void opensAFolderOfRunsIntoTheTableAndTheMatrix(FxRobot robot) throws Exception {
        openFromDialog(robot, ablationFolder(), 10);

        TableView<?> table = robot.lookup("#runs-table").queryAs(TableView.class);
        assertEquals(10, table.getItems().size());
        RunSummary first = pane.context().runs.get(0);
        assertEquals("BP", first.method().label());
        assertEquals(0.10, first.bestError(), 1e-12);
        assertEquals(0.15, first.finalError(), 1e-12);
        assertEquals(2, first.epochsDone());

        assertEquals("DGL+LAM", text(robot, "#matrix-cell-mlm0-lam1-method"));
        assertEquals("20.50 \u00b1 0.71 %", text(robot, "#matrix-cell-mlm0-lam1-error"));
        assertEquals("n = 2 seeds", text(robot, "#matrix-cell-mlm0-lam1-seeds"));
        assertEquals("DGL", text(robot, "#matrix-cell-mlm0-lam0-method"));
        assertEquals("DGL+MLAAN", text(robot, "#matrix-cell-mlm1-lam1-method"));
        assertEquals("10.50 \u00b1 0.71 %", text(robot, "#matrix-cell-bp-error"));

        // Greener is better: the hue falls from green (lowest error, BP) to red (highest, DGL).
        String[] byError = {"#matrix-cell-bp", "#matrix-cell-mlm1-lam1", "#matrix-cell-mlm0-lam1",
                "#matrix-cell-mlm1-lam0", "#matrix-cell-mlm0-lam0"};
        for (int i = 1; i < byError.length; i++) {
            double before = fill(robot, byError[i - 1]).getHue();
            double after = fill(robot, byError[i]).getHue();
            assertTrue(after < before, byError[i] + " hue " + after + " below " + byError[i - 1] + " hue " + before);
        }
        assertEquals(ErrorScale.LOW, fill(robot, "#matrix-cell-bp"));
        assertEquals(ErrorScale.HIGH, fill(robot, "#matrix-cell-mlm0-lam0"));

        Path png = tmp.resolve("matrix.png");
        pane.matrix().exportButton().setSaveDialog(name -> png);
        robot.clickOn("#matrix-export");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(Files.size(png) > 1000, "the report's matrix as a PNG");
    }

    @Test
    void clickingACellListsThatMethodsSeeds(FxRobot robot) throws Exception {
        openFromDialog(robot, ablationFolder(), 10);
        robot.clickOn("#matrix-cell-mlm1-lam0");
        WaitForAsyncUtils.waitForFxEvents();

        @SuppressWarnings("unchecked")
        TableView<SeedResult> seeds = robot.lookup("#seed-table").queryAs(TableView.class);
        assertEquals(List.of(42L, 43L), seeds.getItems().stream().map(SeedResult::seed).toList());
        assertEquals(0.25, seeds.getItems().get(0).bestError(), 1e-12);
        assertEquals(0.27, seeds.getItems().get(1).finalError(), 1e-12);
        assertEquals("completed", seeds.getItems().get(0).state());
        assertTrue(seeds.getItems().get(1).runDir().getFileName().toString().startsWith("DGL_MLM-s43"));
        assertTrue(text(robot, "#seed-table-title").startsWith("DGL+MLM: 2 seed(s)"), text(robot, "#seed-table-title"));
    }

    @Test
    void aFolderThatCannotBeReadIsNamedAndTheOthersStillLoad(FxRobot robot) throws Exception {
        Path dir = tmp.resolve("mixed");
        RunFixtures.run(dir, "DGL", 42, 0.3);
        Path broken = Files.createDirectories(dir.resolve("broken-run"));
        Files.writeString(broken.resolve("config.json"), "{ not json");
        openFromDialog(robot, dir, 1);
        String msg = text(robot, "#analyses-message");
        assertTrue(msg.startsWith("Could not read 1 folder(s): broken-run: "), msg);
        assertEquals("DGL", text(robot, "#matrix-cell-mlm0-lam0-method"));
        assertEquals("no runs", text(robot, "#matrix-cell-mlm1-lam1-error"));
    }

    @Test
    void aHalfFinishedJobArrayListsTheRunsNotStartedWithoutCountingThem(FxRobot robot) throws Exception {
        Path dir = tmp.resolve("array");
        Path started = RunFixtures.run(dir, "DGL", 42, 0.3);
        Path cfg = dir.resolve("slurm").resolve("configs").resolve("c.json");
        TaskList.write(TaskList.fileOf(dir), List.of(
                new ArrayTask(0, "demo", "DGL", 42, 1, cfg, started),
                new ArrayTask(1, "demo", "DGL", 43, 1, cfg, dir.resolve("DGL-s43")),
                new ArrayTask(2, "demo", "DGL+MLAAN", 42, 1, cfg, dir.resolve("DGL_MLAAN-s42"))));
        openFromDialog(robot, dir, 1);
        String msg = text(robot, "#analyses-message");
        assertEquals("2 run(s) of the job array have not started yet and are not counted: DGL-s43, DGL_MLAAN-s42", msg);
        assertEquals("no runs", text(robot, "#matrix-cell-mlm1-lam1-error"), "DGL+MLAAN is listed, not counted");
    }

    @Test
    void aFolderWithoutRunsSaysSo(FxRobot robot) throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        robot.interact(() -> pane.open(empty));
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS,
                () -> text(robot, "#analyses-message").startsWith("Cannot open runs"));
        assertTrue(text(robot, "#analyses-message").contains("neither a run folder"), text(robot, "#analyses-message"));
    }

    @Test
    void testErrorCurvesShowOneLinePerLoadedRun(FxRobot robot) throws Exception {
        openFromDialog(robot, ablationFolder(), 10);
        ChartViewer v = robot.lookup("#test-error-chart").queryAs(ChartViewer.class);
        assertNotNull(v);
        assertEquals(10, v.getChart().getXYPlot().getDataset().getSeriesCount());
        assertEquals(2, v.getChart().getXYPlot().getDataset().getItemCount(0), "one point per epoch");
    }

    private void runSection(FxRobot robot, String tab, String id) throws Exception {
        robot.clickOn("#" + tab);
        robot.clickOn("#" + id + "-run");
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> !pane.activeProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void separabilityDrawsOneLinePerRunAndExportsAPng(FxRobot robot) throws Exception {
        openFromDialog(robot, ablationFolder(), 10);
        runSection(robot, "analysis-tab-separability", "separability");
        ChartViewer v = robot.lookup("#separability-chart").queryAs(ChartViewer.class);
        assertNotNull(v, text(robot, "#separability-status"));
        XYPlot plot = v.getChart().getXYPlot();
        assertEquals(10, plot.getDataset().getSeriesCount());
        assertEquals(2, plot.getDataset().getItemCount(0), "one point per module");
        assertEquals("", text(robot, "#separability-status"));

        Path png = tmp.resolve("sep.png");
        pane.separability().card().exportButton().setSaveDialog(name -> png);
        robot.clickOn("#separability-chart-export");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(Files.size(png) > 1000, "a PNG of some size");

        // The same chart as vector figures for slides, at the viewer's size, with its title.
        Path svg = tmp.resolve("sep.svg");
        Path pdf = tmp.resolve("sep.pdf");
        pane.separability().card().vectorButton(org.mlaan.lab.report.VectorCharts.Kind.SVG).setSaveDialog(name -> svg);
        pane.separability().card().vectorButton(org.mlaan.lab.report.VectorCharts.Kind.PDF).setSaveDialog(name -> pdf);
        robot.clickOn("#separability-chart-export-svg");
        robot.clickOn("#separability-chart-export-pdf");
        WaitForAsyncUtils.waitForFxEvents();
        String svgText = Files.readString(svg);
        assertTrue(svgText.contains("width='" + (double) Math.round(v.getWidth()) + "'"), svgText.substring(0, 300));
        assertTrue(svgText.contains(v.getChart().getTitle().getText()), "the chart's title as text");
        assertTrue(new String(Files.readAllBytes(pdf), java.nio.charset.StandardCharsets.ISO_8859_1)
                .contains("/Title (" + v.getChart().getTitle().getText() + ")"));
    }

    @Test
    void aRunThatFailsIsNamedAndTheOthersAreDrawn(FxRobot robot) throws Exception {
        analyses = RunFixtures.fake("DGL_LAM-s43");
        openFromDialog(robot, ablationFolder(), 10);
        runSection(robot, "analysis-tab-separability", "separability");
        assertEquals(9, robot.lookup("#separability-chart").queryAs(ChartViewer.class).getChart().getXYPlot()
                .getDataset().getSeriesCount());
        String status = text(robot, "#separability-status");
        assertTrue(status.startsWith("Failed on 1 run(s): DGL_LAM-s43-"), status);
        assertTrue(status.endsWith(": no checkpoint"), status);
    }

    @Test
    void withoutCheckpointAnalysesTheTabSaysTheyAreUnavailable(FxRobot robot) throws Exception {
        analyses = null;
        openFromDialog(robot, ablationFolder(), 10);
        runSection(robot, "analysis-tab-separability", "separability");
        assertEquals(AnalysisContext.UNAVAILABLE, text(robot, "#separability-status"));
        assertNull(robot.lookup("#separability-chart").tryQuery().orElse(null));
    }

    @Test
    void ckaComparesEveryOtherRunWithTheFirstBpRun(FxRobot robot) throws Exception {
        openFromDialog(robot, ablationFolder(), 10);
        assertEquals("BP", pane.similarity().reference().getValue().method().label());
        runSection(robot, "analysis-tab-cka", "cka");
        ChartViewer lines = robot.lookup("#cka-lines").queryAs(ChartViewer.class);
        assertNotNull(lines, text(robot, "#cka-status"));
        assertEquals(9, lines.getChart().getXYPlot().getDataset().getSeriesCount());
        assertNotNull(robot.lookup("#cka-heatmap").queryAs(ChartViewer.class), "a heatmap of one run");
    }

    @Test
    void memoryShowsTheMeasuredRowsAsBarsAndATable(FxRobot robot) throws Exception {
        runSection(robot, "analysis-tab-memory", "memory");
        assertEquals(List.of("BP", "DGL+MLAAN"), pane.memory().table().getItems().stream().map(MemoryRow::method)
                .toList());
        ChartViewer bars = robot.lookup("#memory-chart").queryAs(ChartViewer.class);
        assertNotNull(bars, text(robot, "#memory-status"));
        assertEquals(2, bars.getChart().getCategoryPlot().getDataset().getRowCount(), "live tensors and process peak");
    }

    @Test
    void generalisationFillsOneRowPerRun(FxRobot robot) throws Exception {
        openFromDialog(robot, ablationFolder(), 10);
        runSection(robot, "analysis-tab-generalisation", "generalisation");
        assertEquals(10, pane.generalisation().table().getItems().size(), text(robot, "#generalisation-status"));
        assertEquals(1000, pane.generalisation().table().getItems().get(0).images());
    }

    @Test
    void featureMapsPutTheRunsSideBySide(FxRobot robot) throws Exception {
        openFromDialog(robot, ablationFolder(), 10);
        runSection(robot, "analysis-tab-featuremaps", "featuremaps");
        assertEquals(10, pane.featureMaps().panels().size(), text(robot, "#featuremaps-status"));
        assertNotNull(pane.featureMaps().figure().getImage(), "the Figure 4 picture");
        assertEquals("3.2", robot.lookup("#featuremaps-unit").queryComboBox().getValue(), "the deeper unit of two");
    }

    @Test
    void exportReportWritesTheHtmlPageAndItsTables(FxRobot robot) throws Exception {
        openFromDialog(robot, ablationFolder(), 10);
        Path html = tmp.resolve("out/report.html");
        robot.interact(() -> pane.setReportDialog(name -> html));
        robot.clickOn("#export-report");
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> !pane.activeProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(text(robot, "#report-status").startsWith("Wrote "), text(robot, "#report-status"));
        String page = Files.readString(html);
        assertTrue(page.contains("DGL+MLAAN"), "the matrix's methods are in the report");
        assertTrue(page.contains("DGL_LAM-s43-"), "the runs are listed");
        assertTrue(page.contains("data:image/png;base64,"), "with its figures");
        try (var csv = Files.list(org.mlaan.lab.report.ReportCsv.folderFor(html))) {
            assertTrue(csv.findAny().isPresent(), "and its tables beside it");
        }
    }

    @Test
    void nothingStartsWhileAnotherRunTrains(FxRobot robot) throws Exception {
        openFromDialog(robot, ablationFolder(), 10);
        robot.interact(() -> pane.setOtherRunActive(new javafx.beans.property.SimpleBooleanProperty(true)));
        runSection(robot, "analysis-tab-separability", "separability");
        assertTrue(text(robot, "#separability-status").startsWith("A run is training"));
        robot.clickOn("#ablation-run");
        assertFalse(pane.queue().activeProperty().get());
        assertTrue(text(robot, "#analyses-message").startsWith("A run is training"), text(robot, "#analyses-message"));
    }
}
