package org.mlaan.lab.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where one set of IDX files lies: a folder and the prefix its file names share. The path a user
 * gives is the folder of {@code train-images-idx3-ubyte} (or of one prefixed set, as EMNIST's
 * {@code emnist-letters-train-images-idx3-ubyte.gz}), or {@code folder/PREFIX} to pick one set of
 * several in a folder (EMNIST's archive holds six).
 */
record IdxLocation(Path folder, String prefix) {
    private static final String MARKER = "train-images-idx3-ubyte";

    /** The set at {@code path}, or an error that names it and says what was looked for. */
    static IdxLocation of(Path path) throws DatasetFormatException {
        if (!Files.isDirectory(path)) {
            Path parent = path.toAbsolutePath().getParent();
            String prefix = path.getFileName() + "-";
            if (parent != null && Files.isDirectory(parent) && prefixes(parent).contains(prefix)) {
                return new IdxLocation(parent, prefix);
            }
            throw new DatasetFormatException(path, "no such folder (expected the folder of the IDX files, or"
                    + " FOLDER/PREFIX for the files PREFIX-" + MARKER + "... in FOLDER)");
        }
        List<String> found = prefixes(path);
        if (found.contains("")) {
            return new IdxLocation(path, "");
        }
        if (found.size() == 1) {
            return new IdxLocation(path, found.get(0));
        }
        if (found.isEmpty()) {
            throw new DatasetFormatException(path, "no " + MARKER + " here, plain or .gz (expected the IDX files"
                    + " of MNIST, Fashion-MNIST, KMNIST or EMNIST)");
        }
        String first = found.get(0);
        throw new DatasetFormatException(path, "holds several IDX sets (" + String.join(", ", found)
                + "); name one as the path, e.g. " + path.resolve(first.substring(0, first.length() - 1)));
    }

    /** The first of {@code names}, plain or {@code .gz}, under the prefix; else an error naming the first. */
    Path find(String what, String... names) throws DatasetFormatException {
        for (String name : names) {
            for (String suffix : new String[] {"", ".gz"}) {
                Path file = folder.resolve(prefix + name + suffix);
                if (Files.isRegularFile(file)) {
                    return file;
                }
            }
        }
        return DataFolder.requireFile(folder, prefix + names[0], "IDX " + what + ", plain or .gz");
    }

    /** The set's name: the prefix without its dash, else the folder's name. */
    String name() {
        if (!prefix.isEmpty()) {
            return prefix.endsWith("-") ? prefix.substring(0, prefix.length() - 1) : prefix;
        }
        Path n = folder.toAbsolutePath().normalize().getFileName();
        return n == null ? "idx" : n.toString();
    }

    /** Every prefix under which {@code folder} holds a training-images file, sorted. */
    private static List<String> prefixes(Path folder) throws DatasetFormatException {
        List<String> out = new ArrayList<>();
        try (var files = Files.list(folder)) {
            files.map(f -> f.getFileName().toString())
                    .map(n -> n.endsWith(".gz") ? n.substring(0, n.length() - 3) : n)
                    .filter(n -> n.endsWith(MARKER))
                    .map(n -> n.substring(0, n.length() - MARKER.length()))
                    .distinct().sorted().forEach(out::add);
        } catch (IOException e) {
            throw new DatasetFormatException(folder, "cannot list the folder: " + e.getMessage(), e);
        }
        return out;
    }
}
