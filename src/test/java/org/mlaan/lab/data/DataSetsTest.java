package org.mlaan.lab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlaan.lab.core.config.DatasetConfig;

class DataSetsTest {

    @TempDir
    Path dir;

    private static DatasetConfig config(String kind, Path path, Integer train, Integer test, Boolean augment) {
        return new DatasetConfig(kind, path == null ? null : path.toString(), train, test, null, null, augment);
    }

    @Test
    void builtinDefaultsToTenThousandAndTwoThousandImagesWithCifarStyleAugmentation() throws IOException {
        LoadedData data = DataSets.open(DatasetConfig.builtin());
        assertEquals(10_000, data.train().size());
        assertEquals(2_000, data.test().size());
        assertEquals(10, data.numClasses());
        assertEquals(32, data.inputSize());
        assertEquals(new PadCropFlip(4, PadCropFlip.PadMode.REFLECT, true, Normalization.BUILTIN),
                data.trainTransform());
        assertEquals(PadCropFlip.plain(Normalization.BUILTIN), data.testTransform());
    }

    @Test
    void builtinHonoursSizesAndGeneratorSeed() throws IOException {
        DatasetConfig c = new DatasetConfig(null, null, 120, 30, null, 77L, null);
        LoadedData data = DataSets.open(c);
        assertEquals(120, data.train().size());
        assertEquals(30, data.test().size());
        assertArrayEquals(new BuiltinScenes(77).train(5).image(4), data.train().image(4));
    }

    @Test
    void builtinNormalisationMatchesTheGeneratedPixels() {
        for (long seed : new long[] {1, 2406}) {
            Normalization measured = Normalization.measure(new BuiltinScenes(seed).train(3000));
            for (int c = 0; c < 3; c++) {
                assertEquals(Normalization.BUILTIN.mean()[c], measured.mean()[c], 0.01, "mean, seed " + seed);
                assertEquals(Normalization.BUILTIN.std()[c], measured.std()[c], 0.01, "std, seed " + seed);
            }
        }
    }

    @Test
    void withoutAugmentationTrainingUsesThePlainTestTransform() throws IOException {
        LoadedData data = DataSets.open(config("builtin", null, 20, 10, false));
        assertEquals(data.testTransform(), data.trainTransform());
    }

    @Test
    void cifar10GetsPadCropFlipAndCifarNormalisation() throws IOException {
        DatasetFixtures.cifar10(dir, 3, 4);
        LoadedData data = DataSets.open(config("cifar10", dir, 7, null, null));
        assertEquals(7, data.train().size());
        assertEquals(4, data.test().size());
        assertEquals(PadCropFlip.cifar10Train(), data.trainTransform());
        assertEquals(PadCropFlip.plain(Normalization.CIFAR10), data.testTransform());
    }

    @Test
    void svhnGetsZeroPadCropWithoutFlipAndHalfNormalisation() throws IOException {
        DatasetFixtures.svhn(dir, 5, 2);
        LoadedData data = DataSets.open(config("svhn", dir, null, null, null));
        assertEquals(5, data.train().size());
        assertEquals(PadCropFlip.svhnTrain(), data.trainTransform());
        assertEquals(PadCropFlip.plain(Normalization.HALF), data.testTransform());
    }

    @Test
    void stl10GetsPadCropFlipAtNinetySixPixels() throws IOException {
        DatasetFixtures.stl10(dir, 3, 2);
        LoadedData data = DataSets.open(config("stl10", dir, null, 1, null));
        assertEquals(96, data.inputSize());
        assertEquals(1, data.test().size());
        assertEquals(PadCropFlip.stl10Train(), data.trainTransform());
        assertEquals(PadCropFlip.plain(Normalization.HALF), data.testTransform());
    }

    @Test
    void folderGetsRandomResizedCropAtTheConfiguredSize() throws IOException {
        DatasetFixtures.folder(dir, 3, 2);
        LoadedData data = DataSets.open(new DatasetConfig("folder", dir.toString(), null, null, 24, null, null));
        assertEquals(6, data.train().size());
        assertEquals(3, data.numClasses());
        assertEquals(24, data.inputSize());
        assertEquals(RandomResizedCropFlip.imagenetTrain(24), data.trainTransform());
        assertEquals(PadCropFlip.plain(Normalization.IMAGENET), data.testTransform());
    }

    @Test
    void fileKindsWithoutPathSayWhatFolderIsNeeded() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DataSets.open(config("cifar10", null, null, null, null)));
        assertEquals("dataset.path: required for dataset.kind 'cifar10' (the folder holding its files: "
                + "data_batch_1.bin .. data_batch_5.bin and test_batch.bin)", e.getMessage());
    }

    @Test
    void pathToAMissingFolderIsAFormatError() {
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> DataSets.open(config("stl10", dir.resolve("nowhere"), null, null, null)));
        assertEquals(dir.resolve("nowhere") + ": no such folder (expected the STL-10 binary folder)",
                e.getMessage());
    }

    @Test
    void idxDigitsArePaddedToOneChannelOf32AndCroppedWithoutAFlip() throws IOException {
        IdxFixtures.digits(dir, 12, 4, 28, 28, true);
        Normalization measured = new IdxReader(dir, true).normalization();
        LoadedData data = DataSets.open(config("idx", dir, null, null, null));
        assertEquals(12, data.train().size());
        assertEquals(4, data.test().size());
        assertEquals(1, data.inputChannels());
        assertEquals(32, data.inputSize());
        PadCropFlip train = (PadCropFlip) data.trainTransform();
        assertEquals(List.of(4, PadCropFlip.PadMode.ZERO, false), List.of(train.pad(), train.mode(), train.flip()),
                "pad 4 with black and crop; no flip, digits are not mirror-symmetric");
        for (SampleTransform t : List.of(data.trainTransform(), data.testTransform())) {
            assertArrayEquals(measured.mean(), t.normalization().mean());
            assertArrayEquals(measured.std(), t.normalization().std());
        }
        assertEquals(0, ((PadCropFlip) data.testTransform()).pad());
        assertEquals(3, DataSets.open(config("builtin", null, 8, 4, null)).inputChannels());
    }

    @Test
    void idxFashionIsFlippedAndUnpaddedImagesStay28() throws IOException {
        Path fashion = dir.resolve("fashion-mnist");
        IdxFixtures.digits(fashion, 12, 4, 28, 28, false);
        LoadedData data = DataSets.open(new DatasetConfig("idx", fashion.toString(), null, null, null, null, null,
                null, false));
        assertEquals(28, data.inputSize());
        assertTrue(((PadCropFlip) data.trainTransform()).flip(), "clothes keep their class in a mirror");
        assertEquals(IdxReader.FASHION_CLASS_NAMES, data.train().classNames());
    }
}
