package org.mlaan.lab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Stl10ReaderTest {

    @TempDir
    Path dir;

    /**
     * STL-10 images as the archive stores them: per image, per channel, column by column, so the
     * pixel at row y, column x of channel c is byte {@code c*9216 + x*96 + y}.
     */
    private static byte[] images(int[][] marks) {
        byte[] out = new byte[marks.length * Stl10Reader.IMAGE_BYTES];
        for (int i = 0; i < marks.length; i++) {
            int c = marks[i][0];
            int y = marks[i][1];
            int x = marks[i][2];
            out[i * Stl10Reader.IMAGE_BYTES + c * Stl10Reader.PLANE + x * 96 + y] = (byte) marks[i][3];
        }
        return out;
    }

    private void writeSplit(Path folder, String split, int[][] marks, byte[] labels) throws IOException {
        Files.createDirectories(folder);
        Files.write(folder.resolve(split + "_X.bin"), images(marks));
        Files.write(folder.resolve(split + "_y.bin"), labels);
    }

    private void writeSet(Path folder) throws IOException {
        writeSplit(folder, "train", new int[][] {{0, 3, 80, 250}, {2, 95, 1, 7}, {1, 10, 20, 30}},
                new byte[] {1, 10, 4});
        writeSplit(folder, "test", new int[][] {{1, 40, 2, 99}}, new byte[] {6});
    }

    @Test
    void transposesColumnMajorPlanesAndShiftsLabelsToZero() throws IOException {
        writeSet(dir);
        ImageSet train = new Stl10Reader(dir).train(DatasetReader.ALL);
        assertEquals(3, train.size());
        assertEquals(96, train.height());
        assertEquals(List.of(0, 9, 3), List.of(train.label(0), train.label(1), train.label(2)));
        assertEquals(250, train.pixel(0, 0, 3, 80));
        assertEquals(0, train.pixel(0, 0, 80, 3), "the file's planes are column-major");
        assertEquals(7, train.pixel(1, 2, 95, 1));
        assertEquals(30, train.pixel(2, 1, 10, 20));
        ImageSet test = new Stl10Reader(dir).test(DatasetReader.ALL);
        assertEquals(5, test.label(0));
        assertEquals(99, test.pixel(0, 1, 40, 2));
        assertEquals(Stl10Reader.CLASS_NAMES, test.classNames());
    }

    @Test
    void findsTheUnpackedArchiveFolderAndItsClassNames() throws IOException {
        Path inner = dir.resolve("stl10_binary");
        writeSet(inner);
        Files.writeString(inner.resolve("class_names.txt"), "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n");
        ImageSet train = new Stl10Reader(dir).train(2);
        assertEquals(2, train.size());
        assertEquals("j", train.classNames().get(train.label(1)));
    }

    @Test
    void reportsImageFileThatIsNotWholeImages() throws IOException {
        writeSet(dir);
        Files.write(dir.resolve("train_X.bin"), new byte[2 * Stl10Reader.IMAGE_BYTES + 5]);
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> new Stl10Reader(dir).train(1));
        assertEquals(dir.resolve("train_X.bin") + ": 55301 bytes is not a whole number of 27648-byte "
                + "STL-10 images of 3x96x96 (2 images and 5 bytes left over)", e.getMessage());
    }

    @Test
    void reportsLabelCountThatDoesNotMatchImages() throws IOException {
        writeSet(dir);
        Files.write(dir.resolve("train_y.bin"), new byte[] {1, 2});
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> new Stl10Reader(dir).train(DatasetReader.ALL));
        assertEquals(dir.resolve("train_y.bin") + ": 2 labels but train_X.bin holds 3 images "
                + "(expected one label byte per image)", e.getMessage());
    }

    @Test
    void reportsLabelOutsideOneToTen() throws IOException {
        writeSet(dir);
        Files.write(dir.resolve("train_y.bin"), new byte[] {1, 11, 2});
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> new Stl10Reader(dir).train(DatasetReader.ALL));
        assertEquals(dir.resolve("train_y.bin") + ": label 11 of image 1 outside 1..10", e.getMessage());
    }

    @Test
    void reportsMissingLabelFile() throws IOException {
        writeSet(dir);
        Files.delete(dir.resolve("test_y.bin"));
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> new Stl10Reader(dir).test(DatasetReader.ALL));
        assertEquals(dir.resolve("test_y.bin") + ": missing (expected the STL-10 labels)", e.getMessage());
    }
}
