package org.mlaan.lab.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reads the MNIST family's IDX files (MNIST, Fashion-MNIST, KMNIST, EMNIST): training images and
 * labels in {@code train-images-idx3-ubyte} and {@code train-labels-idx1-ubyte}, test ones in
 * {@code t10k-*} (EMNIST: {@code test-*}), each plain or {@code .gz}, as grey images of one channel,
 * from the folder (and file-name prefix) that {@link IdxLocation} finds.
 *
 * <p>The class count is the largest label of both label files plus one (10 for MNIST, 47 for
 * EMNIST balanced, 27 for EMNIST letters, whose labels start at 1); class names come from {@code class_names.txt} when it is there, else
 * Fashion-MNIST's when the path says {@code fashion}, else the label's number. Both label files
 * and every header are read and checked when the reader is made, so a broken set is refused
 * before any image is read.
 */
public final class IdxReader implements DatasetReader {
    /** Fashion-MNIST's class names, in the order of its labels (its README's table). */
    public static final List<String> FASHION_CLASS_NAMES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress",
            "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");
    /** The edge images smaller than it are padded to with {@code padTo32}. */
    static final int PADDED_EDGE = 32;
    private final IdxLocation location;
    private final boolean padTo32;
    private final boolean fashion;
    private final Split train;
    private final Split test;
    private final List<String> classes;

    /** The images and labels of one split, checked against each other. */
    private record Split(Path images, Path labelsFile, int count, int rows, int columns, int[] labels) {}

    /** Whether {@code path} holds one set of IDX files this reader opens (the window offers the lesson on it then). */
    public static boolean holdsSet(Path path) {
        try {
            IdxLocation.of(path);
            return true;
        } catch (DatasetFormatException e) {
            return false;
        }
    }

    /**
     * {@code path} is the folder of the IDX files or {@code folder/prefix} for one set of several;
     * with {@code padTo32} images smaller than 32x32 are padded with black to 32x32 (MNIST's 28x28
     * get 2 pixels on every side), else kept as they are.
     */
    public IdxReader(Path path, boolean padTo32) throws DatasetFormatException {
        this.location = IdxLocation.of(path);
        this.padTo32 = padTo32;
        this.fashion = path.toString().toLowerCase(Locale.ROOT).contains("fashion");
        this.train = split(location.find("training images", "train-images-idx3-ubyte"),
                location.find("training labels", "train-labels-idx1-ubyte"));
        this.test = split(location.find("test images", "t10k-images-idx3-ubyte", "test-images-idx3-ubyte"),
                location.find("test labels", "t10k-labels-idx1-ubyte", "test-labels-idx1-ubyte"));
        if (test.rows() != train.rows() || test.columns() != train.columns()) {
            throw new DatasetFormatException(test.images(), "images of " + test.rows() + "x" + test.columns()
                    + ", but the training images are " + train.rows() + "x" + train.columns());
        }
        this.classes = classNames();
    }

    @Override
    public ImageSet train(int limit) throws DatasetFormatException {
        return read("train", train, limit);
    }

    @Override
    public ImageSet test(int limit) throws DatasetFormatException {
        return read("test", test, limit);
    }

    /**
     * Fashion-MNIST's classes keep their names in a mirror (a mirrored sneaker is a sneaker); digits
     * and letters do not (a mirrored 2 or b reads as something else), so only Fashion-MNIST is
     * flipped in training.
     */
    public boolean mirrorSafe() {
        return fashion;
    }

    /**
     * Mean and standard deviation of every pixel of every training image in the file, whatever
     * size limit a run uses, so that a checkpoint means the same for every run on these files;
     * measured on the images as stored, before padding, which gives the published constants
     * (MNIST 0.1307 / 0.3081, Fashion-MNIST 0.2860 / 0.3530) and maps the black border to the
     * value of the black background.
     */
    public Normalization normalization() throws DatasetFormatException {
        long sum = 0;
        long squares = 0;
        long pixels = (long) train.count() * train.rows() * train.columns();
        try (IdxFile file = IdxFile.open(train.images(), IdxFile.IMAGES)) {
            InputStream in = file.body();
            byte[] buffer = new byte[1 << 16];
            long left = pixels;
            while (left > 0) {
                int n = in.readNBytes(buffer, 0, (int) Math.min(buffer.length, left));
                if (n == 0) {
                    throw new DatasetFormatException(train.images(), "ends after " + (pixels - left) + " of the "
                            + pixels + " pixels its header promises (a truncated download?)");
                }
                for (int i = 0; i < n; i++) {
                    int v = buffer[i] & 0xFF;
                    sum += v;
                    squares += v * v;
                }
                left -= n;
            }
        } catch (DatasetFormatException e) {
            throw e;
        } catch (IOException e) {
            throw IdxFile.unreadable(train.images(), e, "its data");
        }
        double mean = (double) sum / pixels;
        double std = Math.sqrt(Math.max(0, (double) squares / pixels - mean * mean));
        // A set of one flat colour has no spread to divide by; leave its values unscaled.
        return new Normalization(new float[] {(float) (mean / 255)},
                new float[] {std == 0 ? 1f : (float) (std / 255)});
    }

    private ImageSet read(String splitName, Split split, int limit) throws DatasetFormatException {
        int n = Math.min(split.count(), limit);
        int rows = split.rows();
        int columns = split.columns();
        int outRows = padTo32 ? Math.max(rows, PADDED_EDGE) : rows;
        int outColumns = padTo32 ? Math.max(columns, PADDED_EDGE) : columns;
        if ((long) n * outRows * outColumns > Integer.MAX_VALUE - 8) {
            throw new DatasetFormatException(split.images(), n + " images of " + outRows + "x" + outColumns
                    + " are more than one Java array holds; use a smaller size limit");
        }
        byte[] raw;
        try (IdxFile file = IdxFile.open(split.images(), IdxFile.IMAGES)) {
            raw = file.read((long) n * rows * columns);
        } catch (IOException e) {
            throw e instanceof DatasetFormatException d ? d : IdxFile.unreadable(split.images(), e, "its data");
        }
        // EMNIST's files hold every image transposed (written column by column from NIST's MATLAB
        // arrays); turned back, its letters stand upright as MNIST's digits do.
        boolean transposed = location.prefix().toLowerCase(Locale.ROOT).startsWith("emnist");
        int top = (outRows - rows) / 2;
        int left = (outColumns - columns) / 2;
        byte[] pixels = new byte[n * outRows * outColumns];
        for (int i = 0; i < n; i++) {
            int src = i * rows * columns;
            int dst = i * outRows * outColumns;
            for (int y = 0; y < rows; y++) {
                for (int x = 0; x < columns; x++) {
                    int from = transposed ? x * rows + y : y * columns + x;
                    pixels[dst + (y + top) * outColumns + x + left] = raw[src + from];
                }
            }
        }
        int[] labels = Arrays.copyOf(split.labels(), n);
        return new ImageSet(location.name() + "-" + splitName, classes, 1, outRows, outColumns, pixels, labels);
    }

    /** The images and labels of one split: headers read, counts compared, every label read. */
    private static Split split(Path imagesPath, Path labelsPath) throws DatasetFormatException {
        int count;
        int rows;
        int columns;
        try (IdxFile images = IdxFile.open(imagesPath, IdxFile.IMAGES)) {
            count = images.size(0);
            rows = images.size(1);
            columns = images.size(2);
        } catch (IOException e) {
            throw e instanceof DatasetFormatException d ? d : IdxFile.unreadable(imagesPath, e, "its header");
        }
        byte[] bytes;
        try (IdxFile labels = IdxFile.open(labelsPath, IdxFile.LABELS)) {
            if (labels.size(0) != count) {
                throw new DatasetFormatException(labelsPath, labels.size(0) + " labels, but "
                        + imagesPath.getFileName() + " holds " + count + " images (expected one label per image)");
            }
            bytes = labels.read(count);
        } catch (IOException e) {
            throw e instanceof DatasetFormatException d ? d : IdxFile.unreadable(labelsPath, e, "its data");
        }
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = bytes[i] & 0xFF;
        }
        return new Split(imagesPath, labelsPath, count, rows, columns, labels);
    }

    /**
     * Names for labels 0 .. the largest label of both splits; names from a file or Fashion-MNIST's
     * fix the count, and a label beyond them is an error naming its file.
     */
    private List<String> classNames() throws DatasetFormatException {
        int largest = Math.max(largest(train.labels()), largest(test.labels()));
        Path namesFile = location.folder().resolve("class_names.txt");
        List<String> known = Files.isRegularFile(namesFile) ? DataFolder.classNames(namesFile, largest + 1)
                : fashion ? FASHION_CLASS_NAMES : null;
        if (known != null) {
            for (Split s : List.of(train, test)) {
                int[] labels = s.labels();
                for (int i = 0; i < labels.length; i++) {
                    if (labels[i] >= known.size()) {
                        throw new DatasetFormatException(s.labelsFile(), "label " + labels[i] + " of image " + i
                                + " outside 0.." + (known.size() - 1) + " (the " + known.size() + " classes of "
                                + (fashion && !Files.isRegularFile(namesFile) ? "Fashion-MNIST" : namesFile) + ")");
                    }
                }
            }
            return known;
        }
        if (largest < 1) {
            throw new DatasetFormatException(train.labelsFile(), "every label is 0; a classifier needs at least"
                    + " 2 classes");
        }
        List<String> names = new ArrayList<>();
        for (int k = 0; k <= largest; k++) {
            names.add(Integer.toString(k));
        }
        return names;
    }

    private static int largest(int[] labels) {
        int max = 0;
        for (int l : labels) {
            max = Math.max(max, l);
        }
        return max;
    }
}
