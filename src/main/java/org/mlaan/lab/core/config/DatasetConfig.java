package org.mlaan.lab.core.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * Which images a run learns from. Missing fields take the defaults named in each description.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DatasetConfig(
        @JsonPropertyDescription("builtin | cifar10 | stl10 | svhn | folder | idx (default builtin)")
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
        Boolean augment,
        @JsonPropertyDescription("standard | shifted | lesson: the built-in set's classes drawn in another style; shifted:"
                + " darker scenes, heavier noise, more clutter, a domain shift for MLAAN Table 6; lesson: no clutter and"
                + " little noise, learned in far fewer images (default standard; builtin only)")
        String variant,
        @JsonPropertyDescription("pad images smaller than 32x32 with black to 32x32, so that a CIFAR ResNet's stages"
                + " have the papers' shapes; false keeps them as they are, 28x28 for MNIST (default true; idx only)")
        Boolean padTo32) {

    public static final int DEFAULT_BUILTIN_TRAIN = 10_000;
    public static final int DEFAULT_BUILTIN_TEST = 2_000;
    public static final int DEFAULT_FOLDER_IMAGE_SIZE = 64;
    public static final long DEFAULT_GENERATOR_SEED = 2406L;

    /** A config without a variant (the standard images), as written before variants existed. */
    public DatasetConfig(String kind, String path, Integer trainSize, Integer testSize, Integer imageSize,
            Long generatorSeed, Boolean augment) {
        this(kind, path, trainSize, testSize, imageSize, generatorSeed, augment, null);
    }

    /** A config without {@code padTo32}, as written before the IDX reader existed. */
    public DatasetConfig(String kind, String path, Integer trainSize, Integer testSize, Integer imageSize,
            Long generatorSeed, Boolean augment, String variant) {
        this(kind, path, trainSize, testSize, imageSize, generatorSeed, augment, variant, null);
    }

    /** The built-in set at its default size. */
    public static DatasetConfig builtin() {
        return new DatasetConfig("builtin", null, null, null, null, null, null, null, null);
    }

    /** The same data set with other image counts (null: the kind's default). */
    public DatasetConfig withSizes(Integer train, Integer test) {
        return new DatasetConfig(kind, path, train, test, imageSize, generatorSeed, augment, variant, padTo32);
    }

    /** The same data set read from another folder. */
    public DatasetConfig withPath(String p) {
        return new DatasetConfig(kind, p, trainSize, testSize, imageSize, generatorSeed, augment, variant, padTo32);
    }

    /**
     * The same data set with at most {@code train} training and {@code test} test images: the
     * first ones of what the config names (its own counts, else the kind's defaults).
     */
    public DatasetConfig capped(int train, int test) {
        boolean builtin = kindOrDefault() == DatasetKind.BUILTIN;
        Integer trainNow = trainSize != null ? trainSize : builtin ? DEFAULT_BUILTIN_TRAIN : null;
        Integer testNow = testSize != null ? testSize : builtin ? DEFAULT_BUILTIN_TEST : null;
        return withSizes(trainNow == null ? train : Math.min(trainNow, train),
                testNow == null ? test : Math.min(testNow, test));
    }

    /** The same data set in another variant. */
    public DatasetConfig withVariant(String v) {
        return new DatasetConfig(kind, path, trainSize, testSize, imageSize, generatorSeed, augment, v, padTo32);
    }

    public DatasetVariant variantOrDefault() {
        return variant == null ? DatasetVariant.STANDARD : DatasetVariant.parse(variant);
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

    public boolean padTo32OrDefault() {
        return padTo32 == null || padTo32;
    }

    public int imageSizeOrDefault() {
        return imageSize == null ? DEFAULT_FOLDER_IMAGE_SIZE : imageSize;
    }
}
