package org.mlaan.lab.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.mlaan.lab.core.config.DatasetConfig;
import org.mlaan.lab.core.config.DatasetKind;

/**
 * Opens the data set a config names, with the transforms of ALGORITHMS.md Part B §7:
 * <ul>
 * <li>builtin: the CIFAR-10 augmentation (reflect-pad 4, random 32 crop, flip) with the set's own
 * {@link Normalization#BUILTIN} statistics; every class is mirror-symmetric, so the flip is safe,
 * and markers keep 5 pixels from the border, so reflection never copies part of one;</li>
 * <li>cifar10: {@link PadCropFlip#cifar10Train()}, test plain with {@link Normalization#CIFAR10};</li>
 * <li>svhn: {@link PadCropFlip#svhnTrain()}, test plain with {@link Normalization#HALF};</li>
 * <li>stl10: {@link PadCropFlip#stl10Train()}, test plain with {@link Normalization#HALF};</li>
 * <li>folder: {@link RandomResizedCropFlip#imagenetTrain(int)}, test plain with
 * {@link Normalization#IMAGENET} (the resize and centre crop happen when the images are read);</li>
 * <li>idx: zero-pad 4 and random crop, flipped only for Fashion-MNIST ({@link IdxReader#mirrorSafe()}),
 * test plain, both with the training file's own statistics ({@link IdxReader#normalization()}); the
 * black padding is the black background of every set of the family.</li>
 * </ul>
 * With {@code augment=false} training uses the plain test transform too. {@code variant=shifted}
 * paints the built-in set in {@link BuiltinScenes.Style#SHIFTED}.
 */
public final class DataSets {
    private DataSets() {}

    /**
     * Loads the training and test images of {@code config} with their Part B §7 transforms.
     *
     * @throws IOException naming the file and what was wrong when a file is missing or malformed
     * @throws IllegalArgumentException when a kind that reads files has no {@code path}
     */
    public static LoadedData open(DatasetConfig config) throws IOException {
        DatasetKind kind = config.kindOrDefault();
        int trainLimit = config.trainSize() != null ? config.trainSize()
                : kind == DatasetKind.BUILTIN ? DatasetConfig.DEFAULT_BUILTIN_TRAIN : DatasetReader.ALL;
        int testLimit = config.testSize() != null ? config.testSize()
                : kind == DatasetKind.BUILTIN ? DatasetConfig.DEFAULT_BUILTIN_TEST : DatasetReader.ALL;
        DatasetReader reader;
        SampleTransform augmented;
        Normalization normalization;
        switch (kind) {
            case BUILTIN -> {
                reader = new BuiltinScenes(config.generatorSeedOrDefault(),
                        BuiltinScenes.Style.of(config.variantOrDefault()));
                normalization = Normalization.BUILTIN;
                augmented = new PadCropFlip(4, PadCropFlip.PadMode.REFLECT, true, normalization);
            }
            case CIFAR10 -> {
                reader = new Cifar10Reader(path(config, kind));
                augmented = PadCropFlip.cifar10Train();
                normalization = Normalization.CIFAR10;
            }
            case SVHN -> {
                reader = new SvhnReader(path(config, kind));
                augmented = PadCropFlip.svhnTrain();
                normalization = Normalization.HALF;
            }
            case STL10 -> {
                reader = new Stl10Reader(path(config, kind));
                augmented = PadCropFlip.stl10Train();
                normalization = Normalization.HALF;
            }
            case FOLDER -> {
                int size = config.imageSizeOrDefault();
                reader = new ImageFolderReader(path(config, kind), size);
                augmented = RandomResizedCropFlip.imagenetTrain(size);
                normalization = Normalization.IMAGENET;
            }
            case IDX -> {
                IdxReader idx = new IdxReader(path(config, kind), config.padTo32OrDefault());
                reader = idx;
                normalization = idx.normalization();
                augmented = new PadCropFlip(4, PadCropFlip.PadMode.ZERO, idx.mirrorSafe(), normalization);
            }
            default -> throw new IllegalStateException("no reader for " + kind);
        }
        SampleTransform plain = PadCropFlip.plain(normalization);
        ImageSet train = reader.train(trainLimit);
        ImageSet test = reader.test(testLimit);
        return new LoadedData(train, test, config.augmentOrDefault() ? augmented : plain, plain,
                kind == DatasetKind.BUILTIN ? BuiltinScenes.classGroups() : List.of());
    }

    private static Path path(DatasetConfig config, DatasetKind kind) {
        if (config.path() == null || config.path().isBlank()) {
            throw new IllegalArgumentException("dataset.path: required for dataset.kind '" + kind.id()
                    + "' (the folder holding its files: " + expectedFiles(kind) + ")");
        }
        return Path.of(config.path());
    }

    private static String expectedFiles(DatasetKind kind) {
        return switch (kind) {
            case CIFAR10 -> "data_batch_1.bin .. data_batch_5.bin and test_batch.bin";
            case SVHN -> "train_32x32.mat and test_32x32.mat";
            case STL10 -> "train_X.bin, train_y.bin, test_X.bin and test_y.bin";
            case FOLDER -> "train/<class>/ and test/<class>/ image folders";
            case IDX -> "train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte and"
                    + " t10k-labels-idx1-ubyte, plain or .gz";
            default -> "none";
        };
    }
}
