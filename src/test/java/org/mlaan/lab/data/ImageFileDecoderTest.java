package org.mlaan.lab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFileDecoderTest {

    @TempDir
    Path dir;

    /** A real 12x12 PNG whose IHDR then claims {@code width x height}, with the chunk's CRC made valid again. */
    static Path pngClaiming(Path file, int width, int height) throws IOException {
        Files.createDirectories(file.getParent());
        BufferedImage img = new BufferedImage(12, 12, BufferedImage.TYPE_INT_RGB);
        assertTrue(ImageIO.write(img, "png", file.toFile()));
        byte[] png = Files.readAllBytes(file);
        ByteBuffer b = ByteBuffer.wrap(png); // big-endian, as PNG is
        assertEquals("IHDR", new String(png, 12, 4, StandardCharsets.US_ASCII), "IHDR is the first chunk");
        b.putInt(16, width);
        b.putInt(20, height);
        CRC32 crc = new CRC32();
        crc.update(png, 12, 4 + 13); // chunk type and its 13 data bytes
        b.putInt(29, (int) crc.getValue());
        Files.write(file, png);
        return file;
    }

    @Test
    void refusesFromTheHeaderAnImageThatClaimsAHugeSide() throws IOException {
        Path file = pngClaiming(dir.resolve("huge.png"), 100_000, 100_000);
        assertTrue(Files.size(file) < 1000, "the file itself is tiny");

        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> ImageFileDecoder.decode(file));

        assertEquals(file + ": its header claims 100000 x 100000 pixels, more than the lab decodes (at most 16384 px"
                + " a side and 64 megapixels)", e.getMessage());
        assertEquals(file, e.path());
    }

    @Test
    void refusesMoreThan64MegapixelsEvenWhenEachSideIsWithinTheLimit() throws IOException {
        Path file = pngClaiming(dir.resolve("wide.png"), 16_000, 4_001);

        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> ImageFileDecoder.decode(file));

        assertTrue(e.getMessage().startsWith(file + ": its header claims 16000 x 4001 pixels"), e.getMessage());
    }

    @Test
    void decodesAnImageWithinTheLimits() throws IOException {
        Path file = pngClaiming(dir.resolve("ok.png"), 12, 12);

        BufferedImage image = ImageFileDecoder.decode(file);

        assertEquals(12, image.getWidth());
        assertEquals(12, image.getHeight());
    }

    @Test
    void reportsAFileThatIsNoImage() throws IOException {
        Path file = dir.resolve("note.png");
        Files.writeString(file, "this is not a picture");

        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> ImageFileDecoder.decode(file));

        assertEquals(file + ": not a readable PNG or JPEG image", e.getMessage());
    }
}
