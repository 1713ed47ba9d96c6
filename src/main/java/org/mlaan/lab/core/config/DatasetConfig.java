package org.mlaan.lab.core.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * Which images a run learns from. Missing fields take the defaults named in each description.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DatasetConfig(
        @JsonPropertyDescription("builtin | cifar10 | stl10 | svhn | folder (default builtin)")
        String kind,
        @JsonPropertyDescription("folder holding the data set's files; required for all but builtin")
        String path,
        @JsonPropertyDescription("training images to use: generated count for builtin (default 10000),"
                + " or the first N of a real set (default all)")
        Integer trainSize,
        @JsonPropertyDescription("test images to use: generated count for builtin (default 2000), or the first N")
        Integer testSize,
        @JsonPropertyDescription("edge in pixels images are resized to, folder data only (default 64)")
        Integer imageSize,
        @JsonPropertyDescription("seed of the generated builtin set (default 2406), independent of the run seed")
        Long generatorSeed,
        @JsonPropertyDescription("apply the data set's training augmentation of ALGORITHMS.md B.7 (default true)")
        Boolean augment) {

    public static final int DEFAULT_BUILTIN_TRAIN = 10_000;
    public static final int DEFAULT_BUILTIN_TEST = 2_000;
    public static final int DEFAULT_FOLDER_IMAGE_SIZE = 64;
    public static final long DEFAULT_GENERATOR_SEED = 2406L;

    /** The built-in set at its default size. */
    public static DatasetConfig builtin() {
        return new DatasetConfig("builtin", null, null, null, null, null, null);
    }

    public DatasetKind kindOrDefault() {
        return kind == null ? DatasetKind.BUILTIN : DatasetKind.parse(kind);
    }

    public long generatorSeedOrDefault() {
        return generatorSeed == null ? DEFAULT_GENERATOR_SEED : generatorSeed;
    }

    public boolean augmentOrDefault() {
        return augment == null || augment;
    }

    public int imageSizeOrDefault() {
        return imageSize == null ? DEFAULT_FOLDER_IMAGE_SIZE : imageSize;
    }
}
