package org.mlaan.lab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlaan.lab.analysis.TinyTrainedRuns;
import org.mlaan.lab.cli.CommandLineTest.Result;
import org.mlaan.lab.core.config.ConfigFiles;
import org.mlaan.lab.core.io.FileDigest;
import org.mlaan.lab.core.io.SafetensorsFile;
import org.mlaan.lab.core.io.SafetensorsFile.Tensor;

/** {@code export} and {@code train --init} as a user calls them. */
class WeightsCommandsTest {
    @TempDir
    Path dir;

    private Path config() throws Exception {
        Path cfg = dir.resolve("tiny.json");
        Files.writeString(cfg, """
                {"name": "tiny", "network": {"arch": "resnet20"},
                 "dataset": {"kind": "builtin", "trainSize": 32, "testSize": 16},
                 "training": {"epochs": 1, "batchSize": 16, "learningRate": 0.05, "warmupEpochs": 0},
                 "seed": 3, "device": "cpu"}
                """);
        return cfg;
    }

    private Path exported() {
        Path file = dir.resolve("bp.safetensors");
        Result r = CommandLineTest.run("export", TinyTrainedRuns.bp().toString(), "--to", file.toString());
        assertEquals(0, r.code(), r.err());
        return file;
    }

    private static List<Path> runsIn(Path runs) throws Exception {
        if (!Files.exists(runs)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(runs)) {
            return s.toList();
        }
    }

    @Test
    void exportWritesTheBackboneAndTrainInitStartsFromItRecordingTheFileInProvenance() throws Exception {
        Path file = dir.resolve("bp.safetensors");
        Result export = CommandLineTest.run("export", TinyTrainedRuns.bp().toString(), "--to", file.toString());
        assertEquals(0, export.code(), export.err());
        assertTrue(export.out().contains("wrote " + file) && export.out().contains("backbone arrays from checkpoint 1.0"),
                export.out());

        Path runs = dir.resolve("runs");
        Result train = CommandLineTest.run("train", "--config", config().toString(), "--init", file.toString(),
                "--out", runs.toString());
        assertEquals(0, train.code(), train.err() + train.out());
        Path run = runsIn(runs).get(0);
        JsonNode init = ConfigFiles.mapper().readTree(run.resolve("provenance.json").toFile()).get("initFrom");
        assertEquals(FileDigest.of(file).sha256(), init.get("sha256").asText());
        assertEquals(file.toAbsolutePath().toString(), init.get("file").asText());
    }

    @Test
    void truncatedWeightsAreBadInputNamingTheFileAndTheArrayAndMakeNoRunFolder() throws Exception {
        byte[] whole = Files.readAllBytes(exported());
        Path cut = dir.resolve("cut.safetensors");
        Files.write(cut, Arrays.copyOf(whole, whole.length - 16));
        Path runs = dir.resolve("runs");

        Result r = CommandLineTest.run("train", "--config", config().toString(), "--init", cut.toString(),
                "--out", runs.toString());
        assertEquals(Main.BAD_INPUT, r.code(), r.err());
        assertTrue(r.err().contains(cut.toString()) && r.err().contains("'fc.bias'")
                && r.err().contains("truncated"), r.err());
        assertEquals(List.of(), runsIn(runs));
    }

    @Test
    void weightsOfAnotherShapeAreBadInputNamingTheFileAndTheArray() throws Exception {
        Map<String, Tensor> weights = new LinkedHashMap<>(SafetensorsFile.read(exported()).tensors());
        weights.put("layer2.0.conv1.weight", Tensor.ofFloats(new long[] {32, 16, 1, 1}, new float[32 * 16]));
        Path wrong = dir.resolve("wrong.safetensors");
        SafetensorsFile.write(wrong, weights, Map.of());
        Path runs = dir.resolve("runs");

        Result r = CommandLineTest.run("train", "--config", config().toString(), "--init", wrong.toString(),
                "--out", runs.toString());
        assertEquals(Main.BAD_INPUT, r.code(), r.err());
        assertTrue(r.err().contains(wrong.toString())
                && r.err().contains("layer2.0.conv1.weight is [32, 16, 1, 1] in the file, [32, 16, 3, 3]"), r.err());
        assertEquals(List.of(), runsIn(runs));
    }

    @Test
    void initTogetherWithResumeIsBadInput() {
        Result r = CommandLineTest.run("train", "--resume", TinyTrainedRuns.bp().toString(), "--init",
                dir.resolve("w.safetensors").toString());
        assertEquals(Main.BAD_INPUT, r.code());
        assertTrue(r.err().contains("--init and --resume"), r.err());
    }

    @Test
    void exportOfAFolderThatIsNotARunIsBadInput() {
        Result r = CommandLineTest.run("export", dir.toString(), "--to", dir.resolve("x.safetensors").toString());
        assertEquals(Main.BAD_INPUT, r.code());
        assertTrue(r.err().contains("RUN_DIR") && r.err().contains(dir.toString()), r.err());
    }
}
