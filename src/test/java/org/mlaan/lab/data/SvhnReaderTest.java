package org.mlaan.lab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.types.MatFile;
import us.hebi.matlab.mat.types.MatlabType;
import us.hebi.matlab.mat.types.Matrix;

class SvhnReaderTest {

    @TempDir
    Path dir;

    /** X as SVHN stores it: 32x32x3xN uint8, indexed (row, column, channel, image). */
    private static Matrix images(int n, int[][] marks) {
        Matrix x = Mat5.newMatrix(new int[] {32, 32, 3, n}, MatlabType.UInt8);
        for (int[] m : marks) {
            x.setInt(new int[] {m[2], m[3], m[1], m[0]}, m[4]);
        }
        return x;
    }

    private static Matrix labels(double... values) {
        Matrix y = Mat5.newMatrix(values.length, 1);
        for (int i = 0; i < values.length; i++) {
            y.setDouble(i, 0, values[i]);
        }
        return y;
    }

    private static void write(Path file, String xName, Matrix x, String yName, Matrix y) throws IOException {
        MatFile mat = Mat5.newMatFile().addArray(xName, x).addArray(yName, y);
        Mat5.writeToFile(mat, file.toFile());
    }

    private void writeSet() throws IOException {
        // marks: image, channel, row, column, value
        write(dir.resolve("train_32x32.mat"), "X", images(3, new int[][] {
                {0, 0, 1, 30, 255}, {1, 2, 31, 0, 128}, {2, 1, 7, 9, 77}}), "y", labels(10, 3, 1));
        write(dir.resolve("test_32x32.mat"), "X", images(1, new int[][] {{0, 1, 4, 20, 200}}),
                "y", labels(5));
    }

    @Test
    void readsColumnMajorImagesAndMapsLabelTenToDigitZero() throws IOException {
        writeSet();
        ImageSet train = new SvhnReader(dir).train(DatasetReader.ALL);
        assertEquals(3, train.size());
        assertEquals(0, train.label(0));
        assertEquals(3, train.label(1));
        assertEquals(1, train.label(2));
        assertEquals("0", train.classNames().get(0));
        assertEquals(255, train.pixel(0, 0, 1, 30));
        assertEquals(0, train.pixel(0, 0, 30, 1), "MATLAB's first index is the row");
        assertEquals(128, train.pixel(1, 2, 31, 0));
        assertEquals(77, train.pixel(2, 1, 7, 9));
        ImageSet test = new SvhnReader(dir).test(DatasetReader.ALL);
        assertEquals(5, test.label(0));
        assertEquals(200, test.pixel(0, 1, 4, 20));
        assertEquals(0, test.pixel(0, 0, 4, 20));
    }

    @Test
    void sizeLimitTakesTheFirstImages() throws IOException {
        writeSet();
        ImageSet train = new SvhnReader(dir).train(2);
        assertEquals(2, train.size());
        assertEquals(128, train.pixel(1, 2, 31, 0));
    }

    @Test
    void reportsMissingVariableAndListsTheOnesFound() throws IOException {
        writeSet();
        write(dir.resolve("test_32x32.mat"), "images", images(1, new int[0][]), "y", labels(1));
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> new SvhnReader(dir).test(DatasetReader.ALL));
        assertEquals(dir.resolve("test_32x32.mat") + ": no variable 'X' (found: images, y)", e.getMessage());
    }

    @Test
    void reportsImagesOfTheWrongShapeOrType() throws IOException {
        writeSet();
        write(dir.resolve("test_32x32.mat"), "X", Mat5.newMatrix(new int[] {32, 32, 1, 2},
                MatlabType.UInt8), "y", labels(1, 2));
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> new SvhnReader(dir).test(DatasetReader.ALL));
        assertEquals(dir.resolve("test_32x32.mat") + ": variable 'X' is 32x32x1x2 uint8, expected "
                + "32x32x3xN uint8", e.getMessage());
    }

    @Test
    void reportsLabelCountThatDoesNotMatchImages() throws IOException {
        writeSet();
        write(dir.resolve("test_32x32.mat"), "X", images(2, new int[0][]), "y", labels(1, 2, 3));
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> new SvhnReader(dir).test(DatasetReader.ALL));
        assertEquals(dir.resolve("test_32x32.mat") + ": variable 'y' holds 3 labels but 'X' holds 2 images",
                e.getMessage());
    }

    @Test
    void reportsLabelOutsideOneToTen() throws IOException {
        writeSet();
        write(dir.resolve("test_32x32.mat"), "X", images(2, new int[0][]), "y", labels(4, 11));
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> new SvhnReader(dir).test(DatasetReader.ALL));
        assertEquals(dir.resolve("test_32x32.mat") + ": label 11 of image 1 outside 1..10 "
                + "(10 stands for the digit 0)", e.getMessage());
    }

    @Test
    void reportsFileThatIsNotMatlab() throws IOException {
        writeSet();
        Files.writeString(dir.resolve("train_32x32.mat"), "<html>404 not found</html>");
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> new SvhnReader(dir).train(DatasetReader.ALL));
        assertEquals(dir.resolve("train_32x32.mat") + ": not a MATLAB v5 file (expected the 128-byte "
                + "header starting 'MATLAB 5.0 MAT-file')", e.getMessage());
    }

    @Test
    void reportsTruncatedFile() throws IOException {
        writeSet();
        Path file = dir.resolve("train_32x32.mat");
        byte[] whole = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(whole, whole.length / 2));
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> new SvhnReader(dir).train(DatasetReader.ALL));
        assertEquals(file + ": truncated or corrupt MATLAB v5 file (ends in the middle of its data)",
                e.getMessage());
    }

    @Test
    void reportsMissingTrainingFile() throws IOException {
        writeSet();
        Files.delete(dir.resolve("train_32x32.mat"));
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> new SvhnReader(dir).train(DatasetReader.ALL));
        assertEquals(dir.resolve("train_32x32.mat") + ": missing (expected the SVHN MATLAB file)",
                e.getMessage());
    }
}
