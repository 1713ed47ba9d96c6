package org.mlaan.lab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreviewGridTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    private static int rgb(ImageSet set, int i, int y, int x) {
        return (set.pixel(i, 0, y, x) << 16) | (set.pixel(i, 1, y, x) << 8) | set.pixel(i, 2, y, x);
    }

    @Test
    void writesOneRowPerClassWithEnlargedImagesAtTheLaidOutPlaces() throws IOException {
        ImageSet set = new BuiltinScenes(4).train(60);
        Path png = dir.resolve("sheets/grid.png");
        PreviewGrid.Layout layout = PreviewGrid.write(set, png, 5);
        BufferedImage sheet = ImageIO.read(png.toFile());
        assertEquals(3, layout.scale());
        assertEquals(10 * (96 + PreviewGrid.GAP) + PreviewGrid.GAP, sheet.getHeight());
        assertEquals(layout.labelWidth() + 5 * (96 + PreviewGrid.GAP) + PreviewGrid.GAP, sheet.getWidth());
        assertTrue(layout.labelWidth() > 2 * PreviewGrid.GAP, "room for the class names");
        // The third image of class 7 goes to row 7, column 2.
        int found = -1;
        int seen = 0;
        for (int i = 0; i < set.size(); i++) {
            if (set.label(i) == 7 && seen++ == 2) {
                found = i;
                break;
            }
        }
        for (int[] p : new int[][] {{16, 16}, {0, 31}, {31, 0}, {5, 20}}) {
            int y = p[0];
            int x = p[1];
            int sx = layout.cellLeft(2) + x * 3 + 1;
            int sy = layout.cellTop(7) + y * 3 + 1;
            assertEquals(rgb(set, found, y, x), sheet.getRGB(sx, sy) & 0xFFFFFF, "pixel " + y + "," + x);
            assertEquals(rgb(set, found, y, x), sheet.getRGB(sx + 1, sy + 1) & 0xFFFFFF, "enlarged pixel");
        }
    }

    @Test
    void leavesEmptyCellsWhenAClassHasTooFewImages() throws IOException {
        byte[] px = new byte[3 * 2 * 2 * 3];
        java.util.Arrays.fill(px, (byte) 200);
        ImageSet set = new ImageSet("tiny", List.of("a", "b"), 3, 2, 2, px, new int[] {0, 0, 1});
        Path png = dir.resolve("tiny.png");
        PreviewGrid.Layout layout = PreviewGrid.write(set, png, 2, 10);
        BufferedImage sheet = ImageIO.read(png.toFile());
        int filled = sheet.getRGB(layout.cellLeft(1) + 5, layout.cellTop(0) + 5) & 0xFFFFFF;
        int empty = sheet.getRGB(layout.cellLeft(1) + 5, layout.cellTop(1) + 5) & 0xFFFFFF;
        assertEquals(0xC8C8C8, filled);
        assertTrue(empty != 0xC8C8C8, "class b has one image, its second cell stays empty");
    }
}
