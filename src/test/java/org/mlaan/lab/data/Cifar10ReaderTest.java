package org.mlaan.lab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Cifar10ReaderTest {

    @TempDir
    Path dir;

    /** One record: label, then a 32x32 RGB image that is zero except one marked pixel. */
    private static byte[] record(int label, int c, int y, int x, int value) {
        byte[] r = new byte[Cifar10Reader.RECORD_BYTES];
        r[0] = (byte) label;
        r[1 + (c * 32 + y) * 32 + x] = (byte) value;
        return r;
    }

    private static void write(Path file, byte[]... records) throws IOException {
        Files.createDirectories(file.getParent());
        byte[] all = new byte[records.length * Cifar10Reader.RECORD_BYTES];
        for (int i = 0; i < records.length; i++) {
            System.arraycopy(records[i], 0, all, i * Cifar10Reader.RECORD_BYTES, records[i].length);
        }
        Files.write(file, all);
    }

    /** Five training batches of two records each (labels 0..9 in order) and a test batch of one. */
    private void writeSet(Path folder) throws IOException {
        for (int b = 0; b < 5; b++) {
            write(folder.resolve("data_batch_" + (b + 1) + ".bin"),
                    record(2 * b, 0, 0, 0, 10 + b), record(2 * b + 1, 2, 31, 30, 100 + b));
        }
        write(folder.resolve("test_batch.bin"), record(7, 1, 2, 5, 200));
    }

    @Test
    void readsLabelsAndPixelPlacementOfEveryBatch() throws IOException {
        writeSet(dir);
        ImageSet train = new Cifar10Reader(dir).train(DatasetReader.ALL);
        assertEquals(10, train.size());
        assertEquals(Cifar10Reader.CLASS_NAMES, train.classNames());
        for (int i = 0; i < 10; i++) {
            assertEquals(i, train.label(i));
        }
        assertEquals(13, train.pixel(6, 0, 0, 0));
        assertEquals(104, train.pixel(9, 2, 31, 30));
        assertEquals(0, train.pixel(9, 2, 30, 31), "row and column must not be swapped");
        ImageSet test = new Cifar10Reader(dir).test(DatasetReader.ALL);
        assertEquals(1, test.size());
        assertEquals(7, test.label(0));
        assertEquals(200, test.pixel(0, 1, 2, 5));
        assertEquals(0, test.pixel(0, 1, 5, 2));
        assertEquals(0, test.pixel(0, 0, 2, 5), "channel planes must not be mixed up");
    }

    @Test
    void findsTheFilesInTheUnpackedArchiveFolder() throws IOException {
        writeSet(dir.resolve("cifar-10-batches-bin"));
        assertEquals(10, new Cifar10Reader(dir).train(DatasetReader.ALL).size());
    }

    @Test
    void sizeLimitTakesTheFirstImagesAcrossBatchFiles() throws IOException {
        writeSet(dir);
        ImageSet train = new Cifar10Reader(dir).train(3);
        assertEquals(3, train.size());
        assertEquals(2, train.label(2));
        assertEquals(11, train.pixel(2, 0, 0, 0));
    }

    @Test
    void takesClassNamesFromBatchesMeta() throws IOException {
        writeSet(dir);
        Files.writeString(dir.resolve("batches.meta.txt"), "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n\n");
        ImageSet test = new Cifar10Reader(dir).test(DatasetReader.ALL);
        assertEquals(List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j"), test.classNames());
    }

    @Test
    void reportsTruncatedBatchWithRecordArithmetic() throws IOException {
        writeSet(dir);
        Files.write(dir.resolve("data_batch_3.bin"), new byte[30000]);
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> new Cifar10Reader(dir).train(1));
        assertEquals(dir.resolve("data_batch_3.bin") + ": 30000 bytes is not a whole number of "
                + "3073-byte CIFAR-10 records (9 records and 2343 bytes left over)", e.getMessage());
    }

    @Test
    void reportsMissingBatchFile() throws IOException {
        writeSet(dir);
        Files.delete(dir.resolve("data_batch_5.bin"));
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> new Cifar10Reader(dir).train(DatasetReader.ALL));
        assertEquals(dir.resolve("data_batch_5.bin") + ": missing (expected the CIFAR-10 batch file)",
                e.getMessage());
    }

    @Test
    void reportsFolderWithoutCifarFiles() throws IOException {
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> new Cifar10Reader(dir));
        assertEquals(dir + ": no test_batch.bin here or in cifar-10-batches-bin/ (expected the "
                + "CIFAR-10 binary files)", e.getMessage());
    }

    @Test
    void reportsLabelOutsideTheTenClasses() throws IOException {
        writeSet(dir);
        write(dir.resolve("test_batch.bin"), record(3, 0, 0, 0, 0), record(12, 0, 0, 0, 0));
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> new Cifar10Reader(dir).test(DatasetReader.ALL));
        assertEquals(dir.resolve("test_batch.bin") + ": label 12 of record 1 outside 0..9", e.getMessage());
    }

    @Test
    void reportsEmptyBatchFile() throws IOException {
        writeSet(dir);
        Files.write(dir.resolve("test_batch.bin"), new byte[0]);
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> new Cifar10Reader(dir).test(DatasetReader.ALL));
        assertTrue(e.getMessage().endsWith("test_batch.bin: is empty, expected 3073-byte CIFAR-10 records"),
                e.getMessage());
    }

    @Test
    void reportsMetaFileWithWrongNumberOfNames() throws IOException {
        writeSet(dir);
        Files.writeString(dir.resolve("batches.meta.txt"), "cat\ndog\n");
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> new Cifar10Reader(dir).test(DatasetReader.ALL));
        assertEquals(dir.resolve("batches.meta.txt") + ": 2 class names, expected 10 (one per line)",
                e.getMessage());
    }

    @Test
    void copiesEveryByteOfAnImage() throws IOException {
        byte[] r = new byte[Cifar10Reader.RECORD_BYTES];
        for (int i = 1; i < r.length; i++) {
            r[i] = (byte) (i * 7);
        }
        writeSet(dir);
        write(dir.resolve("test_batch.bin"), r);
        byte[] expected = new byte[Cifar10Reader.IMAGE_BYTES];
        System.arraycopy(r, 1, expected, 0, expected.length);
        assertArrayEquals(expected, new Cifar10Reader(dir).test(1).image(0));
    }
}
