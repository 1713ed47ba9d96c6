package org.mlaan.lab.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds a data set's files inside the folder a user named, which may be the folder of files itself
 * or the folder the archive was unpacked into (CIFAR-10's {@code cifar-10-batches-bin},
 * STL-10's {@code stl10_binary}), and reads them with errors that name the file.
 */
final class DataFolder {
    private DataFolder() {}

    /**
     * {@code root} when it holds {@code marker}, else {@code root/unpacked} when that does, else an
     * error listing what was looked for.
     */
    static Path locate(Path root, String unpacked, String marker, String what) throws DatasetFormatException {
        if (!Files.isDirectory(root)) {
            throw new DatasetFormatException(root, "no such folder (expected the " + what + " folder)");
        }
        if (Files.exists(root.resolve(marker))) {
            return root;
        }
        Path inner = root.resolve(unpacked);
        if (Files.exists(inner.resolve(marker))) {
            return inner;
        }
        throw new DatasetFormatException(root, "no " + marker + " here or in " + unpacked
                + "/ (expected the " + what + " files)");
    }

    /** {@code folder/name}, which must be a regular file. */
    static Path requireFile(Path folder, String name, String what) throws DatasetFormatException {
        Path file = folder.resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new DatasetFormatException(file, "missing (expected the " + what + ")");
        }
        return file;
    }

    /** Size of a file in bytes, with the file named when it cannot be read. */
    static long size(Path file) throws DatasetFormatException {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new DatasetFormatException(file, "cannot read its size: " + e.getMessage(), e);
        }
    }

    /** Exactly {@code length} bytes from the start of {@code file}. */
    static byte[] readPrefix(Path file, long length) throws DatasetFormatException {
        if (length > Integer.MAX_VALUE - 8) {
            throw new DatasetFormatException(file, "reading " + length
                    + " bytes at once is more than one Java array holds; use a smaller size limit");
        }
        byte[] out = new byte[(int) length];
        try (InputStream in = Files.newInputStream(file)) {
            int read = in.readNBytes(out, 0, out.length);
            if (read != out.length) {
                throw new DatasetFormatException(file, "ended after " + read + " bytes, expected "
                        + length);
            }
        } catch (DatasetFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new DatasetFormatException(file, "cannot be read: " + e.getMessage(), e);
        }
        return out;
    }

    /**
     * The non-blank lines of a class-name file, trimmed, which must be exactly {@code expected}.
     */
    static List<String> classNames(Path file, int expected) throws DatasetFormatException {
        List<String> names = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    names.add(line.trim());
                }
            }
        } catch (IOException e) {
            throw new DatasetFormatException(file, "cannot be read as text: " + e.getMessage(), e);
        }
        if (names.size() != expected) {
            throw new DatasetFormatException(file, names.size() + " class names, expected "
                    + expected + " (one per line)");
        }
        return names;
    }
}
