package org.mlaan.lab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {

    @TempDir
    Path dir;

    private static void assertPattern(ImageSet set, int top, int left, int rows, int columns) {
        for (int i = 0; i < set.size(); i++) {
            assertEquals(IdxFixtures.label(i), set.label(i), "label of image " + i);
            for (int y = 0; y < rows; y++) {
                for (int x = 0; x < columns; x++) {
                    assertEquals(IdxFixtures.pixel(i, y, x), set.pixel(i, 0, y + top, x + left),
                            "image " + i + " at row " + y + ", column " + x);
                }
            }
        }
    }

    private static DatasetFormatException refused(Path path) {
        return assertThrows(DatasetFormatException.class, () -> new IdxReader(path, true));
    }

    /** A reader of {@code at} is refused with an error that names {@code file} and says {@code what}. */
    private static void assertRefused(Path at, Path file, String what) {
        DatasetFormatException e = refused(at);
        assertEquals(file, e.path());
        assertTrue(e.getMessage().contains(what), e.getMessage());
    }

    @Test
    void readsEveryPixelAndLabelOfPlainFilesAsOneGreyChannel() throws IOException {
        IdxFixtures.digits(dir, 12, 5, 5, 4, false);
        IdxReader reader = new IdxReader(dir, false);
        ImageSet train = reader.train(DatasetReader.ALL);
        assertEquals(12, train.size());
        assertEquals(1, train.channels());
        assertEquals(5, train.height(), "rows");
        assertEquals(4, train.width(), "columns");
        assertPattern(train, 0, 0, 5, 4);
        ImageSet test = reader.test(DatasetReader.ALL);
        assertEquals(5, test.size());
        assertPattern(test, 0, 0, 5, 4);
        assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), train.classNames());
    }

    @Test
    void gzipFilesReadByteForByteAsThePlainOnes() throws IOException {
        IdxFixtures.digits(dir.resolve("plain"), 12, 5, 28, 28, false);
        IdxFixtures.digits(dir.resolve("gz"), 12, 5, 28, 28, true);
        assertTrue(Files.exists(dir.resolve("gz/train-images-idx3-ubyte.gz")));
        ImageSet plain = new IdxReader(dir.resolve("plain"), true).train(DatasetReader.ALL);
        ImageSet gz = new IdxReader(dir.resolve("gz"), true).train(DatasetReader.ALL);
        for (int i = 0; i < 12; i++) {
            assertArrayEquals(plain.image(i), gz.image(i), "image " + i);
            assertEquals(plain.label(i), gz.label(i));
        }
    }

    @Test
    void padsTwentyEightPixelImagesWithABlackBorderToThirtyTwo() throws IOException {
        IdxFixtures.digits(dir, 3, 2, 28, 28, true);
        ImageSet train = new IdxReader(dir, true).train(DatasetReader.ALL);
        assertEquals(32, train.height());
        assertEquals(32, train.width());
        assertPattern(train, 2, 2, 28, 28);
        for (int i = 0; i < 3; i++) {
            for (int k = 0; k < 32; k++) {
                for (int edge : new int[] {0, 1, 30, 31}) {
                    assertEquals(0, train.pixel(i, 0, edge, k), "row " + edge);
                    assertEquals(0, train.pixel(i, 0, k, edge), "column " + edge);
                }
            }
        }
        assertEquals(28, new IdxReader(dir, false).test(1).height(), "unpadded: as stored");
    }

    @Test
    void sizeLimitTakesTheFirstImages() throws IOException {
        IdxFixtures.digits(dir, 12, 5, 6, 6, false);
        ImageSet train = new IdxReader(dir, false).train(4);
        assertEquals(4, train.size());
        assertPattern(train, 0, 0, 6, 6);
        assertEquals(10, train.numClasses(), "the class count comes from every label, not the first four");
    }

    @Test
    void classCountIsTheLargestLabelOfBothSplitsPlusOne() throws IOException {
        IdxFixtures.digits(dir, 4, 2, 3, 3, false);
        Files.write(dir.resolve("train-labels-idx1-ubyte"), IdxFixtures.labels(0, 46, 3, 1));
        Files.write(dir.resolve("t10k-labels-idx1-ubyte"), IdxFixtures.labels(5, 2));
        ImageSet train = new IdxReader(dir, false).train(DatasetReader.ALL);
        assertEquals(47, train.numClasses());
        assertEquals("46", train.classNames().get(46));
        assertEquals(46, train.label(1));
    }

    @Test
    void fashionPathGetsFashionMnistClassNamesAndRefusesAnEleventhClass() throws IOException {
        Path fashion = dir.resolve("fashion-mnist");
        IdxFixtures.digits(fashion, 10, 3, 4, 4, true);
        IdxReader reader = new IdxReader(fashion, true);
        assertEquals(IdxReader.FASHION_CLASS_NAMES, reader.train(1).classNames());
        assertTrue(reader.mirrorSafe(), "clothes keep their class in a mirror");
        IdxFixtures.digits(dir.resolve("mnist"), 10, 3, 4, 4, true);
        assertFalse(new IdxReader(dir.resolve("mnist"), true).mirrorSafe(), "digits do not");

        IdxFixtures.write(fashion.resolve("t10k-labels-idx1-ubyte.gz"), IdxFixtures.labels(1, 10, 2), true);
        assertRefused(fashion, fashion.resolve("t10k-labels-idx1-ubyte.gz"), "label 10 of image 1 outside 0..9");
    }

    @Test
    void classNamesFileNamesTheClasses() throws IOException {
        IdxFixtures.digits(dir, 10, 2, 3, 3, false);
        List<String> names = List.of("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine");
        Files.write(dir.resolve("class_names.txt"), names);
        assertEquals(names, new IdxReader(dir, true).test(1).classNames());
    }

    @Test
    void wrongMagicNumberNamesTheFileAndTheExpectedOne() throws IOException {
        IdxFixtures.digits(dir, 4, 2, 3, 3, false);
        // A labels file where the images belong: the magic says 1 dimension, not 3.
        Files.write(dir.resolve("t10k-images-idx3-ubyte"), IdxFixtures.labels(1, 2));
        assertRefused(dir, dir.resolve("t10k-images-idx3-ubyte"), "magic number 0x00000801, expected 0x00000803");
    }

    @Test
    void labelCountThatDiffersFromTheImagesNamesTheLabelsFile() throws IOException {
        IdxFixtures.digits(dir, 4, 2, 3, 3, true);
        IdxFixtures.write(dir.resolve("train-labels-idx1-ubyte.gz"), IdxFixtures.cyclingLabels(3), true);
        assertRefused(dir, dir.resolve("train-labels-idx1-ubyte.gz"),
                "3 labels, but train-images-idx3-ubyte.gz holds 4 images");
    }

    @Test
    void truncatedPlainFileIsRefusedByItsSizeNamingIt() throws IOException {
        IdxFixtures.digits(dir, 4, 2, 3, 3, false);
        Path images = dir.resolve("train-images-idx3-ubyte");
        byte[] whole = Files.readAllBytes(images);
        Files.write(images, Arrays.copyOf(whole, whole.length - 5));
        assertRefused(dir, images, (whole.length - 5) + " bytes, expected " + whole.length);
    }

    @Test
    void gzipFileWhoseHeaderPromisesMoreImagesIsRefusedWhenRead() throws IOException {
        IdxFixtures.digits(dir, 4, 2, 3, 3, true);
        byte[] short4 = IdxFixtures.concat(IdxFixtures.header(0x00000803, 4, 3, 3), new byte[3 * 9]);
        IdxFixtures.write(dir.resolve("train-images-idx3-ubyte.gz"), short4, true);
        IdxReader reader = new IdxReader(dir, true);
        assertEquals(3, reader.train(3).size(), "the three images that are there read");
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> reader.train(4));
        assertEquals(dir.resolve("train-images-idx3-ubyte.gz"), e.path());
        assertTrue(e.getMessage().contains("ends after 27 of the 36 data bytes"), e.getMessage());
    }

    @Test
    void corruptGzipDataNamesTheFile() throws IOException {
        IdxFixtures.digits(dir, 40, 2, 8, 8, true);
        Path images = dir.resolve("train-images-idx3-ubyte.gz");
        byte[] gz = Files.readAllBytes(images);
        Files.write(images, Arrays.copyOf(gz, gz.length / 2));
        IdxReader reader = new IdxReader(dir, true);
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> reader.train(DatasetReader.ALL));
        assertEquals(images, e.path());
    }

    @Test
    void testImagesOfAnotherSizeNameTheTestFile() throws IOException {
        IdxFixtures.digits(dir, 4, 2, 3, 3, false);
        Files.write(dir.resolve("t10k-images-idx3-ubyte"), IdxFixtures.images(2, 3, 4));
        assertRefused(dir, dir.resolve("t10k-images-idx3-ubyte"), "images of 3x4, but the training images are 3x3");
    }

    @Test
    void zeroSizeInTheHeaderIsRefused() throws IOException {
        IdxFixtures.digits(dir, 4, 2, 3, 3, false);
        Files.write(dir.resolve("train-images-idx3-ubyte"), IdxFixtures.header(0x00000803, 4, 0, 3));
        assertRefused(dir, dir.resolve("train-images-idx3-ubyte"), "dimension 1 of the header is 0");
    }

    @Test
    void missingFileIsNamedWithWhatWasExpected() throws IOException {
        IdxFixtures.digits(dir, 4, 2, 3, 3, true);
        Files.delete(dir.resolve("t10k-labels-idx1-ubyte.gz"));
        assertRefused(dir, dir.resolve("t10k-labels-idx1-ubyte"),
                "missing (expected the IDX test labels, plain or .gz)");
        DatasetFormatException none = refused(dir.resolve("nowhere"));
        assertTrue(none.getMessage().contains("no such folder"), none.getMessage());
    }

    @Test
    void emnistFilesArePrefixedTransposedAndPickedByPrefixAmongSeveral() throws IOException {
        Path gzip = dir.resolve("gzip");
        Files.createDirectories(gzip);
        for (String split : new String[] {"letters", "digits"}) {
            String p = "emnist-" + split + "-";
            IdxFixtures.write(gzip.resolve(p + "train-images-idx3-ubyte.gz"), IdxFixtures.images(3, 4, 4), true);
            IdxFixtures.write(gzip.resolve(p + "train-labels-idx1-ubyte.gz"), IdxFixtures.labels(1, 26, 2), true);
            IdxFixtures.write(gzip.resolve(p + "test-images-idx3-ubyte.gz"), IdxFixtures.images(1, 4, 4), true);
            IdxFixtures.write(gzip.resolve(p + "test-labels-idx1-ubyte.gz"), IdxFixtures.labels(5), true);
        }
        DatasetFormatException several = refused(gzip);
        assertTrue(several.getMessage().contains("several IDX sets (emnist-digits-, emnist-letters-)"),
                several.getMessage());

        ImageSet train = new IdxReader(gzip.resolve("emnist-letters"), false).train(DatasetReader.ALL);
        assertEquals("emnist-letters-train", train.name());
        assertEquals(27, train.numClasses(), "letters are labelled 1..26");
        assertEquals(26, train.label(1));
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 4; x++) {
                assertEquals(IdxFixtures.pixel(2, x, y), train.pixel(2, 0, y, x), "stored column by column");
            }
        }
    }

    @Test
    void normalisationIsMeasuredOverTheWholeTrainingFileBeforePadding() throws IOException {
        IdxFixtures.digits(dir, 7, 2, 5, 5, true);
        double sum = 0;
        double squares = 0;
        for (int i = 0; i < 7; i++) {
            for (int y = 0; y < 5; y++) {
                for (int x = 0; x < 5; x++) {
                    double v = IdxFixtures.pixel(i, y, x) / 255.0;
                    sum += v;
                    squares += v * v;
                }
            }
        }
        double mean = sum / 175;
        double std = Math.sqrt(squares / 175 - mean * mean);
        Normalization n = new IdxReader(dir, true).normalization();
        assertEquals(1, n.mean().length, "one channel");
        assertEquals(mean, n.mean()[0], 1e-6);
        assertEquals(std, n.std()[0], 1e-6);
    }
}
