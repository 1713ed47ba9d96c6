package org.mlaan.lab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlaan.lab.analysis.TinyTrainedRuns;
import org.mlaan.lab.core.config.ConfigFiles;
import org.mlaan.lab.core.run.RunFolderReader;

/** The checkpoint-analysis commands as a user calls them, on two tiny trained runs. */
class AnalysisCommandsTest {

    private static CommandLineTest.Result run(String... args) {
        return CommandLineTest.run(args);
    }

    @Test
    void separabilityPrintsOneRowPerModule() {
        String dgl = TinyTrainedRuns.dgl().toString();
        CommandLineTest.Result r = run("separability", dgl, "--train-images", "32", "--test-images", "20");
        assertEquals(0, r.code(), r.err() + r.out());
        assertTrue(r.out().contains("(DGL): linear probes fitted on 32 training images, scored on 20 test images"),
                r.out());
        assertTrue(r.out().contains("module    after  depth  features  train acc   test acc"), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("\\s+2\\s+3\\.2\\s+10\\s+64\\s+\\d+\\.\\d%\\s+\\d+\\.\\d%")),
                r.out());
        assertTrue(r.out().contains("%] dgl-") && r.out().contains(": reading 32 training images"),
                "the progress line: " + r.out());
    }

    @Test
    void separabilityJsonCarriesTheCurve() throws Exception {
        CommandLineTest.Result r = run("separability", TinyTrainedRuns.bp().toString(), "--train-images", "24",
                "--test-images", "10", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode json = ConfigFiles.mapper().readTree(r.out());
        assertEquals(1, json.size());
        assertEquals(24, json.get(0).get("trainImages").asInt());
        JsonNode points = json.get(0).get("points");
        assertEquals(3, points.size(), "BP is read at its three stage ends");
        assertEquals("2.2", points.get(1).get("afterUnit").asText());
    }

    @Test
    void separabilityNamesTheBadOptionAndTheFolderWithoutARun(@TempDir Path dir) {
        CommandLineTest.Result r = run("separability", TinyTrainedRuns.bp().toString(), "--train-images", "0");
        assertEquals(Main.BAD_INPUT, r.code());
        assertTrue(r.err().contains("--train-images: expected at least 2, got 0"), r.err());
        CommandLineTest.Result none = run("separability", dir.toString());
        assertEquals(Main.BAD_INPUT, none.code());
        assertTrue(none.err().contains("RUN_DIR: " + dir + ": not a run folder"), none.err());
    }

    @Test
    void similarityOfARunWithItselfIsOneAtEveryCut() throws Exception {
        String dgl = TinyTrainedRuns.dgl().toString();
        CommandLineTest.Result r = run("similarity", "--reference", dgl, dgl, "--images", "16");
        assertEquals(0, r.code(), r.err() + r.out());
        assertTrue(r.out().contains("linear CKA on 16 test images"), r.out());
        assertTrue(r.out().contains("same cut         1.000   1.000   1.000"), r.out());
        CommandLineTest.Result json = run("similarity", "--reference", TinyTrainedRuns.bp().toString(), dgl,
                "--images", "16", "--json");
        assertEquals(0, json.code(), json.err());
        JsonNode s = ConfigFiles.mapper().readTree(json.out()).get(0);
        assertEquals(3, s.get("allPairs").size());
        assertEquals(s.get("allPairs").get(1).get(1).asDouble(), s.get("sameCut").get(1).asDouble(), 0);
    }

    @Test
    void similarityNeedsAReferenceAndTwoImages() {
        assertEquals(Main.BAD_INPUT, run("similarity", TinyTrainedRuns.dgl().toString()).code());
        CommandLineTest.Result r = run("similarity", "--reference", TinyTrainedRuns.bp().toString(),
                TinyTrainedRuns.dgl().toString(), "--images", "1");
        assertEquals(Main.BAD_INPUT, r.code());
        assertTrue(r.err().contains("--images: expected at least 2, got 1"), r.err());
    }

    @Test
    void generaliseToTheShiftedVariantPrintsBothErrors() throws Exception {
        Path bp = TinyTrainedRuns.bp();
        double recorded = RunFolderReader.read(bp).status().finalTop1Error();
        CommandLineTest.Result r = run("generalise", bp.toString(), "--to", "builtin", "--variant", "shifted");
        assertEquals(0, r.code(), r.err() + r.out());
        assertTrue(r.out().contains("builtin (shifted)"), r.out());
        assertTrue(r.out().contains(String.format(java.util.Locale.ROOT, "%8.2f%%", 100 * recorded)), r.out());
        CommandLineTest.Result json = run("generalise", bp.toString(), "--to", "builtin", "--variant", "shifted",
                "--json");
        JsonNode row = ConfigFiles.mapper().readTree(json.out()).get(0);
        assertEquals(recorded, row.get("trainedOnError").asDouble(), 0);
        assertEquals(TinyTrainedRuns.TEST_IMAGES, row.get("images").asInt(), "the run's own test count");
    }

    @Test
    void generaliseReadsTheTargetFromAConfigFile(@TempDir Path dir) throws Exception {
        Path cfg = dir.resolve("target.json");
        Files.writeString(cfg, "{\"dataset\": {\"kind\": \"builtin\", \"testSize\": 12, \"variant\": \"shifted\"}}");
        CommandLineTest.Result r = run("generalise", TinyTrainedRuns.dgl().toString(), "--to-config", cfg.toString(),
                "--json");
        assertEquals(0, r.code(), r.err());
        assertEquals(12, ConfigFiles.mapper().readTree(r.out()).get(0).get("images").asInt());
    }

    @Test
    void generaliseValidatesItsTargetOptions() {
        String bp = TinyTrainedRuns.bp().toString();
        CommandLineTest.Result neither = run("generalise", bp);
        assertEquals(Main.BAD_INPUT, neither.code());
        assertTrue(neither.err().contains("--to-config / --to: give exactly one"), neither.err());
        CommandLineTest.Result noPath = run("generalise", bp, "--to", "stl10");
        assertTrue(noPath.err().contains("--to-path: required with --to stl10"), noPath.err());
        CommandLineTest.Result variant = run("generalise", bp, "--to", "cifar10", "--to-path", "x", "--variant",
                "shifted");
        assertTrue(variant.err().contains("--variant: only --to builtin has variants"), variant.err());
        CommandLineTest.Result kind = run("generalise", bp, "--to", "mnist");
        assertEquals(Main.BAD_INPUT, kind.code());
        assertTrue(kind.err().contains("--to: unknown data set 'mnist'"), kind.err());
    }
}
