package org.mlaan.lab.data;

import java.util.SplittableRandom;

/**
 * A small RGB drawing surface for the built-in set: gradient backgrounds, soft blobs, lines,
 * bars, glyphs, per-pixel colour noise, and the final conversion to 8-bit channel-first pixels.
 * Values are kept as floats until then so that blobs and noise add up without clipping twice.
 */
final class SceneCanvas {
    private final int size;
    private final float[] px;

    SceneCanvas(int size) {
        this.size = size;
        this.px = new float[3 * size * size];
    }

    int size() {
        return size;
    }

    /** A linear blend from colour a to colour b along a direction at {@code angle} radians. */
    void gradient(int[] a, int[] b, double angle) {
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        double half = (size - 1) / 2.0;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double t = 0.5 + ((x - half) * cos + (y - half) * sin) / size;
                for (int c = 0; c < 3; c++) {
                    px[(c * size + y) * size + x] = (float) (a[c] + (b[c] - a[c]) * t);
                }
            }
        }
    }

    /** Adds {@code delta} per channel, fading with a Gaussian of width {@code sigma} around (cx, cy). */
    void blob(double cx, double cy, double sigma, int[] delta) {
        double k = -1 / (2 * sigma * sigma);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double w = Math.exp(((x - cx) * (x - cx) + (y - cy) * (y - cy)) * k);
                for (int c = 0; c < 3; c++) {
                    px[(c * size + y) * size + x] += (float) (delta[c] * w);
                }
            }
        }
    }

    /** Mean luma of the (2r+1)-pixel square around (cx, cy), as painted so far. */
    double meanLuma(int cx, int cy, int radius) {
        double sum = 0;
        int n = 0;
        for (int y = Math.max(0, cy - radius); y <= Math.min(size - 1, cy + radius); y++) {
            for (int x = Math.max(0, cx - radius); x <= Math.min(size - 1, cx + radius); x++) {
                int i = y * size + x;
                sum += 0.299 * px[i] + 0.587 * px[size * size + i] + 0.114 * px[2 * size * size + i];
                n++;
            }
        }
        return sum / n;
    }

    void set(int x, int y, int[] rgb) {
        if (x < 0 || y < 0 || x >= size || y >= size) {
            return;
        }
        for (int c = 0; c < 3; c++) {
            px[(c * size + y) * size + x] = rgb[c];
        }
    }

    /** One-pixel line from (x0, y0) to (x1, y1), one pixel per step along the longer axis. */
    void line(int x0, int y0, int x1, int y1, int[] rgb) {
        int steps = Math.max(Math.abs(x1 - x0), Math.abs(y1 - y0));
        for (int i = 0; i <= steps; i++) {
            double t = steps == 0 ? 0 : (double) i / steps;
            set((int) Math.round(x0 + (x1 - x0) * t), (int) Math.round(y0 + (y1 - y0) * t), rgb);
        }
    }

    void rect(int x, int y, int w, int h, int[] rgb) {
        for (int dy = 0; dy < h; dy++) {
            for (int dx = 0; dx < w; dx++) {
                set(x + dx, y + dy, rgb);
            }
        }
    }

    void glyph(MarkerShape shape, int radius, int cx, int cy, int[] rgb) {
        for (int dy = -radius; dy <= radius; dy++) {
            for (int dx = -radius; dx <= radius; dx++) {
                if (shape.covers(dx, dy, radius)) {
                    set(cx + dx, cy + dy, rgb);
                }
            }
        }
    }

    /** Independent noise on every channel of every pixel, triangular in -amplitude..amplitude. */
    void noise(SplittableRandom r, int amplitude) {
        for (int i = 0; i < px.length; i++) {
            px[i] += r.nextInt(amplitude + 1) + r.nextInt(amplitude + 1) - amplitude;
        }
    }

    /** Rounded and clipped to 0..255, channel-first, into {@code dst} from {@code offset}. */
    void copyTo(byte[] dst, int offset) {
        for (int i = 0; i < px.length; i++) {
            dst[offset + i] = (byte) Math.max(0, Math.min(255, Math.round(px[i])));
        }
    }
}
