package org.mlaan.lab.core.io;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The size and SHA-256 of a file, to find it damaged later: a checkpoint records one per file
 * and checks them before loading, since a flipped or overwritten byte in a parameter file still
 * decodes into numbers.
 *
 * @param bytes the file's length
 * @param sha256 the SHA-256 of its content, lower-case hex
 */
public record FileDigest(long bytes, String sha256) {

    /** The digest of {@code file} as it is on disk. */
    public static FileDigest of(Path file) throws IOException {
        MessageDigest md = newSha256();
        long n = 0;
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int r; (r = in.read(buffer)) > 0; ) {
                md.update(buffer, 0, r);
                n += r;
            }
        }
        return new FileDigest(n, HexFormat.of().formatHex(md.digest()));
    }

    /** The digest of a file's content already read into {@code bytes}. */
    public static FileDigest of(byte[] bytes) {
        return new FileDigest(bytes.length, HexFormat.of().formatHex(newSha256().digest(bytes)));
    }

    /**
     * What is wrong with {@code file} against this digest, or null when it matches: its size, else
     * its content.
     */
    public String mismatch(Path file) throws IOException {
        long size = Files.size(file);
        if (size != bytes) {
            return (size < bytes ? "truncated: " : "longer than written: ") + size + " bytes, " + bytes
                    + " were written";
        }
        if (!of(file).sha256().equals(sha256)) {
            return "damaged: its SHA-256 differs from the one recorded when it was written (same size, " + bytes
                    + " bytes, so bytes inside it changed)";
        }
        return null;
    }

    /** An output stream that digests what passes through it; {@link #digest()} once it is done. */
    public static final class Counting extends FilterOutputStream {
        private final MessageDigest md = newSha256();
        private long bytes;

        public Counting(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            md.update((byte) b);
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            md.update(b, off, len);
            bytes += len;
        }

        public FileDigest digest() {
            return new FileDigest(bytes, HexFormat.of().formatHex(md.digest()));
        }
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
