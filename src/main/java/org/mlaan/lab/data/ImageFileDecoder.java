package org.mlaan.lab.data;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes one image file, refusing from its header an image too large to hold: a side over
 * {@value #MAX_SIDE} px or more than {@value #MAX_PIXELS} pixels. The header's size is only a
 * claim, and {@code ImageIO.read} allocates the pixels it claims before reading any, so a tiny PNG
 * that claims 100000 x 100000 would ask for 40 GB; the size is read first and the pixels only
 * when it is within the limits.
 */
final class ImageFileDecoder {
    /** The longest side accepted, in pixels. */
    static final int MAX_SIDE = 16384;
    /** The most pixels accepted (64 megapixels), about 256 MB as ARGB. */
    static final long MAX_PIXELS = 64_000_000L;

    private ImageFileDecoder() {}

    /** The image in {@code file}, or an error naming the file when it cannot be read or is too large. */
    static BufferedImage decode(Path file) throws DatasetFormatException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) {
                throw new DatasetFormatException(file, "cannot be opened as an image");
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new DatasetFormatException(file, "not a readable PNG or JPEG image");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                refuseOversized(file, reader.getWidth(0), reader.getHeight(0));
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (DatasetFormatException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new DatasetFormatException(file, "cannot be decoded as an image: " + e.getMessage(), e);
        }
    }

    private static void refuseOversized(Path file, int width, int height) throws DatasetFormatException {
        if (width > MAX_SIDE || height > MAX_SIDE || (long) width * height > MAX_PIXELS) {
            throw new DatasetFormatException(file, String.format(Locale.ROOT,
                    "its header claims %d x %d pixels, more than the lab decodes (at most %d px a side and"
                            + " %d megapixels)", width, height, MAX_SIDE, MAX_PIXELS / 1_000_000));
        }
    }
}
