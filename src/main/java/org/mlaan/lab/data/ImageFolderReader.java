package org.mlaan.lab.data;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Reads an ImageNet-style folder tree, {@code train/<class>/*.png|jpg|jpeg} and
 * {@code test/<class>/...} (or {@code val/<class>/...}), into square RGB images of one edge.
 * Classes are the sorted names of the class folders under {@code train}. Following ALGORITHMS.md
 * Part B §7 at a chosen edge S instead of 224: training images are resized so the shorter side is
 * S and centre-cropped to S (the random resized crop then runs on that square in memory), test
 * images are resized to round(S*256/224) and centre-cropped to S.
 *
 * <p>Images are listed class by class in turn (the first file of every class, then the second, and
 * so on, files in name order), so the "first N images" of a size limit keep the classes balanced.
 */
public final class ImageFolderReader implements DatasetReader {
    private static final List<String> EXTENSIONS = List.of(".png", ".jpg", ".jpeg");

    private final Path root;
    private final int size;

    /** {@code root} holds {@code train/} and {@code test/} or {@code val/}; {@code size} is the stored edge. */
    public ImageFolderReader(Path root, int size) throws DatasetFormatException {
        if (size < 8) {
            throw new IllegalArgumentException("image size must be at least 8, got " + size);
        }
        if (!Files.isDirectory(root)) {
            throw new DatasetFormatException(root, "no such folder (expected an image folder with "
                    + "train/<class>/ and test/<class>/)");
        }
        this.root = root;
        this.size = size;
    }

    /** The edge test images are resized to before the centre crop: round(S * 256 / 224). */
    public static int testResizeEdge(int size) {
        return (int) Math.round(size * 256.0 / 224.0);
    }

    @Override
    public ImageSet train(int limit) throws DatasetFormatException {
        Path train = trainFolder();
        return read("folder-train", train, classNames(train), size, limit);
    }

    @Override
    public ImageSet test(int limit) throws DatasetFormatException {
        List<String> classes = classNames(trainFolder());
        Path test = root.resolve("test");
        if (!Files.isDirectory(test)) {
            test = root.resolve("val");
        }
        if (!Files.isDirectory(test)) {
            throw new DatasetFormatException(root, "no 'test' or 'val' folder next to 'train' "
                    + "(expected test/<class>/ image folders)");
        }
        for (String name : subfolders(test)) {
            if (!classes.contains(name)) {
                throw new DatasetFormatException(test.resolve(name), "class '" + name
                        + "' is not a class of train (train classes: " + String.join(", ", classes) + ")");
            }
        }
        return read("folder-test", test, classes, testResizeEdge(size), limit);
    }

    private Path trainFolder() throws DatasetFormatException {
        Path train = root.resolve("train");
        if (!Files.isDirectory(train)) {
            throw new DatasetFormatException(root, "no 'train' folder (expected train/<class>/ image folders)");
        }
        return train;
    }

    private static List<String> classNames(Path train) throws DatasetFormatException {
        List<String> names = subfolders(train);
        if (names.isEmpty()) {
            throw new DatasetFormatException(train, "no class folders (expected one folder of images per class)");
        }
        return names;
    }

    private ImageSet read(String name, Path split, List<String> classes, int resizeEdge, int limit)
            throws DatasetFormatException {
        List<List<Path>> perClass = new ArrayList<>();
        for (String c : classes) {
            Path folder = split.resolve(c);
            perClass.add(Files.isDirectory(folder) ? images(folder) : List.of());
        }
        List<Path> files = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (int round = 0; files.size() < limit; round++) {
            boolean any = false;
            for (int c = 0; c < perClass.size() && files.size() < limit; c++) {
                if (round < perClass.get(c).size()) {
                    files.add(perClass.get(c).get(round));
                    labels.add(c);
                    any = true;
                }
            }
            if (!any) {
                break;
            }
        }
        if (files.isEmpty() && limit > 0) {
            throw new DatasetFormatException(split, "no images in any class folder");
        }
        int n = files.size();
        int bytes = 3 * size * size;
        byte[] pixels = new byte[n * bytes];
        DatasetFormatException[] errors = new DatasetFormatException[n];
        IntStream.range(0, n).parallel().forEach(i -> {
            try {
                byte[] square = decodeSquare(files.get(i), resizeEdge);
                System.arraycopy(square, 0, pixels, i * bytes, bytes);
            } catch (DatasetFormatException e) {
                errors[i] = e;
            }
        });
        for (DatasetFormatException e : errors) {
            if (e != null) {
                throw e;
            }
        }
        return new ImageSet(name, classes, 3, size, size, pixels,
                labels.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Shorter side to {@code resizeEdge}, then the central {@code size x size} square. */
    private byte[] decodeSquare(Path file, int resizeEdge) throws DatasetFormatException {
        BufferedImage image = ImageFileDecoder.decode(file);
        int w = image.getWidth();
        int h = image.getHeight();
        // torchvision Resize(int): the shorter side becomes the edge, the longer one is truncated.
        int outH = w <= h ? (int) ((long) resizeEdge * h / w) : resizeEdge;
        int outW = w <= h ? resizeEdge : (int) ((long) resizeEdge * w / h);
        byte[] resized = BilinearResampler.resizeToBytes(channelFirst(image), 3, h, w, outH, outW);
        int top = (int) Math.rint((outH - size) / 2.0);
        int left = (int) Math.rint((outW - size) / 2.0);
        byte[] out = new byte[3 * size * size];
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < size; y++) {
                System.arraycopy(resized, (c * outH + top + y) * outW + left, out, (c * size + y) * size, size);
            }
        }
        return out;
    }

    /** RGB planes of any image type (grey, palette, alpha), as Java2D converts them to sRGB. */
    private static byte[] channelFirst(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
        byte[] out = new byte[3 * w * h];
        int plane = w * h;
        for (int i = 0; i < plane; i++) {
            out[i] = (byte) (argb[i] >> 16);
            out[plane + i] = (byte) (argb[i] >> 8);
            out[2 * plane + i] = (byte) argb[i];
        }
        return out;
    }

    private static List<Path> images(Path folder) throws DatasetFormatException {
        List<Path> files;
        try (Stream<Path> s = Files.list(folder)) {
            files = s.filter(Files::isRegularFile).filter(ImageFolderReader::isImageName).sorted().toList();
        } catch (IOException e) {
            throw new DatasetFormatException(folder, "cannot be listed: " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            throw new DatasetFormatException(folder, "class folder has no .png, .jpg or .jpeg images");
        }
        return files;
    }

    private static boolean isImageName(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return !n.startsWith(".") && EXTENSIONS.stream().anyMatch(n::endsWith);
    }

    private static List<String> subfolders(Path folder) throws DatasetFormatException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(n -> !n.startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new DatasetFormatException(folder, "cannot be listed: " + e.getMessage(), e);
        }
    }
}
