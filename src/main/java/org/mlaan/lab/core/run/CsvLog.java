package org.mlaan.lab.core.run;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.mlaan.lab.core.io.AtomicFiles;

/**
 * A metrics CSV that grows one row at a time: the header first, each row appended and flushed at
 * once so that a crash loses at most the row being written. {@link #keepOnly} cuts it back (for a
 * resume from an earlier checkpoint) by rewriting it atomically.
 */
public final class CsvLog implements Closeable {
    private final Path file;
    private final String header;
    private BufferedWriter writer;

    public CsvLog(Path file, String header) {
        this.file = file;
        this.header = header;
    }

    public Path file() {
        return file;
    }

    /** Appends one row (values joined by commas) and flushes it. */
    public void append(String row) throws IOException {
        if (writer == null) {
            boolean fresh = !Files.exists(file) || Files.size(file) == 0;
            writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            if (fresh) {
                writer.write(header);
                writer.newLine();
            }
        }
        writer.write(row);
        writer.newLine();
        writer.flush();
    }

    /**
     * Whether {@code found} is {@code header}, or the header of an older lab: the same columns
     * without some at the end (columns are only ever added there).
     */
    public static boolean isHeaderOrOlder(String found, String header) {
        return found.equals(header) || (!found.isEmpty() && header.startsWith(found + ","));
    }

    /**
     * Keeps the header and the rows {@code keep} accepts (each row split into its fields), drops
     * the rest and any torn last line. Rows of an older lab's file, with fewer columns, get the
     * missing cells as NaN, so a resumed run appends full rows under the current header.
     */
    public void keepOnly(Predicate<String[]> keep) throws IOException {
        close();
        if (!Files.exists(file)) {
            return;
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        int fields = header.split(",", -1).length;
        int written = lines.isEmpty() || !isHeaderOrOlder(lines.get(0), header) ? fields
                : lines.get(0).split(",", -1).length;
        List<String> out = new ArrayList<>();
        out.add(header);
        for (int i = 1; i < lines.size(); i++) {
            String[] parts = lines.get(i).split(",", -1);
            if (parts.length == written && keep.test(parts)) {
                out.add(lines.get(i) + ",NaN".repeat(fields - written));
            }
        }
        AtomicFiles.writeString(file, String.join(System.lineSeparator(), out) + System.lineSeparator());
    }

    @Override
    public void close() throws IOException {
        if (writer != null) {
            writer.close();
            writer = null;
        }
    }
}
