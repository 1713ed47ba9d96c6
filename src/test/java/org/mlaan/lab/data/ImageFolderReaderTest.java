package org.mlaan.lab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.IntBinaryOperator;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFolderReaderTest {
    private static final int RED = 0xFF0000;
    private static final int GREEN = 0x00FF00;
    private static final int BLUE = 0x0000FF;
    private static final int WHITE = 0xFFFFFF;

    @TempDir
    Path dir;

    private static void png(Path file, int width, int height, IntBinaryOperator rgbAt) throws IOException {
        image(file, width, height, rgbAt, "png");
    }

    private static void image(Path file, int width, int height, IntBinaryOperator rgbAt, String format)
            throws IOException {
        Files.createDirectories(file.getParent());
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                img.setRGB(x, y, rgbAt.applyAsInt(x, y));
            }
        }
        assertTrue(ImageIO.write(img, format, file.toFile()));
    }

    private static IntBinaryOperator solid(int rgb) {
        return (x, y) -> rgb;
    }

    private static int[] rgb(ImageSet set, int i, int y, int x) {
        return new int[] {set.pixel(i, 0, y, x), set.pixel(i, 1, y, x), set.pixel(i, 2, y, x)};
    }

    /** Classes "cat" and "ant" (sorted: ant, cat) with uniform images, test beside them. */
    private void writeTwoClasses(String testName) throws IOException {
        png(dir.resolve("train/cat/b.png"), 12, 12, solid(RED));
        png(dir.resolve("train/cat/a.png"), 12, 12, solid(GREEN));
        png(dir.resolve("train/cat/c.png"), 12, 12, solid(WHITE));
        png(dir.resolve("train/ant/x.png"), 12, 12, solid(BLUE));
        png(dir.resolve("train/ant/y.png"), 12, 12, solid(WHITE));
        png(dir.resolve(testName + "/cat/t.png"), 12, 12, solid(GREEN));
    }

    @Test
    void classesAreSortedFolderNamesAndImagesAlternateBetweenClasses() throws IOException {
        writeTwoClasses("test");
        ImageSet train = new ImageFolderReader(dir, 8).train(DatasetReader.ALL);
        assertEquals(List.of("ant", "cat"), train.classNames());
        assertEquals(5, train.size());
        // ant/x, cat/a, ant/y, cat/b, cat/c
        assertEquals(List.of(0, 1, 0, 1, 1), List.of(train.label(0), train.label(1), train.label(2),
                train.label(3), train.label(4)));
        assertEquals(List.of(0, 0, 255), List.of(train.pixel(0, 0, 3, 3), train.pixel(0, 1, 3, 3),
                train.pixel(0, 2, 3, 3)));
        assertEquals(255, train.pixel(1, 1, 7, 7));
        assertEquals(255, train.pixel(3, 0, 0, 0));
        assertEquals(8, train.height());
        assertEquals(8, train.width());
    }

    @Test
    void sizeLimitKeepsClassesBalanced() throws IOException {
        writeTwoClasses("test");
        ImageSet train = new ImageFolderReader(dir, 8).train(4);
        assertEquals(4, train.size());
        assertEquals(2, train.classCounts()[0]);
        assertEquals(2, train.classCounts()[1]);
    }

    @Test
    void keepsOrientationWhenShrinking() throws IOException {
        png(dir.resolve("train/q/quadrants.png"), 16, 16,
                (x, y) -> y < 8 ? (x < 8 ? RED : GREEN) : (x < 8 ? BLUE : WHITE));
        png(dir.resolve("test/q/t.png"), 16, 16, solid(RED));
        ImageSet train = new ImageFolderReader(dir, 8).train(DatasetReader.ALL);
        assertEquals(List.of(255, 0, 0), List.of(rgb(train, 0, 0, 0)[0], rgb(train, 0, 0, 0)[1], rgb(train, 0, 0, 0)[2]));
        assertEquals(255, rgb(train, 0, 0, 7)[1]);
        assertEquals(0, rgb(train, 0, 0, 7)[0]);
        assertEquals(255, rgb(train, 0, 7, 0)[2]);
        assertEquals(0, rgb(train, 0, 7, 0)[0]);
        assertEquals(255, rgb(train, 0, 7, 7)[0]);
        assertEquals(255, rgb(train, 0, 7, 7)[1]);
    }

    @Test
    void cropsTheCentreOfWideImages() throws IOException {
        // 40x20: red columns 0..9, green 10..29, blue 30..39; at edge 10 the crop keeps 10..29.
        png(dir.resolve("train/w/wide.png"), 40, 20, (x, y) -> x < 10 ? RED : x < 30 ? GREEN : BLUE);
        png(dir.resolve("test/w/t.png"), 12, 12, solid(RED));
        ImageSet train = new ImageFolderReader(dir, 10).train(DatasetReader.ALL);
        for (int x = 1; x < 9; x++) {
            assertEquals(255, train.pixel(0, 1, 5, x), "column " + x);
            assertEquals(0, train.pixel(0, 0, 5, x), "column " + x);
            assertEquals(0, train.pixel(0, 2, 5, x), "column " + x);
        }
    }

    @Test
    void testImagesAreResizedLargerThenCentreCropped() throws IOException {
        // A 2-pixel black frame around white: the training resize keeps it, the test resize to
        // round(24 * 256 / 224) = 27 then crop to 24 cuts it off.
        IntBinaryOperator framed = (x, y) -> x < 2 || y < 2 || x >= 26 || y >= 26 ? 0 : WHITE;
        png(dir.resolve("train/f/a.png"), 28, 28, framed);
        png(dir.resolve("test/f/a.png"), 28, 28, framed);
        ImageFolderReader reader = new ImageFolderReader(dir, 24);
        assertEquals(27, ImageFolderReader.testResizeEdge(24));
        assertEquals(256, ImageFolderReader.testResizeEdge(224));
        ImageSet train = reader.train(DatasetReader.ALL);
        ImageSet test = reader.test(DatasetReader.ALL);
        assertTrue(train.pixel(0, 0, 0, 0) < 60, "train keeps the frame: " + train.pixel(0, 0, 0, 0));
        assertTrue(test.pixel(0, 0, 0, 0) > 200, "test crops the frame away: " + test.pixel(0, 0, 0, 0));
        assertEquals(24, test.height());
    }

    @Test
    void readsValFolderWhenThereIsNoTestFolderAndDecodesJpeg() throws IOException {
        writeTwoClasses("val");
        image(dir.resolve("val/ant/j.jpg"), 12, 12, solid(BLUE), "jpg");
        ImageSet test = new ImageFolderReader(dir, 8).test(DatasetReader.ALL);
        assertEquals(2, test.size());
        assertEquals(0, test.label(0));
        assertTrue(test.pixel(0, 2, 4, 4) > 230, "JPEG blue survives: " + test.pixel(0, 2, 4, 4));
        assertEquals(1, test.label(1));
    }

    @Test
    void reportsMissingTestFolder() throws IOException {
        writeTwoClasses("elsewhere");
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> new ImageFolderReader(dir, 8).test(DatasetReader.ALL));
        assertEquals(dir + ": no 'test' or 'val' folder next to 'train' (expected test/<class>/ image "
                + "folders)", e.getMessage());
    }

    @Test
    void reportsClassFolderWithoutImages() throws IOException {
        writeTwoClasses("test");
        Files.createDirectories(dir.resolve("train/bee"));
        Files.writeString(dir.resolve("train/bee/notes.txt"), "no images here");
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> new ImageFolderReader(dir, 8).train(DatasetReader.ALL));
        assertEquals(dir.resolve("train/bee") + ": class folder has no .png, .jpg or .jpeg images",
                e.getMessage());
    }

    @Test
    void reportsUnreadableImageFile() throws IOException {
        writeTwoClasses("test");
        Files.writeString(dir.resolve("train/cat/broken.png"), "this is not a picture");
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> new ImageFolderReader(dir, 8).train(DatasetReader.ALL));
        assertEquals(dir.resolve("train/cat/broken.png") + ": not a readable PNG or JPEG image",
                e.getMessage());
    }

    @Test
    void refusesAnImageWhoseHeaderClaimsAHugeSizeAndNamesIt() throws IOException {
        writeTwoClasses("test");
        Path huge = ImageFileDecoderTest.pngClaiming(dir.resolve("train/cat/d.png"), 100_000, 100_000);
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> new ImageFolderReader(dir, 8).train(DatasetReader.ALL));
        assertEquals(huge, e.path());
        assertTrue(e.getMessage().contains("claims 100000 x 100000 pixels"), e.getMessage());
    }

    @Test
    void reportsTestClassThatTrainingDoesNotHave() throws IOException {
        writeTwoClasses("test");
        png(dir.resolve("test/dog/d.png"), 12, 12, solid(RED));
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> new ImageFolderReader(dir, 8).test(DatasetReader.ALL));
        assertEquals(dir.resolve("test/dog") + ": class 'dog' is not a class of train (train classes: "
                + "ant, cat)", e.getMessage());
    }

    @Test
    void reportsMissingTrainFolder() throws IOException {
        Files.createDirectories(dir.resolve("test/a"));
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> new ImageFolderReader(dir, 8).train(DatasetReader.ALL));
        assertEquals(dir + ": no 'train' folder (expected train/<class>/ image folders)", e.getMessage());
    }
}
