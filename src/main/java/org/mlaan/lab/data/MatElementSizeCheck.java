package org.mlaan.lab.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;

/**
 * Checks, before a MATLAB v5 file is parsed, that every data element's byte count fits in what
 * holds it: the file, the array element around it, or the inflated bytes of a compressed element.
 * The MAT-file parser allocates an element's buffer from the byte count its tag claims before it
 * reads a byte, so a tiny file whose tag claims 2 GB would take 2 GB, or end the program with an
 * OutOfMemoryError. This walk reads the tags and passes over the data through one small buffer,
 * so nothing it allocates depends on the file; a compressed element is inflated once, as a stream,
 * to see what it really holds.
 *
 * <p>Tags as in MathWorks' "MAT-File Format" (Data Element Format): a type and a byte count of 4
 * bytes each, or of 2 bytes each in a small element whose data sits in the tag's last 4 bytes;
 * data padded to 8 bytes except in array (miMATRIX) and compressed (miCOMPRESSED) elements.
 */
final class MatElementSizeCheck {
    private static final int HEADER_BYTES = 128;
    private static final int MI_MATRIX = 14;
    private static final int MI_COMPRESSED = 15;
    /** Cells and structs nest arrays in arrays; real files stay far shallower, and the walk recurses per level. */
    private static final int MAX_DEPTH = 64;
    /** The length of an inflated stream, which ends where its data ends. */
    private static final long UNTIL_END = -1;

    private final Path file;
    private final byte[] buffer = new byte[1 << 16];
    private boolean bigEndian;

    private MatElementSizeCheck(Path file) {
        this.file = file;
    }

    /** Refuses {@code file}, naming it, when one of its elements claims more bytes than it holds. */
    static void check(Path file) throws DatasetFormatException {
        new MatElementSizeCheck(file).walk();
    }

    private void walk() throws DatasetFormatException {
        long length = DataFolder.size(file);
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), buffer.length)) {
            Input in = new Input(raw);
            boolean whole = in.readNBytes(buffer, HEADER_BYTES) == HEADER_BYTES;
            // The writer put the characters "MI" as one 16-bit number in its own byte order.
            if (whole && buffer[126] == 'I' && buffer[127] == 'M') {
                bigEndian = false;
            } else if (whole && buffer[126] == 'M' && buffer[127] == 'I') {
                bigEndian = true;
            } else {
                throw new DatasetFormatException(file, "not a MATLAB v5 file (no byte-order mark 'IM' or 'MI' at "
                        + "byte 126)");
            }
            elements(in, length - HEADER_BYTES, 0, "");
        } catch (DatasetFormatException e) {
            throw e;
        } catch (EOFException e) {
            throw corrupt("a compressed element ends before its deflated data does", e);
        } catch (ZipException e) {
            throw corrupt("a compressed element does not inflate: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new DatasetFormatException(file, "cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * Checks the elements of one container of {@code length} bytes ({@link #UNTIL_END} for an
     * inflated stream) and leaves {@code in} at its end; {@code inside} says where it is, for messages.
     */
    private void elements(Input in, long length, int depth, String inside) throws IOException {
        if (depth > MAX_DEPTH) {
            throw corrupt("arrays nested more than " + MAX_DEPTH + " deep" + inside, null);
        }
        long start = in.position;
        while (length == UNTIL_END || length - (in.position - start) >= 8) {
            long at = in.position;
            int read = in.readNBytes(buffer, 4);
            if (read == 0 && length == UNTIL_END) {
                return;
            }
            if (read < 4) {
                throw corrupt("ends inside the tag at byte " + at + inside, null);
            }
            int first = int32(buffer);
            // As the parser tells them apart: a small element keeps its byte count in the upper 16 bits.
            boolean small = (first >> 16) != 0;
            int type = small ? first & 0xFFFF : first;
            int tag = small ? 4 : 8;
            long bytes;
            if (small) {
                bytes = first >>> 16;
            } else {
                if (in.readNBytes(buffer, 4) < 4) {
                    throw corrupt("ends inside the tag at byte " + at + inside, null);
                }
                bytes = Integer.toUnsignedLong(int32(buffer));
            }
            long room = length == UNTIL_END ? Long.MAX_VALUE : length - (at - start) - tag;
            if (bytes > room) {
                throw endsEarly(at, inside, bytes, room);
            }
            if (type == MI_MATRIX && !small) {
                elements(in, bytes, depth + 1, " in the array at byte " + at + inside);
            } else if (type == MI_COMPRESSED && !small) {
                inflated(in, at, bytes, depth, inside);
            } else {
                long passed = pass(in, bytes);
                if (passed < bytes) {
                    throw endsEarly(at, inside, bytes, passed);
                }
                long padding = (8 - (tag + bytes) % 8) % 8;
                pass(in, length == UNTIL_END ? padding : Math.min(padding, length - (in.position - start)));
            }
        }
        pass(in, length - (in.position - start)); // fewer than 8 bytes left: padding, not an element
    }

    /** Checks the elements inflated from the {@code bytes} compressed bytes that follow and passes over them. */
    private void inflated(Input in, long at, long bytes, int depth, String inside) throws IOException {
        Inflater inflater = new Inflater();
        try {
            InputStream compressed = new Slice(in, bytes);
            Input out = new Input(new InflaterInputStream(compressed, inflater, buffer.length));
            elements(out, UNTIL_END, depth + 1, " of the compressed element at byte " + at + inside);
        } finally {
            inflater.end();
        }
        pass(in, at + 8 + bytes - in.position); // what the inflater did not need
    }

    /** Reads past up to {@code n} bytes, so that a stream that ends stops there; returns how many. */
    private long pass(Input in, long n) throws IOException {
        long done = 0;
        while (done < n) {
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, n - done));
            if (read < 0) {
                break;
            }
            done += read;
        }
        return done;
    }

    private int int32(byte[] b) {
        return bigEndian ? (b[0] & 0xFF) << 24 | (b[1] & 0xFF) << 16 | (b[2] & 0xFF) << 8 | (b[3] & 0xFF)
                : (b[3] & 0xFF) << 24 | (b[2] & 0xFF) << 16 | (b[1] & 0xFF) << 8 | (b[0] & 0xFF);
    }

    private DatasetFormatException endsEarly(long at, String inside, long claimed, long there) {
        return corrupt("ends in the middle of its data: the element at byte " + at + inside + " claims " + claimed
                + " bytes, " + there + " follow", null);
    }

    private DatasetFormatException corrupt(String why, Throwable cause) {
        return new DatasetFormatException(file, "truncated or corrupt MATLAB v5 file (" + why + ")", cause);
    }

    /** The next {@code length} bytes of {@code in}, as a stream for the inflater. */
    private static final class Slice extends InputStream {
        private final Input in;
        private long left;

        Slice(Input in, long length) {
            this.in = in;
            this.left = length;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left == 0) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }
    }

    /** A stream that counts the bytes read from it. */
    private static final class Input {
        private final InputStream in;
        long position;

        Input(InputStream in) {
            this.in = in;
        }

        int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                position += n;
            }
            return n;
        }

        int readNBytes(byte[] b, int len) throws IOException {
            int n = in.readNBytes(b, 0, len);
            position += n;
            return n;
        }
    }
}
