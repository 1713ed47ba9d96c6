package org.mlaan.lab.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads the CIFAR-10 binary version: {@code data_batch_1.bin} .. {@code data_batch_5.bin} for
 * training and {@code test_batch.bin} for test, each a run of 3073-byte records (one label byte
 * 0..9, then the red, green and blue 32x32 planes row by row, which is already the channel-first
 * layout of {@link ImageSet}). Class names come from {@code batches.meta.txt} when it is there.
 */
public final class Cifar10Reader implements DatasetReader {
    static final int SIDE = 32;
    static final int IMAGE_BYTES = 3 * SIDE * SIDE;
    static final int RECORD_BYTES = 1 + IMAGE_BYTES;
    static final List<String> TRAIN_FILES = List.of("data_batch_1.bin", "data_batch_2.bin",
            "data_batch_3.bin", "data_batch_4.bin", "data_batch_5.bin");
    static final String TEST_FILE = "test_batch.bin";
    /** The names in the order of the labels, as in the archive's {@code batches.meta.txt}. */
    public static final List<String> CLASS_NAMES = List.of("airplane", "automobile", "bird", "cat",
            "deer", "dog", "frog", "horse", "ship", "truck");

    private final Path folder;

    /** {@code root} is the folder of the {@code .bin} files or the one holding {@code cifar-10-batches-bin}. */
    public Cifar10Reader(Path root) throws DatasetFormatException {
        this.folder = DataFolder.locate(root, "cifar-10-batches-bin", TEST_FILE, "CIFAR-10 binary");
    }

    @Override
    public ImageSet train(int limit) throws DatasetFormatException {
        return read("cifar10-train", TRAIN_FILES, limit);
    }

    @Override
    public ImageSet test(int limit) throws DatasetFormatException {
        return read("cifar10-test", List.of(TEST_FILE), limit);
    }

    private ImageSet read(String name, List<String> fileNames, int limit) throws DatasetFormatException {
        List<String> classes = classNames();
        // Check every file before reading any, so a broken download is reported whatever the limit.
        Path[] files = new Path[fileNames.size()];
        int[] records = new int[files.length];
        long total = 0;
        for (int f = 0; f < files.length; f++) {
            files[f] = DataFolder.requireFile(folder, fileNames.get(f), "CIFAR-10 batch file");
            records[f] = recordCount(files[f]);
            total += records[f];
        }
        int n = (int) Math.min(total, limit);
        byte[] pixels = new byte[n * IMAGE_BYTES];
        int[] labels = new int[n];
        int done = 0;
        for (int f = 0; f < files.length && done < n; f++) {
            int take = Math.min(records[f], n - done);
            byte[] bytes = DataFolder.readPrefix(files[f], (long) take * RECORD_BYTES);
            for (int r = 0; r < take; r++) {
                int label = bytes[r * RECORD_BYTES] & 0xFF;
                if (label >= classes.size()) {
                    throw new DatasetFormatException(files[f], "label " + label + " of record " + r
                            + " outside 0.." + (classes.size() - 1));
                }
                labels[done + r] = label;
                System.arraycopy(bytes, r * RECORD_BYTES + 1, pixels, (done + r) * IMAGE_BYTES,
                        IMAGE_BYTES);
            }
            done += take;
        }
        return new ImageSet(name, classes, 3, SIDE, SIDE, pixels, labels);
    }

    private static int recordCount(Path file) throws DatasetFormatException {
        long size = DataFolder.size(file);
        if (size == 0) {
            throw new DatasetFormatException(file, "is empty, expected " + RECORD_BYTES
                    + "-byte CIFAR-10 records");
        }
        if (size % RECORD_BYTES != 0) {
            throw new DatasetFormatException(file, size + " bytes is not a whole number of "
                    + RECORD_BYTES + "-byte CIFAR-10 records (" + size / RECORD_BYTES
                    + " records and " + size % RECORD_BYTES + " bytes left over)");
        }
        return (int) (size / RECORD_BYTES);
    }

    private List<String> classNames() throws DatasetFormatException {
        Path meta = folder.resolve("batches.meta.txt");
        return Files.isRegularFile(meta) ? DataFolder.classNames(meta, CLASS_NAMES.size()) : CLASS_NAMES;
    }
}
