package org.mlaan.lab.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/**
 * IDX files written byte by byte as the MNIST family ships them (magic, big-endian sizes, pixels
 * row by row), plain or gzip-compressed, for tests of the reader and of training on grey images.
 */
public final class IdxFixtures {
    private IdxFixtures() {}

    /** Pixel (y, x) of image {@code i} in {@link #digits}: a pattern that tells rows, columns and images apart. */
    public static int pixel(int i, int y, int x) {
        return (i * 37 + y * 11 + x * 3 + 1) % 256;
    }

    /** Label of image {@code i} in {@link #digits}. */
    public static int label(int i) {
        return i % 10;
    }

    /**
     * A set in the standard names: {@code train} and {@code test} images of {@code rows} x {@code columns}
     * with the {@link #pixel} pattern and labels cycling 0..9, compressed when {@code gzip} (names end .gz).
     */
    public static void digits(Path folder, int train, int test, int rows, int columns, boolean gzip)
            throws IOException {
        Files.createDirectories(folder);
        String gz = gzip ? ".gz" : "";
        write(folder.resolve("train-images-idx3-ubyte" + gz), images(train, rows, columns), gzip);
        write(folder.resolve("train-labels-idx1-ubyte" + gz), cyclingLabels(train), gzip);
        write(folder.resolve("t10k-images-idx3-ubyte" + gz), images(test, rows, columns), gzip);
        write(folder.resolve("t10k-labels-idx1-ubyte" + gz), cyclingLabels(test), gzip);
    }

    /** An images file of {@code n} images with the {@link #pixel} pattern. */
    static byte[] images(int n, int rows, int columns) {
        byte[] pixels = new byte[n * rows * columns];
        for (int i = 0; i < n; i++) {
            for (int y = 0; y < rows; y++) {
                for (int x = 0; x < columns; x++) {
                    pixels[(i * rows + y) * columns + x] = (byte) pixel(i, y, x);
                }
            }
        }
        return concat(header(0x00000803, n, rows, columns), pixels);
    }

    /** A labels file of {@code n} labels cycling 0..9. */
    static byte[] cyclingLabels(int n) {
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = label(i);
        }
        return labels(labels);
    }

    /** A labels file holding exactly {@code labels}. */
    static byte[] labels(int... labels) {
        byte[] body = new byte[labels.length];
        for (int i = 0; i < labels.length; i++) {
            body[i] = (byte) labels[i];
        }
        return concat(header(0x00000801, labels.length), body);
    }

    /** The magic number and the big-endian sizes. */
    static byte[] header(int magic, int... sizes) {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * sizes.length).putInt(magic);
        for (int s : sizes) {
            b.putInt(s);
        }
        return b.array();
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static void write(Path file, byte[] bytes, boolean gzip) throws IOException {
        Files.write(file, gzip ? gzip(bytes) : bytes);
    }

    static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(buffer)) {
            out.write(bytes);
        }
        return buffer.toByteArray();
    }
}
