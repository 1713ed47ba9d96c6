package org.mlaan.lab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.mlaan.lab.core.plan.TensorShape;

class RandomResizedCropFlipTest {

    /** One 3x16x16 image whose red channel is 200 at (row 2, column 13) and 0 elsewhere. */
    private static ImageSet marked() {
        byte[] px = new byte[3 * 16 * 16];
        px[2 * 16 + 13] = (byte) 200;
        return new ImageSet("one", List.of("a"), 3, 16, 16, px, new int[] {0});
    }

    @Test
    void cropsStayInsideTheImageWithAreaAndAspectInRange() {
        RandomResizedCropFlip t = RandomResizedCropFlip.imagenetTrain(64);
        SplittableRandom random = new SplittableRandom(7);
        int fallbacks = 0;
        for (int k = 0; k < 2000; k++) {
            RandomResizedCropFlip.Crop c = t.crop(64, 64, random);
            assertTrue(c.top() >= 0 && c.left() >= 0, c.toString());
            assertTrue(c.top() + c.height() <= 64 && c.left() + c.width() <= 64, c.toString());
            double share = c.height() * c.width() / (64.0 * 64.0);
            double ratio = (double) c.width() / c.height();
            if (c.height() == 64 && c.width() == 64) {
                fallbacks++;
                continue;
            }
            // Rounding to whole pixels moves share and ratio a little beyond the drawn values.
            assertTrue(share > 0.06 && share <= 1.0, "share " + share);
            assertTrue(ratio > 0.7 && ratio < 1.43, "ratio " + ratio);
        }
        assertTrue(fallbacks < 100, "central-crop fallback is rare: " + fallbacks);
    }

    @Test
    void wholeImageCropWithoutFlipIsJustNormalisation() {
        ImageSet set = marked();
        RandomResizedCropFlip t = new RandomResizedCropFlip(16, 1.0, 1.0, 1.0, 1.0, false, Normalization.HALF);
        float[] out = new float[3 * 16 * 16];
        t.apply(set, 0, new SplittableRandom(1), out, 0);
        assertEquals(Normalization.HALF.apply(0, 200), out[2 * 16 + 13], 1e-5f);
        assertEquals(-1f, out[2 * 16 + 12], 1e-5f);
        assertEquals(-1f, out[16 * 16 + 2 * 16 + 13], 1e-5f);
    }

    @Test
    void flipsAboutHalfTheSamplesHorizontally() {
        ImageSet set = marked();
        RandomResizedCropFlip t = new RandomResizedCropFlip(16, 1.0, 1.0, 1.0, 1.0, true, Normalization.HALF);
        float bright = Normalization.HALF.apply(0, 200);
        int flipped = 0;
        for (int s = 0; s < 200; s++) {
            float[] out = new float[3 * 16 * 16];
            t.apply(set, 0, new SplittableRandom(s), out, 0);
            boolean original = Math.abs(out[2 * 16 + 13] - bright) < 1e-5f;
            boolean mirrored = Math.abs(out[2 * 16 + 2] - bright) < 1e-5f;
            assertTrue(original ^ mirrored, "seed " + s);
            if (mirrored) {
                flipped++;
            }
        }
        assertTrue(flipped > 70 && flipped < 130, "flipped " + flipped + " of 200");
    }

    @Test
    void sameGeneratorStateGivesTheSameSampleAtTheRequestedSize() {
        byte[] px = new byte[3 * 20 * 20];
        new SplittableRandom(3).nextBytes(px);
        ImageSet set = new ImageSet("noise", List.of("a"), 3, 20, 20, px, new int[] {0});
        RandomResizedCropFlip t = RandomResizedCropFlip.imagenetTrain(12);
        assertEquals(new TensorShape(3, 12, 12), t.outputShape(set.shape()));
        float[] a = new float[3 * 12 * 12];
        float[] b = new float[3 * 12 * 12];
        t.apply(set, 0, new SplittableRandom(42), a, 0);
        t.apply(set, 0, new SplittableRandom(42), b, 0);
        assertArrayEquals(a, b);
        float[] c = new float[3 * 12 * 12];
        t.apply(set, 0, new SplittableRandom(43), c, 0);
        assertTrue(!java.util.Arrays.equals(a, c), "another seed gives another crop");
    }
}
