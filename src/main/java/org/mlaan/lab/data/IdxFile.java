package org.mlaan.lab.data;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * One open IDX file (the MNIST family's format): a 4-byte magic number {@code 0x0000 08 d}
 * (unsigned bytes, d dimensions), d big-endian 32-bit sizes, then the bytes row-major. The file may
 * be gzip-compressed; that is told from its first two bytes (1f 8b), not its name, so a download
 * that was unpacked or renamed reads the same. Every error names the file.
 */
final class IdxFile implements Closeable {
    /** Images: unsigned bytes in 3 dimensions (count, rows, columns). */
    static final int IMAGES = 0x00000803;
    /** Labels: unsigned bytes in 1 dimension (count). */
    static final int LABELS = 0x00000801;
    private static final int LARGEST_ARRAY = Integer.MAX_VALUE - 8;

    private final Path path;
    private final InputStream body;
    private final int[] sizes;

    private IdxFile(Path path, InputStream body, int[] sizes) {
        this.path = path;
        this.body = body;
        this.sizes = sizes;
    }

    /** Opens {@code path}, reads its header and checks that it is {@code magic}. */
    static IdxFile open(Path path, int magic) throws DatasetFormatException {
        InputStream in = null;
        try {
            in = new BufferedInputStream(Files.newInputStream(path), 1 << 16);
            in.mark(2);
            boolean gzip = in.read() == 0x1f && in.read() == 0x8b;
            in.reset();
            if (gzip) {
                in = new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
            }
            DataInputStream data = new DataInputStream(in);
            int found = data.readInt();
            if (found != magic) {
                throw new DatasetFormatException(path, String.format("magic number 0x%08x, expected 0x%08x (%s)",
                        found, magic, describe(magic)));
            }
            int[] sizes = new int[magic & 0xFF];
            for (int d = 0; d < sizes.length; d++) {
                sizes[d] = data.readInt();
                if (sizes[d] < 1) {
                    throw new DatasetFormatException(path, "dimension " + d + " of the header is "
                            + Integer.toUnsignedLong(sizes[d]) + ", expected a positive size");
                }
            }
            IdxFile file = new IdxFile(path, in, sizes);
            if (!gzip) {
                file.checkPlainSize();
            }
            return file;
        } catch (DatasetFormatException e) {
            closeQuietly(in);
            throw e;
        } catch (IOException e) {
            closeQuietly(in);
            throw unreadable(path, e, "its header (" + describe(magic) + ")");
        }
    }

    /** The sizes the header gives: (count) for labels, (count, rows, columns) for images. */
    int size(int dimension) {
        return sizes[dimension];
    }

    /** The bytes after the header, as the header says how many there are (Long.MAX_VALUE past a long). */
    long bodyBytes() {
        long n = 1;
        for (int s : sizes) {
            n = Math.multiplyHigh(n, s) == 0 && n * s >= 0 ? n * s : Long.MAX_VALUE;
        }
        return n;
    }

    Path path() {
        return path;
    }

    /** Exactly the next {@code bytes} bytes of the body. */
    byte[] read(long bytes) throws DatasetFormatException {
        if (bytes > LARGEST_ARRAY) {
            throw new DatasetFormatException(path, "reading " + bytes
                    + " bytes at once is more than one Java array holds; use a smaller size limit");
        }
        try {
            // readNBytes grows its buffer as data arrives, so a header that claims too much costs
            // no more memory than the file really holds.
            byte[] out = body.readNBytes((int) bytes);
            if (out.length != bytes) {
                throw new DatasetFormatException(path, "ends after " + out.length + " of the " + bytes
                        + " data bytes its header promises (a truncated download?)");
            }
            return out;
        } catch (DatasetFormatException e) {
            throw e;
        } catch (IOException e) {
            throw unreadable(path, e, "its data");
        }
    }

    /** The rest of the body, for reading it piece by piece. */
    InputStream body() {
        return body;
    }

    /** An error reading the body at {@code path}, with a truncated or corrupt gzip stream said so. */
    static DatasetFormatException unreadable(Path path, IOException e, String where) {
        String why = e instanceof EOFException ? "ends inside " + where
                : "cannot read " + where + ": " + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : " " + e.getMessage());
        return new DatasetFormatException(path, why, e);
    }

    /** A plain file's size tells at once whether it holds what its header claims. */
    private void checkPlainSize() throws DatasetFormatException {
        long header = 4L + 4L * sizes.length;
        long expected = bodyBytes() == Long.MAX_VALUE ? Long.MAX_VALUE : header + bodyBytes();
        long actual = DataFolder.size(path);
        if (actual != expected) {
            throw new DatasetFormatException(path, actual + " bytes, expected " + expected + " (a "
                    + header + "-byte header and " + sizesText() + " bytes as its header says)");
        }
    }

    private String sizesText() {
        StringBuilder sb = new StringBuilder();
        for (int s : sizes) {
            sb.append(sb.length() == 0 ? "" : "x").append(s);
        }
        return sb.toString();
    }

    private static String describe(int magic) {
        return magic == IMAGES ? "IDX images: unsigned bytes in 3 dimensions"
                : "IDX labels: unsigned bytes in 1 dimension";
    }

    private static void closeQuietly(InputStream in) {
        if (in != null) {
            try {
                in.close();
            } catch (IOException e) {
                // Already failing with a message that names the file; a close error adds nothing.
            }
        }
    }

    @Override
    public void close() throws IOException {
        body.close();
    }
}
