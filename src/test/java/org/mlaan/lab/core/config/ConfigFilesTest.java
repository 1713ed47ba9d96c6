package org.mlaan.lab.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlaan.lab.core.plan.Arch;

class ConfigFilesTest {

    @Test
    void emptyObjectTakesTheEmbeddedDefaults() throws ConfigException {
        ExperimentConfig c = ConfigFiles.parse("{}", "t.json");
        assertEquals(Arch.RESNET20, c.network().archOrDefault());
        assertEquals(DatasetKind.BUILTIN, c.dataset().kindOrDefault());
        assertEquals(Method.BP, c.methodOrDefault());
        assertEquals(128, c.training().batchSizeOrDefault());
        assertEquals(10, c.training().warmupEpochsOrDefault());
        assertEquals(ExperimentConfig.DEFAULT_SEED, c.seedOrDefault());
    }

    @Test
    void unknownFieldIsRejectedWithItsPathAndTheKnownFields() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigFiles.parse("{\"training\": {\"epochz\": 3}}", "demo.json"));
        assertTrue(e.getMessage().startsWith("demo.json: training.epochz: unknown field"), e.getMessage());
        assertTrue(e.getMessage().contains("epochs"), e.getMessage());
    }

    @Test
    void wrongTypeNamesTheFieldAndTheExpectedType() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigFiles.parse("{\"training\": {\"epochs\": \"many\"}}", "x.json"));
        assertTrue(e.getMessage().contains("training.epochs") && e.getMessage().contains("whole number"),
                e.getMessage());
    }

    @Test
    void brokenJsonSaysWhere() {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigFiles.parse("{\n \"seed\": 1,,\n}", "b.json"));
        assertTrue(e.getMessage().contains("b.json: not valid JSON at line 2"), e.getMessage());
    }

    @Test
    void everyBadValueIsListedWithItsField() {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigFiles.parse("""
                {"network": {"arch": "resnet33"}, "method": "SGD", "device": "tpu",
                 "dataset": {"kind": "cifar10"},
                 "training": {"epochs": 0, "batchSize": -1, "learningRate": 0, "momentum": 1.5}}
                """, "many.json"));
        List<String> p = e.problems();
        assertTrue(p.stream().anyMatch(s -> s.startsWith("network.arch: unknown network 'resnet33'")), p.toString());
        assertTrue(p.stream().anyMatch(s -> s.startsWith("method: unknown method 'SGD'")), p.toString());
        assertTrue(p.stream().anyMatch(s -> s.startsWith("device:")), p.toString());
        assertTrue(p.stream().anyMatch(s -> s.startsWith("dataset.path: required")), p.toString());
        assertTrue(p.stream().anyMatch(s -> s.startsWith("training.epochs:")), p.toString());
        assertTrue(p.stream().anyMatch(s -> s.startsWith("training.batchSize:")), p.toString());
        assertTrue(p.stream().anyMatch(s -> s.startsWith("training.learningRate:")), p.toString());
        assertTrue(p.stream().anyMatch(s -> s.startsWith("training.momentum:")), p.toString());
        assertEquals(8, p.size(), p.toString());
    }

    @Test
    void datasetVariantIsReadAndAnUnknownOrMisplacedOneIsNamed() throws ConfigException {
        ExperimentConfig c = ConfigFiles.parse("{\"dataset\": {\"kind\": \"builtin\", \"variant\": \"shifted\"}}",
                "v.json");
        assertEquals(DatasetVariant.SHIFTED, c.dataset().variantOrDefault());
        assertEquals(DatasetVariant.STANDARD, ExperimentConfig.defaults().dataset().variantOrDefault());
        ConfigException unknown = assertThrows(ConfigException.class, () -> ConfigFiles.parse(
                "{\"dataset\": {\"variant\": \"blurry\"}}", "v.json"));
        assertEquals(List.of("dataset.variant: unknown variant 'blurry', expected one of [standard, shifted]"),
                unknown.problems());
        ConfigException misplaced = assertThrows(ConfigException.class, () -> ConfigFiles.parse(
                "{\"dataset\": {\"kind\": \"cifar10\", \"path\": \"x\", \"variant\": \"shifted\"}}", "v.json"));
        assertTrue(misplaced.problems().get(0).startsWith("dataset.variant: only the builtin set has variants"),
                misplaced.problems().toString());
    }

    @Test
    void missingFileIsNamed(@TempDir Path dir) {
        Path f = dir.resolve("nope.json");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigFiles.read(f));
        assertEquals(f + ": no such file", e.getMessage());
    }

    @Test
    void writtenConfigReadsBackEqual(@TempDir Path dir) throws Exception {
        ExperimentConfig c = ExperimentConfig.defaults().withSeed(7).withMethod("BP")
                .withTraining(new TrainingConfig(3, 64, 0.05, null, false, 0.0, "constant", 0, null, 2, 5));
        Path f = dir.resolve("c.json");
        ConfigFiles.write(c, f);
        assertEquals(c, ConfigFiles.read(f));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file is left behind");
        }
    }

    @Test
    void everySampleConfigIsValid() throws IOException, ConfigException {
        Path dir = Path.of("sample-configs");
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertTrue(files.size() >= 5, "sample configs present");
        for (Path f : files) {
            ExperimentConfig c = ConfigFiles.read(f);
            assertEquals(f.getFileName().toString(), c.nameOrDefault() + ".json", "name matches file name");
        }
    }
}
