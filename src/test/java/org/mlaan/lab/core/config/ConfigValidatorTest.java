package org.mlaan.lab.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigValidatorTest {

    private static List<String> problems(String json) {
        return ConfigValidator.problems(ConfigFiles.mapperRead(json));
    }

    @Test
    void aBatchLargerThanTheGivenTrainingSetNamesBothNumbers() {
        assertEquals(List.of("training.batchSize: 1000 images per step is more than the 600 training images"
                + " (dataset.trainSize)"),
                problems("{\"dataset\": {\"trainSize\": 600}, \"training\": {\"batchSize\": 1000}}"));
    }

    @Test
    void aBatchLargerThanTheBuiltinDefaultSizeSaysItIsTheDefault() {
        assertEquals(List.of("training.batchSize: 20000 images per step is more than the 10000 training images"
                + " (the built-in set's default size)"),
                problems("{\"training\": {\"batchSize\": 20000}}"));
    }

    @Test
    void aBatchAsLargeAsTheSetOrTheDefaultBatchOnASmallSetRuns() {
        assertEquals(List.of(), problems("{\"dataset\": {\"trainSize\": 600}, \"training\": {\"batchSize\": 600}}"));
        assertEquals(List.of(), problems("{\"dataset\": {\"trainSize\": 16}}"), "the default 128 is the whole set");
        assertEquals(List.of(), problems("{\"dataset\": {\"kind\": \"cifar10\", \"path\": \"x\"},"
                + " \"training\": {\"batchSize\": 100000}}"), "a file set read whole is checked once read");
    }

    @Test
    void aGpuIndexPastAnIntIsOutOfRangeNotANumberFormatError() {
        assertEquals(List.of("device: gpu index 99999999999 is out of range (gpu:0 is the first GPU)"),
                problems("{\"device\": \"gpu:99999999999\"}"));
        assertEquals(List.of(), problems("{\"device\": \"gpu:2147483647\"}"), "an int index is the engine's to judge");
    }

    @Test
    void idxWithoutAPathIsAProblemNamingThePath() {
        assertEquals(List.of("dataset.path: required for dataset.kind 'idx' (the folder holding its files)"),
                problems("{\"dataset\": {\"kind\": \"idx\"}}"));
        assertEquals(List.of(), problems("{\"dataset\": {\"kind\": \"idx\", \"path\": \"/usr/share/datasets/fashion-mnist\","
                + " \"padTo32\": false}}"));
    }

    @Test
    void padTo32IsRefusedForSetsThatAreNotIdx() {
        assertEquals(List.of("dataset.padTo32: only idx images (28x28) are padded; dataset.kind 'cifar10' is read"
                + " at its own size (leave padTo32 out)"),
                problems("{\"dataset\": {\"kind\": \"cifar10\", \"path\": \"x\", \"padTo32\": true}}"));
    }
}
