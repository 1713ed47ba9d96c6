package org.mlaan.lab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BilinearResamplerTest {

    @Test
    void enlargesWithHalfPixelCentresLikeTorchBilinear() {
        byte[] src = {0, (byte) 255};
        float[] out = BilinearResampler.resize(src, 0, 1, 1, 2, 0, 0, 1, 2, 1, 4);
        assertArrayEquals(new float[] {0f, 63.75f, 191.25f, 255f}, out, 1e-3f);
    }

    @Test
    void shrinkingAveragesInsteadOfSkippingPixels() {
        // A one-pixel checkerboard shrunk 2x: point sampling would give pure 0 or 255.
        int n = 8;
        byte[] src = new byte[n * n];
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                src[y * n + x] = (byte) ((x + y) % 2 == 0 ? 0 : 255);
            }
        }
        byte[] out = BilinearResampler.resizeToBytes(src, 1, n, n, 4, 4);
        for (int i = 0; i < out.length; i++) {
            int v = out[i] & 0xFF;
            assertEquals(127.5, v, 20, "pixel " + i);
        }
    }

    @Test
    void keepsAConstantImageConstantAtAnySize() {
        byte[] src = new byte[3 * 5 * 7];
        java.util.Arrays.fill(src, (byte) 77);
        byte[] out = BilinearResampler.resizeToBytes(src, 3, 5, 7, 11, 3);
        for (byte b : out) {
            assertEquals(77, b & 0xFF);
        }
    }

    @Test
    void resizesOnlyTheRequestedRegion() {
        // Left half 10, right half 200: a crop of the right half resized stays 200.
        byte[] src = new byte[4 * 8];
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 8; x++) {
                src[y * 8 + x] = (byte) (x < 4 ? 10 : 200);
            }
        }
        float[] out = BilinearResampler.resize(src, 0, 1, 4, 8, 0, 5, 4, 3, 6, 6);
        for (float v : out) {
            assertEquals(200f, v, 1e-3f);
        }
    }
}
