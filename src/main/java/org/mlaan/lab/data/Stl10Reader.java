package org.mlaan.lab.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads the STL-10 binary version: {@code train_X.bin} / {@code test_X.bin} hold 3x96x96 uint8
 * images, each channel stored column by column (the archive was written from MATLAB, so a plane
 * is the transpose of row-major order), and {@code train_y.bin} / {@code test_y.bin} hold one
 * label byte 1..10 per image, which becomes 0..9. Class names come from {@code class_names.txt}
 * when it is there. The unlabelled split is not read.
 */
public final class Stl10Reader extends TwoPartReader {
    static final int SIDE = 96;
    static final int PLANE = SIDE * SIDE;
    static final int IMAGE_BYTES = 3 * PLANE;
    /** The names in the order of the labels, as in the archive's {@code class_names.txt}. */
    public static final List<String> CLASS_NAMES = List.of("airplane", "bird", "car", "cat", "deer",
            "dog", "horse", "monkey", "ship", "truck");

    private final Path folder;

    /** {@code root} is the folder of the {@code .bin} files or the one holding {@code stl10_binary}. */
    public Stl10Reader(Path root) throws DatasetFormatException {
        super("stl10", "train", "test");
        this.folder = DataFolder.locate(root, "stl10_binary", "test_X.bin", "STL-10 binary");
    }

    @Override
    ImageSet read(String name, String split, int limit) throws DatasetFormatException {
        List<String> classes = classNames();
        Path xFile = DataFolder.requireFile(folder, split + "_X.bin", "STL-10 images");
        Path yFile = DataFolder.requireFile(folder, split + "_y.bin", "STL-10 labels");
        long xSize = DataFolder.size(xFile);
        if (xSize == 0 || xSize % IMAGE_BYTES != 0) {
            throw new DatasetFormatException(xFile, xSize + " bytes is not a whole number of "
                    + IMAGE_BYTES + "-byte STL-10 images of 3x96x96 (" + xSize / IMAGE_BYTES
                    + " images and " + xSize % IMAGE_BYTES + " bytes left over)");
        }
        long count = xSize / IMAGE_BYTES;
        long ySize = DataFolder.size(yFile);
        if (ySize != count) {
            throw new DatasetFormatException(yFile, ySize + " labels but " + xFile.getFileName()
                    + " holds " + count + " images (expected one label byte per image)");
        }
        int n = (int) Math.min(count, limit);
        byte[] raw = DataFolder.readPrefix(xFile, (long) n * IMAGE_BYTES);
        byte[] labelBytes = DataFolder.readPrefix(yFile, n);
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            int label = labelBytes[i] & 0xFF;
            if (label < 1 || label > classes.size()) {
                throw new DatasetFormatException(yFile, "label " + label + " of image " + i
                        + " outside 1.." + classes.size());
            }
            labels[i] = label - 1;
        }
        return new ImageSet(name, classes, 3, SIDE, SIDE, toRowMajor(raw, n), labels);
    }

    /** Transposes every plane: the file's byte at (c, x, y) is the pixel at row y, column x. */
    private static byte[] toRowMajor(byte[] raw, int n) {
        byte[] out = new byte[raw.length];
        for (int plane = 0; plane < 3 * n; plane++) {
            int base = plane * PLANE;
            for (int x = 0; x < SIDE; x++) {
                for (int y = 0; y < SIDE; y++) {
                    out[base + y * SIDE + x] = raw[base + x * SIDE + y];
                }
            }
        }
        return out;
    }

    private List<String> classNames() throws DatasetFormatException {
        Path file = folder.resolve("class_names.txt");
        return Files.isRegularFile(file) ? DataFolder.classNames(file, CLASS_NAMES.size()) : CLASS_NAMES;
    }
}
