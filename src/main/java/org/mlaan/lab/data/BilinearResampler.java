package org.mlaan.lab.data;

/**
 * Resizes a rectangle of a channel-first 8-bit image with a bilinear (triangle) filter whose width
 * grows with the shrink factor, as Pillow does and torchvision's {@code Resize} with
 * {@code antialias=True} does. Without that widening a 4x shrink would sample one pixel in four
 * and alias; for enlargement it is ordinary bilinear interpolation with half-pixel centres.
 */
final class BilinearResampler {
    private BilinearResampler() {}

    /** For each output index along one axis: the first source index and the source weights. */
    private record Taps(int[] first, float[][] weights) {}

    /**
     * Region {@code (top, left, regionHeight, regionWidth)} of the {@code height x width} image
     * starting at {@code src[offset]}, resized to {@code outHeight x outWidth}. Values stay on the
     * 0..255 scale as floats (channel-first, {@code channels * outHeight * outWidth} of them).
     */
    static float[] resize(byte[] src, int offset, int channels, int height, int width, double top,
            double left, double regionHeight, double regionWidth, int outHeight, int outWidth) {
        Taps rows = taps(height, top, regionHeight, outHeight);
        Taps cols = taps(width, left, regionWidth, outWidth);
        int rowLo = rows.first[0];
        int rowHi = rows.first[outHeight - 1] + rows.weights[outHeight - 1].length;
        float[] out = new float[channels * outHeight * outWidth];
        // Horizontal pass only over the source rows the vertical pass will read.
        float[] across = new float[(rowHi - rowLo) * outWidth];
        for (int c = 0; c < channels; c++) {
            int plane = offset + c * height * width;
            for (int y = rowLo; y < rowHi; y++) {
                int rowStart = plane + y * width;
                for (int x = 0; x < outWidth; x++) {
                    float[] w = cols.weights[x];
                    int s = rowStart + cols.first[x];
                    float sum = 0;
                    for (int k = 0; k < w.length; k++) {
                        sum += w[k] * (src[s + k] & 0xFF);
                    }
                    across[(y - rowLo) * outWidth + x] = sum;
                }
            }
            int outPlane = c * outHeight * outWidth;
            for (int y = 0; y < outHeight; y++) {
                float[] w = rows.weights[y];
                int r0 = rows.first[y] - rowLo;
                for (int x = 0; x < outWidth; x++) {
                    float sum = 0;
                    for (int k = 0; k < w.length; k++) {
                        sum += w[k] * across[(r0 + k) * outWidth + x];
                    }
                    out[outPlane + y * outWidth + x] = sum;
                }
            }
        }
        return out;
    }

    /** The whole image resized, rounded back to bytes. */
    static byte[] resizeToBytes(byte[] src, int channels, int height, int width, int outHeight,
            int outWidth) {
        float[] f = resize(src, 0, channels, height, width, 0, 0, height, width, outHeight, outWidth);
        byte[] out = new byte[f.length];
        for (int i = 0; i < f.length; i++) {
            out[i] = (byte) Math.max(0, Math.min(255, Math.round(f[i])));
        }
        return out;
    }

    /** Pillow's {@code precompute_coeffs} for the bilinear filter (support 1). */
    private static Taps taps(int inSize, double start, double length, int outSize) {
        double scale = length / outSize;
        double filterScale = Math.max(scale, 1.0);
        double support = filterScale;
        int[] first = new int[outSize];
        float[][] weights = new float[outSize][];
        for (int o = 0; o < outSize; o++) {
            double center = start + (o + 0.5) * scale;
            int lo = Math.max(0, (int) (center - support + 0.5));
            int hi = Math.min(inSize, (int) (center + support + 0.5));
            if (hi <= lo) {
                // A centre at the very edge can leave an empty window; the nearest pixel stands in.
                lo = Math.min(inSize - 1, Math.max(0, (int) center));
                hi = lo + 1;
            }
            float[] w = new float[hi - lo];
            double total = 0;
            for (int k = 0; k < w.length; k++) {
                double t = Math.abs((lo + k - center + 0.5) / filterScale);
                double v = t < 1 ? 1 - t : 0;
                w[k] = (float) v;
                total += v;
            }
            if (total > 0) {
                for (int k = 0; k < w.length; k++) {
                    w[k] /= (float) total;
                }
            } else {
                w[0] = 1;
            }
            first[o] = lo;
            weights[o] = w;
        }
        return new Taps(first, weights);
    }
}
