package org.mlaan.lab.engine.auxnet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

/**
 * The two spatial resamplings the reference aux nets use: adaptive average pooling
 * ({@code F.adaptive_avg_pool2d}, libtorch's own through DJL's PyTorch engine) and bilinear
 * interpolation ({@code F.interpolate(mode='bilinear')}).
 *
 * <p>Bilinear interpolation is computed here as two matrix products, {@code A_h x A_w^T}, with the
 * interpolation weights libtorch uses. DJL 0.35.1's native {@code JniUtils.interpolate} cannot give
 * {@code align_corners=True} (InfoPro's decoder): with its boolean set, a 2 -> 4 upsample of
 * [0, 1] gives [0, 0, 1/3, 2/3] instead of [0, 1/3, 2/3, 1], and even with it off the linear mode
 * complains about an anti-alias option and downsampling is not plain bilinear. With the flag off
 * and upsampling it is libtorch's {@code align_corners=False}, which the matrix form reproduces
 * (tested); the matrix form gives the same gradient and costs little at aux-net sizes. Results are
 * attached to the input's manager.
 */
final class SpatialResize {
    private SpatialResize() {}

    /** {@code F.adaptive_avg_pool2d(x, (height, width))} of a (B, C, H, W) array. */
    static NDArray adaptiveAvgPool(NDArray x, int height, int width) {
        return JniUtils.adaptiveAvgPool((PtNDArray) x, new Shape(height, width));
    }

    /** {@code F.interpolate(x, size=(height, width), mode='bilinear', align_corners=True)}. */
    static NDArray bilinearAlignCorners(NDArray x, int height, int width) {
        return bilinear(x, height, width, true);
    }

    /** Bilinear resampling of a (B, C, H, W) array to (B, C, height, width). */
    static NDArray bilinear(NDArray x, int height, int width, boolean alignCorners) {
        Shape s = x.getShape();
        int inH = Math.toIntExact(s.get(2));
        int inW = Math.toIntExact(s.get(3));
        NDManager m = x.getManager();
        NDArray rows = m.create(weights(inH, height, alignCorners), new Shape(height, inH));
        NDArray columns = m.create(weights(inW, width, alignCorners), new Shape(width, inW)).transpose();
        return rows.matMul(x).matMul(columns);
    }

    /**
     * The (out x in) matrix of 1-D linear interpolation weights, row-major, as libtorch computes
     * source positions: {@code i * (in-1)/(out-1)} with aligned corners, else
     * {@code (i + 0.5) * in/out - 0.5} clamped at 0; the right neighbour is clamped to the edge.
     */
    static float[] weights(int in, int out, boolean alignCorners) {
        float[] w = new float[out * in];
        double scale = alignCorners
                ? (out > 1 ? (double) (in - 1) / (out - 1) : 0)
                : (double) in / out;
        for (int i = 0; i < out; i++) {
            double src = alignCorners ? i * scale : Math.max(0, (i + 0.5) * scale - 0.5);
            int left = Math.min((int) Math.floor(src), in - 1);
            int right = Math.min(left + 1, in - 1);
            double lambda = src - left;
            w[i * in + left] += (float) (1 - lambda);
            w[i * in + right] += (float) lambda;
        }
        return w;
    }
}
