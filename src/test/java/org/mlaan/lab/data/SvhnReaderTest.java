package org.mlaan.lab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.types.MatFile;
import us.hebi.matlab.mat.types.MatlabType;
import us.hebi.matlab.mat.types.Matrix;
import us.hebi.matlab.mat.types.Sink;
import us.hebi.matlab.mat.types.Sinks;

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
        assertTrue(e.getMessage().startsWith(file + ": truncated or corrupt MATLAB v5 file (ends in the middle of "
                + "its data: the element at byte "), e.getMessage());
    }

    /** The set with test_32x32.mat written uncompressed (as MATLAB's -v6 does), X holding {@code n} images. */
    private Path writeUncompressedTest(int n) throws IOException {
        writeSet();
        Path file = dir.resolve("test_32x32.mat");
        MatFile mat = Mat5.newMatFile().addArray("X", images(n, new int[0][])).addArray("y", labels(new double[n]));
        try (Sink sink = Sinks.newStreamingFile(file.toFile())) {
            Mat5.newWriter(sink).setDeflateLevel(Deflater.NO_COMPRESSION).writeMat(mat);
        }
        return file;
    }

    /** The offset of the first 8-byte tag of {@code type} and {@code bytes} at or after byte {@code from}. */
    private static int tagAt(ByteBuffer b, int from, int type, int bytes) {
        for (int p = from; p + 8 <= b.limit(); p += 8) {
            if (b.getInt(p) == type && b.getInt(p + 4) == bytes) {
                return p;
            }
        }
        throw new AssertionError("no tag " + type + "/" + bytes);
    }

    @Test
    void refusesADataElementThatClaimsMoreBytesThanTheFileHoldsBeforeAllocatingThem() throws IOException {
        Path file = writeUncompressedTest(1);
        byte[] mat = Files.readAllBytes(file);
        ByteBuffer b = ByteBuffer.wrap(mat).order(ByteOrder.LITTLE_ENDIAN);
        int pixels = tagAt(b, 128, 2 /* miUINT8 */, 3072);
        b.putInt(pixels + 4, 0x7FFFFFF8); // 2 GB, which the parser would allocate before reading
        Files.write(file, mat);

        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> new SvhnReader(dir).test(DatasetReader.ALL));

        assertEquals(file + ": truncated or corrupt MATLAB v5 file (ends in the middle of its data: the element at "
                + "byte " + pixels + " in the array at byte 128 claims 2147483640 bytes, 3072 follow)", e.getMessage());
    }

    @Test
    void refusesADimensionsElementThatClaimsMoreBytesThanTheFileHolds() throws IOException {
        Path file = writeUncompressedTest(1);
        byte[] mat = Files.readAllBytes(file);
        ByteBuffer b = ByteBuffer.wrap(mat).order(ByteOrder.LITTLE_ENDIAN);
        int dims = tagAt(b, 128, 5 /* miINT32 */, 16);
        b.putInt(dims + 4, 0x7FFFFFF0);
        Files.write(file, mat);

        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> new SvhnReader(dir).test(DatasetReader.ALL));

        assertTrue(e.getMessage().startsWith(file + ": truncated or corrupt MATLAB v5 file (ends in the middle of "
                + "its data: the element at byte " + dims + " in the array at byte 128 claims 2147483632 bytes"),
                e.getMessage());
    }

    @Test
    void refusesACompressedElementThatClaimsMoreBytesThanItInflatesTo() throws IOException {
        writeSet();
        Path file = dir.resolve("test_32x32.mat");
        byte[] mat = Files.readAllBytes(file);
        ByteBuffer b = ByteBuffer.wrap(mat).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(15, b.getInt(128), "X is compressed (miCOMPRESSED)");
        int compressed = b.getInt(132);
        Inflater inflater = new Inflater();
        inflater.setInput(mat, 136, compressed);
        byte[] x = new byte[1 << 16];
        int length;
        try {
            length = inflater.inflate(x);
        } catch (java.util.zip.DataFormatException ex) {
            throw new AssertionError(ex);
        } finally {
            inflater.end();
        }
        ByteBuffer inner = ByteBuffer.wrap(x, 0, length).order(ByteOrder.LITTLE_ENDIAN);
        int pixels = tagAt(inner, 8, 2 /* miUINT8 */, 3072);
        inner.putInt(pixels + 4, 0x7FFFFFF8);
        java.io.ByteArrayOutputStream deflated = new java.io.ByteArrayOutputStream();
        try (DeflaterOutputStream out = new DeflaterOutputStream(deflated)) {
            out.write(x, 0, length);
        }
        ByteBuffer patched = ByteBuffer.allocate(136 + deflated.size() + mat.length - 136 - compressed)
                .order(ByteOrder.LITTLE_ENDIAN);
        patched.put(mat, 0, 136).putInt(132, deflated.size()).put(deflated.toByteArray())
                .put(mat, 136 + compressed, mat.length - 136 - compressed);
        Files.write(file, patched.array());

        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> new SvhnReader(dir).test(DatasetReader.ALL));

        assertEquals(file + ": truncated or corrupt MATLAB v5 file (ends in the middle of its data: the element at "
                + "byte " + pixels + " in the array at byte 0 of the compressed element at byte 128 claims 2147483640 "
                + "bytes, 3072 follow)", e.getMessage());
    }

    @Test
    void refusesAnImageCountThatWrapsAroundPastTheData() throws IOException {
        writeSet();
        Path file = dir.resolve("test_32x32.mat");
        // 32*32*3 * (1 + 2^22) wraps around to 3072 in int arithmetic, so the parser takes one image's
        // bytes for the 4194305 images the dimensions claim; y really holds 4194305 labels.
        int claimed = 1 + (1 << 22);
        Matrix y = Mat5.newMatrix(new int[] {claimed, 1}, MatlabType.UInt8);
        y.setInt(0, 1);
        y.setInt(1, 2);
        MatFile mat = Mat5.newMatFile().addArray("X", images(1, new int[0][])).addArray("y", y);
        try (Sink sink = Sinks.newStreamingFile(file.toFile())) {
            Mat5.newWriter(sink).setDeflateLevel(Deflater.NO_COMPRESSION).writeMat(mat);
        }
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(tagAt(b, 128, 5 /* miINT32 */, 16) + 8 + 12, claimed); // X's fourth dimension
        Files.write(file, bytes);

        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> new SvhnReader(dir).test(2));

        assertEquals(file + ": variable 'X' claims 4194305 images of 32x32x3 but holds 3072 bytes", e.getMessage());
    }

    @Test
    void skipsOtherVariablesUnreadSoACellThatClaimsHugeDimensionsAllocatesNothing() throws IOException {
        writeSet();
        Path file = dir.resolve("test_32x32.mat");
        MatFile mat = Mat5.newMatFile().addArray("X", images(2, new int[0][])).addArray("y", labels(3, 4))
                .addArray("notes", Mat5.newCell(1, 1));
        try (Sink sink = Sinks.newStreamingFile(file.toFile())) {
            Mat5.newWriter(sink).setDeflateLevel(Deflater.NO_COMPRESSION).writeMat(mat);
        }
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int dims = 128;
        while (!(b.getInt(dims) == 5 && b.getInt(dims + 4) == 8 && b.getInt(dims + 8) == 1
                && b.getInt(dims + 12) == 1)) {
            dims += 8; // the cell's 1x1 (y is 2x1, X has four dimensions)
        }
        // A cell array allocates a slot per element its dimensions claim before it reads any: 1.6e9 here.
        b.putInt(dims + 8, 40_000).putInt(dims + 12, 40_000);
        Files.write(file, bytes);

        ImageSet test = new SvhnReader(dir).test(DatasetReader.ALL);

        assertEquals(2, test.size());
        assertEquals(3, test.label(0));
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
