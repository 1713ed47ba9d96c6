package org.mlaan.lab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlaan.lab.analysis.RunFixtures;
import org.mlaan.lab.analysis.TinyTrainedRuns;
import org.mlaan.lab.core.config.ConfigFiles;
import org.mlaan.lab.core.config.Method;
import org.mlaan.lab.core.run.RunStatus;
import org.mlaan.lab.report.ReportCsv;

/** {@code report} on run folders written by the lab's own writers, without loading checkpoints. */
class ReportCommandTest {

    private static Path ablation(Path dir) throws Exception {
        Path abl = dir.resolve("abl");
        RunFixtures.write(abl, RunFixtures.completed("bp-s1", Method.BP, 1, 0.4, 0.3));
        RunFixtures.write(abl, RunFixtures.completed("dgl-s1", Method.DGL, 1, 0.5, 0.4));
        RunFixtures.write(abl, RunFixtures.completed("dgl-s2", Method.DGL, 2, 0.5, 0.36));
        RunFixtures.write(abl, RunFixtures.run("mlaan-s1", Method.DGL_MLAAN, 1, 2, RunStatus.FAILED, 30, 0.9));
        return abl;
    }

    @Test
    void reportWritesThePageAndItsTablesFromAnAblationFolder(@TempDir Path dir) throws Exception {
        Path abl = ablation(dir);
        Path lone = RunFixtures.write(dir.resolve("other"), RunFixtures.completed("dgl-long", Method.DGL, 3, 0.5, 0.4, 0.3));
        Path html = dir.resolve("out").resolve("abl.html");
        CommandLineTest.Result r = CommandLineTest.run("report", abl.toString(), lone.toString(), "--out",
                html.toString(), "--no-checkpoint-analyses", "--title", "Small <ablation>");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("report of 5 run(s): " + html), r.out());
        assertTrue(r.out().contains("[100%] report assembled"), "the progress line: " + r.out());
        assertTrue(r.out().contains("note: Table 4: run mlaan-s1"), r.out());
        String page = Files.readString(html);
        assertTrue(page.contains("<title>Small &lt;ablation&gt;</title>"));
        assertTrue(page.contains("Table 4: ablation of MLM and LAM") && page.contains("Table 5: epoch budgets"));
        assertTrue(page.contains("cpu() (test)"), "the device from provenance.json");
        assertFalse(page.contains("Figure 5"), "no checkpoint analyses");
        Path csv = dir.resolve("out").resolve("abl-csv");
        assertEquals(6, Files.readAllLines(csv.resolve("runs.csv")).size(), "header and five runs");
        List<String> ablation = Files.readAllLines(csv.resolve("ablation.csv"));
        assertTrue(ablation.get(2).startsWith("DGL,DGL,false,false,2,2,0.38,"), ablation.get(2));
        assertTrue(Files.exists(csv.resolve("epoch-budgets.csv")), "DGL at 2 and at 3 epochs");
    }

    @Test
    void jsonCarriesTheFilesTheMatrixAndTheNotes(@TempDir Path dir) throws Exception {
        Path abl = ablation(dir);
        Path html = dir.resolve("r.html");
        CommandLineTest.Result r = CommandLineTest.run("report", abl.toString(), "--out", html.toString(),
                "--no-checkpoint-analyses", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode json = ConfigFiles.mapper().readTree(r.out());
        assertEquals(html.toString(), json.get("html").asText());
        assertEquals(4, json.get("runs").size());
        assertEquals("DGL", json.get("ablation").get("base").asText());
        assertEquals(0.3, json.get("ablation").get("bp").get("bestError").get("mean").asDouble(), 1e-12);
        assertEquals(0.38, json.get("ablation").get("cells").get(0).get("bestError").get("mean").asDouble(), 1e-12);
        assertTrue(json.get("notes").toString().contains("it failed"));
    }

    @Test
    void checkpointAnalysesOfRealRunsReachThePageAndTheirCsvFiles(@TempDir Path dir) throws Exception {
        Path html = dir.resolve("r.html");
        CommandLineTest.Result r = CommandLineTest.run("report", TinyTrainedRuns.bp().toString(),
                TinyTrainedRuns.dgl().toString(), "--out", html.toString(), "--separability-images", "40",
                "--cka-images", "20");
        assertEquals(0, r.code(), r.err());
        String page = Files.readString(html);
        assertTrue(page.contains("Figure 5: linear separability by depth"), "Figure 5 section");
        assertTrue(page.contains("Figure 6: similarity to BP"), "Figure 6 section");
        Path csv = ReportCsv.folderFor(html);
        List<String> separability = Files.readAllLines(csv.resolve("separability.csv"));
        // BP at its 3 stage ends and DGL at its 3 module ends, one row each, after the header.
        assertEquals(1 + 3 + 3, separability.size(), String.join("\n", separability));
        List<String> similarity = Files.readAllLines(csv.resolve("similarity.csv"));
        assertTrue(similarity.size() > 1, "one CKA row per DGL cut");
    }

    @Test
    void badCountsAndFoldersAreBadInputNamingTheOption(@TempDir Path dir) throws Exception {
        Path abl = ablation(dir);
        CommandLineTest.Result r = CommandLineTest.run("report", abl.toString(), "--out", dir.resolve("r.html").toString(),
                "--cka-images", "0");
        assertEquals(Main.BAD_INPUT, r.code());
        assertTrue(r.err().contains("--cka-images: expected at least 1, got 0"), r.err());
        Files.createDirectories(dir.resolve("nothing"));
        r = CommandLineTest.run("report", dir.resolve("nothing").toString(), "--out", dir.resolve("r.html").toString(),
                "--no-checkpoint-analyses");
        assertEquals(Main.BAD_INPUT, r.code());
        assertTrue(r.err().contains("neither a run folder"), r.err());
    }

    @Test
    void aMeasurementBecomesATable3Row() {
        var row = ReportCommand.memoryRow(new MethodFigures("DGL+MLAAN", "resnet32", 128, "cpu", 50, 1000, 5000, -1,
                true, 80, 96, 0.01, null), "16 modules");
        assertEquals("DGL+MLAAN", row.method());
        assertEquals(1000, row.liveBytes());
        assertEquals(5000, row.processPeak(), "the resident set on the CPU");
        assertEquals("16 modules", row.split());
    }
}
