package org.mlaan.lab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlaan.lab.core.config.ConfigFiles;

/** The command line as a user calls it: output, files written and exit codes. */
class CommandLineTest {

    /** Output and exit code of one call. */
    record Result(int code, String out, String err) {}

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void helpSaysThatNoCommandOpensTheWindow() {
        Result r = run("--help");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("None of these commands opens the window: the jar without a command does"), r.out());
        assertTrue(r.out().contains("ablate"), r.out());
    }

    @Test
    void planPrintsEveryUnitAndTheExactTotal() {
        Result r = run("plan", "--arch", "resnet32");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("466,906"), r.out());
        assertTrue(r.out().contains("3.4") && r.out().contains("64x8x8"), r.out());
    }

    @Test
    void planJsonCarriesUnitsAndTotals() throws Exception {
        Result r = run("plan", "--arch", "resnet50", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode json = ConfigFiles.mapper().readTree(r.out());
        assertEquals(25_557_032L, json.get("totals").get("params").asLong());
        assertEquals(18, json.get("units").size(), "stem + 16 bottlenecks + head");
        assertEquals("2048x7x7", json.get("units").get(16).get("out").asText());
    }

    @Test
    void unknownArchIsBadInputWithTheAcceptedNames() {
        Result r = run("plan", "--arch", "resnet33");
        assertEquals(Main.BAD_INPUT, r.code());
        assertTrue(r.err().contains("unknown network 'resnet33'") && r.err().contains("resnet110"), r.err());
    }

    @Test
    void missingRequiredOptionIsBadInput() {
        assertEquals(Main.BAD_INPUT, run("plan").code());
        assertEquals(Main.BAD_INPUT, run("train").code());
    }

    @Test
    void invalidConfigStopsBeforeTrainingWithTheFieldNamed(@TempDir Path dir) throws Exception {
        Path cfg = dir.resolve("bad.json");
        Files.writeString(cfg, "{\"training\": {\"epochs\": 2, \"batchsize\": 8}}");
        Result r = run("train", "--config", cfg.toString(), "--out", dir.resolve("runs").toString());
        assertEquals(Main.BAD_INPUT, r.code());
        assertTrue(r.err().contains("training.batchsize: unknown field"), r.err());
        assertTrue(Files.notExists(dir.resolve("runs")), "no run folder for a config that cannot run");
    }

    @Test
    void aRunThatIsAllWarmUpIsWarnedAboutBeforeItTrains(@TempDir Path dir) throws Exception {
        Path cfg = dir.resolve("short.json");
        Files.writeString(cfg, """
                {"dataset": {"kind": "builtin", "trainSize": 16, "testSize": 8},
                 "training": {"epochs": 4, "batchSize": 8, "warmupEpochs": 1}, "device": "cpu"}
                """);
        Result r = run("train", "--config", cfg.toString(), "--epochs", "1", "--out", dir.resolve("runs").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("warning: training.warmupEpochs (1) is not below the 1 epoch(s)"), r.err());
    }

    @Test
    void outPointingAtAFileIsBadInputNamingItWithoutATrace(@TempDir Path dir) throws Exception {
        Path cfg = dir.resolve("tiny.json");
        Files.writeString(cfg, """
                {"dataset": {"kind": "builtin", "trainSize": 16, "testSize": 8},
                 "training": {"epochs": 1, "batchSize": 8}, "device": "cpu"}
                """);
        Path file = dir.resolve("runs.txt");
        Files.writeString(file, "not a folder");
        Result r = run("train", "--config", cfg.toString(), "--out", file.toString());
        assertEquals(Main.BAD_INPUT, r.code(), r.err() + r.out());
        assertEquals("error: " + file + ": is a file, expected a folder to make run folders in", r.err().strip(),
                "one line, no stack trace");
        assertEquals("not a folder", Files.readString(file), "the file is left as it was");
    }

    @Test
    void aGpuIndexPastAnIntIsBadInputNamingTheDevice(@TempDir Path dir) throws Exception {
        Path cfg = dir.resolve("tiny.json");
        Files.writeString(cfg, "{\"dataset\": {\"trainSize\": 16, \"testSize\": 8}}");
        Result r = run("train", "--config", cfg.toString(), "--device", "gpu:99999999999",
                "--out", dir.resolve("runs").toString());
        assertEquals(Main.BAD_INPUT, r.code(), r.err() + r.out());
        assertEquals("error: config: device: gpu index 99999999999 is out of range (gpu:0 is the first GPU)",
                r.err().strip());
    }

    @Test
    void trainWritesARunFolderAndReportsTheTestError(@TempDir Path dir) throws Exception {
        Path cfg = dir.resolve("tiny.json");
        Files.writeString(cfg, """
                {"name": "tiny", "network": {"arch": "resnet20"},
                 "dataset": {"kind": "builtin", "trainSize": 64, "testSize": 32},
                 "training": {"epochs": 1, "batchSize": 16, "learningRate": 0.05, "warmupEpochs": 0},
                 "seed": 3, "device": "cpu"}
                """);
        Result r = run("train", "--config", cfg.toString(), "--out", dir.resolve("runs").toString());
        assertEquals(0, r.code(), r.err() + r.out());
        assertTrue(r.out().contains("epoch 1/1 step 4/4"), r.out());
        assertTrue(r.out().contains("completed after 1 epoch(s)") && r.out().contains("test top-1 error final"),
                r.out());
        List<Path> runs;
        try (Stream<Path> s = Files.list(dir.resolve("runs"))) {
            runs = s.toList();
        }
        assertEquals(1, runs.size());
        Path run = runs.get(0);
        assertTrue(run.getFileName().toString().startsWith("tiny-"), run.toString());
        for (String f : List.of("config.json", "provenance.json", "metrics-steps.csv", "metrics-epochs.csv",
                "status.json")) {
            assertTrue(Files.exists(run.resolve(f)), f);
        }
        assertEquals(1 + 4, Files.readAllLines(run.resolve("metrics-steps.csv")).size(), "header + 4 steps");
    }

    @Test
    void dataWritesAPreviewGridOfTheBuiltinSet(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("grid.png");
        Result r = run("data", "--dataset", "builtin", "--preview", png.toString(), "--per-class", "4");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("train: 10000 images of 3x32x32, 10 classes"), r.out());
        assertTrue(ImageIO.read(png.toFile()).getWidth() > 4 * 32, "grid has four samples per row");
    }

    @Test
    void dataOnAMissingFolderIsBadInputNamingTheFile(@TempDir Path dir) {
        Result r = run("data", "--dataset", "cifar10", "--path", dir.resolve("none").toString());
        assertEquals(Main.BAD_INPUT, r.code(), r.out());
        assertTrue(r.err().contains(dir.resolve("none").toString()), r.err());
    }

    @Test
    void dataOnIdxFilesPrintsOneChannelAndWritesAGreyGrid(@TempDir Path dir) throws Exception {
        org.mlaan.lab.data.IdxFixtures.digits(dir, 20, 10, 28, 28, true);
        Path png = dir.resolve("grid.png");
        Result r = run("data", "--dataset", "idx", "--path", dir.toString(), "--preview", png.toString(),
                "--per-class", "2");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("train: 20 images of 1x32x32, 10 classes"), r.out());
        assertTrue(r.out().contains("test: 10 images of 1x32x32, 10 classes"), r.out());
        java.awt.image.BufferedImage grid = ImageIO.read(png.toFile());
        assertTrue(grid.getWidth() > 2 * 32 && grid.getHeight() > 10 * 32, grid.getWidth() + "x" + grid.getHeight());
    }

    @Test
    void dataOnAnIdxFileWithAWrongMagicIsBadInputNamingTheFile(@TempDir Path dir) throws Exception {
        org.mlaan.lab.data.IdxFixtures.digits(dir, 4, 2, 28, 28, false);
        Files.write(dir.resolve("train-labels-idx1-ubyte"), new byte[] {0, 0, 8, 3, 0, 0, 0, 4});
        Result r = run("data", "--dataset", "idx", "--path", dir.toString());
        assertEquals(Main.BAD_INPUT, r.code(), r.out());
        assertTrue(r.err().contains(dir.resolve("train-labels-idx1-ubyte") + ": magic number 0x00000803, expected"
                + " 0x00000801"), r.err());
    }

    @Test
    void planWithOneChannelHasTheGreyStem() {
        Result r = run("plan", "--arch", "resnet20", "--channels", "1");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("resnet20, input 1x32x32, 10 classes"), r.out());
        assertTrue(r.out().contains("272,186"), "272,474 less 2 x 9 x 16 stem weights: " + r.out());
    }

    private static Path tinyLocalConfig(Path dir, String method) throws Exception {
        Path cfg = dir.resolve("local.json");
        Files.writeString(cfg, """
                {"name": "tiny-local", "network": {"arch": "resnet20"}, "method": "%s",
                 "split": {"cutsAfter": ["1.1", "2.1"]},
                 "dataset": {"kind": "builtin", "trainSize": 48, "testSize": 16},
                 "training": {"epochs": 1, "batchSize": 8, "learningRate": 0.05, "warmupEpochs": 0},
                 "seed": 5, "device": "cpu"}
                """.formatted(method));
        return cfg;
    }

    @Test
    void benchComparesEachMethodWithBpInOneProcess(@TempDir Path dir) throws Exception {
        Result r = run("bench", "--config", tinyLocalConfig(dir, "DGL+MLAAN").toString(), "--steps", "2",
                "--methods", "BP,DGL,DGL+MLAAN", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode methods = ConfigFiles.mapper().readTree(r.out()).get("methods");
        assertEquals(3, methods.size());
        assertEquals("DGL+MLAAN", methods.get(2).get("method").asText());
        assertEquals(1.0, methods.get(0).get("speedRatioToBp").asDouble(), 1e-12);
        for (JsonNode m : methods) {
            assertTrue(m.get("imagesPerSecond").asDouble() > 0, r.out());
            assertTrue(m.get("peakLiveBytes").asLong() > 0, r.out());
            assertTrue(m.get("meterSecondsPerStep").asDouble() > 0, "bench meters every step: " + r.out());
        }
        assertTrue(methods.get(1).get("liveRatioToBp").asDouble() < 1, "DGL keeps less alive than BP: " + r.out());
        // BP and DGL pass each unit once each way; DGL+MLAAN adds its leap blocks and backwards an
        // interior module once per hop class.
        int units = methods.get(0).get("forwardBlocks").asInt();
        assertTrue(units > 0, r.out());
        assertEquals(units, methods.get(0).get("backwardBlocks").asInt(), r.out());
        assertEquals(units, methods.get(1).get("forwardBlocks").asInt(), r.out());
        assertEquals(units, methods.get(1).get("backwardBlocks").asInt(), r.out());
        assertTrue(methods.get(2).get("forwardBlocks").asInt() > units, r.out());
        assertTrue(methods.get(2).get("backwardBlocks").asInt() > methods.get(2).get("forwardBlocks").asInt() - units,
                r.out());
    }

    @Test
    void benchProfilePrintsEachPhaseAndTheTopOpsAndWritesATrace(@TempDir Path dir) throws Exception {
        Path traces = dir.resolve("traces");
        Result r = run("bench", "--config", tinyLocalConfig(dir, "DGL+MLAAN").toString(), "--steps", "1",
                "--methods", "BP,DGL+MLAAN", "--profile", traces.toString(), "--top", "5");
        assertEquals(0, r.code(), r.err());
        for (String line : List.of("  data ", "  forward and backward ", "  module 0 ", "  EMA twins ", "  optimiser ",
                "aten::convolution_backward")) {
            assertTrue(r.out().contains(line), line + "\n" + r.out());
        }
        assertTrue(Files.size(traces.resolve("profile-bp.json")) > 0);
        assertTrue(Files.size(traces.resolve("profile-dgl-mlaan.json")) > 0);
        Result both = run("bench", "--config", tinyLocalConfig(dir, "DGL").toString(), "--isolate", "--profile",
                traces.toString());
        assertEquals(Main.BAD_INPUT, both.code());
        assertTrue(both.err().contains("--profile"), both.err());
    }

    @Test
    void memoryRunsBpAndTheMethodEachInItsOwnJvm(@TempDir Path dir) throws Exception {
        Result r = run("memory", "--config", tinyLocalConfig(dir, "DGL").toString(), "--steps", "1");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("live tensors") && r.out().contains("process RSS"), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("BP ") && l.contains("100.0%")), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("DGL ")), r.out());
    }

    @Test
    void memoryOfABpConfigIsBadInput(@TempDir Path dir) throws Exception {
        Path cfg = dir.resolve("bp.json");
        Files.writeString(cfg, "{\"device\": \"cpu\"}");
        Result r = run("memory", "--config", cfg.toString());
        assertEquals(Main.BAD_INPUT, r.code());
        assertTrue(r.err().contains("method is BP"), r.err());
    }

    @Test
    void ablateRunsEveryMethodForEverySeedAndPrintsMeanAndSpread(@TempDir Path dir) throws Exception {
        Result r = run("ablate", "--config", tinyLocalConfig(dir, "DGL+MLAAN").toString(), "--seeds", "2",
                "--out", dir.resolve("runs").toString());
        assertEquals(0, r.code(), r.err() + r.out());
        for (String m : List.of("BP", "DGL", "DGL+MLM", "DGL+LAM", "DGL+MLAAN")) {
            assertTrue(r.out().lines().anyMatch(l -> l.startsWith(m + " ") && l.contains("±")), m + "\n" + r.out());
        }
        try (Stream<Path> s = Files.list(dir.resolve("runs"))) {
            assertEquals(10, s.count(), "5 methods x 2 seeds, each its own run folder");
        }
    }

    @Test
    void sigtermStopsTrainingAfterTheStepAndKeepsACheckpoint(@TempDir Path dir) throws Exception {
        Path cfg = dir.resolve("long.json");
        Files.writeString(cfg, """
                {"name": "long", "network": {"arch": "resnet20"},
                 "dataset": {"kind": "builtin", "trainSize": 400, "testSize": 16},
                 "training": {"epochs": 3, "batchSize": 8}, "device": "cpu"}
                """);
        Path runs = dir.resolve("runs");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "train", "--config", cfg.toString(), "--out", runs.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("log.txt").toFile()).start();
        Path steps = null;
        try {
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(120);
            while (System.nanoTime() < deadline && p.isAlive()) {
                try (Stream<Path> s = Files.exists(runs) ? Files.list(runs) : Stream.empty()) {
                    steps = s.map(r -> r.resolve("metrics-steps.csv")).filter(Files::exists).findFirst().orElse(null);
                }
                if (steps != null && Files.readAllLines(steps).size() > 3) {
                    break;
                }
                p.waitFor(200, java.util.concurrent.TimeUnit.MILLISECONDS);
            }
            assertTrue(steps != null && p.isAlive(), "training started: " + Files.readString(dir.resolve("log.txt")));
            p.destroy(); // SIGTERM, as Ctrl-C
            assertTrue(p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS), "stopped");
        } finally {
            p.destroyForcibly();
        }
        Path run = steps.getParent();
        String status = Files.readString(run.resolve("status.json"));
        assertTrue(status.contains("\"cancelled\"") || status.contains("CANCELLED"), status);
        assertTrue(Files.exists(run.resolve("checkpoints/last/state.json")), "checkpoint kept");
        Result shortened = run("train", "--resume", run.toString(), "--epochs", "1");
        assertEquals(Main.BAD_INPUT, shortened.code(), shortened.err() + shortened.out());
        assertTrue(shortened.err().startsWith("error: --epochs 1: " + run + " was started for 3 epochs"),
                shortened.err());
        Result resumed = run("train", "--resume", run.toString());
        assertEquals(0, resumed.code(), resumed.err() + resumed.out());
        assertTrue(resumed.out().contains("completed after 3 epoch(s)"), resumed.out());
    }

    @Test
    void resumingWhatIsNotAResumableRunIsBadInputNamingTheFolder(@TempDir Path dir) throws Exception {
        Result notARun = run("train", "--resume", dir.toString());
        assertEquals(Main.BAD_INPUT, notARun.code(), notARun.err());
        assertEquals("error: " + dir + ": not a run folder (no config.json)", notARun.err().strip());
        Path cfg = dir.resolve("config.json");
        Files.writeString(cfg, "{\"training\": {\"epochs\": 1}, \"dataset\": {\"kind\": \"builtin\", \"trainSize\": 16,"
                + " \"testSize\": 8}, \"device\": \"cpu\"}");
        Result noCheckpoint = run("train", "--resume", dir.toString());
        assertEquals(Main.BAD_INPUT, noCheckpoint.code(), noCheckpoint.err());
        assertTrue(noCheckpoint.err().startsWith("error: " + dir + ": no checkpoint to resume from"), noCheckpoint.err());
    }
}
