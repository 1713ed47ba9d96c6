package org.mlaan.lab.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
    void aFractionForAWholeNumberIsRefusedNotTruncated() {
        // Jackson truncated 1.5 to 1 epoch. 1.0 is refused too: one rule (no decimal point in a
        // whole-number field) is easier to state and to follow than "fractions that happen to be whole".
        for (String value : List.of("1.5", "1.0", "-0.5")) {
            ConfigException e = assertThrows(ConfigException.class,
                    () -> ConfigFiles.parse("{\"training\": {\"epochs\": " + value + "}}", "f.json"));
            assertEquals("f.json: training.epochs: expected a whole number, got " + value, e.getMessage());
        }
    }

    @Test
    void anExponentBatchIsRefusedAsWrittenInTheFile() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigFiles.parse("{\"training\": {\"batchSize\": 1e9}}", "f.json"));
        assertEquals(List.of("training.batchSize: expected a whole number, got 1e9"), e.problems());
    }

    @Test
    void aNumberTooBigForItsFieldNamesTheFieldAndTheLimit() {
        ConfigException epochs = assertThrows(ConfigException.class,
                () -> ConfigFiles.parse("{\"training\": {\"epochs\": 99999999999}}", "f.json"));
        assertEquals(List.of("training.epochs: expected a whole number up to 2147483647, got 99999999999"),
                epochs.problems());
        ConfigException negative = assertThrows(ConfigException.class,
                () -> ConfigFiles.parse("{\"training\": {\"batchSize\": -99999999999}}", "f.json"));
        assertEquals(List.of("training.batchSize: expected a whole number of at least -2147483648,"
                + " got -99999999999"), negative.problems());
        ConfigException seed = assertThrows(ConfigException.class,
                () -> ConfigFiles.parse("{\"seed\": 99999999999999999999}", "f.json"));
        assertEquals(List.of("seed: expected a whole number up to 9223372036854775807, got 99999999999999999999"),
                seed.problems());
    }

    @Test
    void wholeNumbersAtTheLimitsStillRead() throws ConfigException {
        ExperimentConfig c = ConfigFiles.parse("{\"seed\": -9223372036854775808, \"training\": {\"epochs\": 3}}",
                "f.json");
        assertEquals(Long.MIN_VALUE, c.seedOrDefault());
        assertEquals(3, c.training().epochsOrDefault());
    }

    @Test
    void aKeyGivenTwiceIsRefusedWithItsPathAndLine() {
        ConfigException nested = assertThrows(ConfigException.class, () -> ConfigFiles.parse("""
                {"training": {
                  "epochs": 3,
                  "batchSize": 8,
                  "epochs": 30}}
                """, "twice.json"));
        assertEquals(List.of("training.epochs: given twice (line 4); give each key once"), nested.problems());
        ConfigException top = assertThrows(ConfigException.class,
                () -> ConfigFiles.parse("{\"seed\": 1,\n\"seed\": 2}", "twice.json"));
        assertTrue(top.getMessage().startsWith("twice.json: seed: given twice (line 2)"), top.getMessage());
        ConfigException inList = assertThrows(ConfigException.class, () -> ConfigFiles.parse(
                "{\"local\": {\"modules\": [{\"module\": 0, \"module\": 1}]}}", "twice.json"));
        assertTrue(inList.getMessage().startsWith("twice.json: local.modules[0].module: given twice (line 1)"),
                inList.getMessage());
    }

    @Test
    void aByteOrderMarkIsSkipped(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("bom.json");
        byte[] json = "{\"seed\": 7}".getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[json.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(json, 0, withBom, 3, json.length);
        Files.write(f, withBom);
        assertEquals(7, ConfigFiles.read(f).seedOrDefault());
        assertEquals(7, ConfigFiles.parse("\uFEFF{\"seed\": 7}", "pasted").seedOrDefault());
    }

    @Test
    void aFileThatIsNotUtf8IsNamedWithItsFirstBadByte(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("latin1.json");
        Files.write(f, "{\n  \"description\": \"r\u00e9sum\u00e9 \u00e0 la main\"\n}".getBytes(StandardCharsets.ISO_8859_1));
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigFiles.read(f));
        assertEquals(f + ": not UTF-8 text: byte 0xE9 at line 2, column 20 (byte offset 21); save the file as UTF-8",
                e.getMessage());
    }

    @Test
    void theColumnOfABadByteCountsCharactersNotBytes(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("mixed.json");
        byte[] good = "{\"description\": \"\u00e9".getBytes(StandardCharsets.UTF_8); // é is 2 bytes here
        byte[] bytes = java.util.Arrays.copyOf(good, good.length + 1);
        bytes[good.length] = (byte) 0xFF;
        Files.write(f, bytes);
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigFiles.read(f));
        assertTrue(e.getMessage().endsWith("byte 0xFF at line 1, column 19 (byte offset 19); save the file as UTF-8"),
                e.getMessage());
    }

    @Test
    void tenThousandBadModuleEntriesGiveAShortMessageThatCountsThem() {
        StringBuilder modules = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            modules.append(i == 0 ? "" : ", ").append("{\"module\": ").append(100 + i).append('}');
        }
        // The module numbers are checked against the split, so by the experiment, with the file's name.
        ConfigException e = assertThrows(ConfigException.class, () -> org.mlaan.lab.core.experiment.Experiment
                .validate(ConfigFiles.parse("""
                {"network": {"arch": "resnet32"}, "method": "DGL", "split": {"preset": "resnet32-k4"},
                 "local": {"modules": [%s]}}
                """.formatted(modules), "many.json"), "many.json"));
        assertEquals(10_000, e.problems().size(), "problems() keeps every one");
        assertTrue(e.getMessage().startsWith("many.json: 10000 problems:\n  - local.modules[0].module:"),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("\n  ... and 9980 more"), e.getMessage());
        assertEquals(1 + 20 + 1, e.getMessage().lines().count(), "a header, 20 problems and the count of the rest");
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
        assertEquals(List.of("dataset.variant: unknown variant 'blurry', expected one of [standard, shifted, lesson]"),
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
