package org.mlaan.lab.engine.auxnet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.mlaan.lab.core.plan.TensorShape;
import org.mlaan.lab.data.Normalization;

class InfoProDecoderTest {

    @Test
    void decodesToImagesOfTheImageSizeStrictlyBetweenZeroAndOne() {
        try (NDManager m = NDManager.newBaseManager()) {
            InfoProDecoder decoder = new InfoProDecoder(new TensorShape(32, 16, 16), 32, 32, new SplittableRandom(1));
            decoder.initialize(m);
            NDArray out = decoder.forward(new ParameterStore(m, false), m.randomNormal(new Shape(2, 32, 16, 16)), true);
            assertEquals(new Shape(2, 3, 32, 32), out.getShape());
            for (float v : out.toFloatArray()) {
                assertTrue(v > 0 && v < 1, "decoded value " + v);
            }
        }
    }

    @Test
    void countsTwoBiasedConvolutionsAndOneBatchNorm() {
        try (NDManager m = NDManager.newBaseManager()) {
            InfoProDecoder decoder = new InfoProDecoder(new TensorShape(64, 8, 8), 32, 32, new SplittableRandom(1));
            decoder.initialize(m);
            assertEquals((9 * 64 * 12 + 12) + 2 * 12 + (9 * 12 * 3 + 3), decoder.parameterCount());
        }
    }

    @Test
    void upsamplesBilinearlyWithAlignedCorners() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(new float[] {0, 1, 2, 3}, new Shape(1, 1, 2, 2));
            // align_corners=True: sources at 0, 1/3, 2/3, 1 along the width (no edge clamping);
            // align_corners=False would give 0, 0.25, 0.75, 1.
            float[] expected = {0, 1 / 3f, 2 / 3f, 1, 2, 7 / 3f, 8 / 3f, 3};
            assertArrayEquals(expected, SpatialResize.bilinearAlignCorners(x, 2, 4).toFloatArray(), 1e-6f);
        }
    }

    @Test
    void theMatrixFormMatchesLibtorchsOwnBilinearResize() {
        // DJL's native bilinear resize (mode 2, flag off) is libtorch's align_corners=False when
        // upsampling: the same matrix construction with those source positions must reproduce it.
        // (Downsampling is not compared: there the native call does not give plain bilinear.)
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.randomNormal(new Shape(2, 3, 5, 7));
            for (int[] size : new int[][] {{9, 13}, {10, 7}, {5, 7}}) {
                NDArray native_ = JniUtils.interpolate((PtNDArray) x, new long[] {size[0], size[1]}, 2, false);
                NDArray ours = SpatialResize.bilinear(x, size[0], size[1], false);
                assertArrayEquals(native_.toFloatArray(), ours.toFloatArray(), 1e-5f, size[0] + "x" + size[1]);
            }
        }
    }

    @Test
    void alignedCornersKeepTheFourCornerValues() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.randomNormal(new Shape(1, 2, 8, 8));
            NDArray up = SpatialResize.bilinearAlignCorners(x, 32, 32);
            assertEquals(new Shape(1, 2, 32, 32), up.getShape());
            for (int c = 0; c < 2; c++) {
                assertEquals(x.getFloat(0, c, 0, 0), up.getFloat(0, c, 0, 0), 1e-6);
                assertEquals(x.getFloat(0, c, 7, 7), up.getFloat(0, c, 31, 31), 1e-6);
                assertEquals(x.getFloat(0, c, 0, 7), up.getFloat(0, c, 0, 31), 1e-6);
            }
        }
    }

    @Test
    void adaptivePoolingAveragesEqualBins() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.arange(16f).reshape(1, 1, 4, 4);
            // 2x2 bins of a 4x4 map: means of {0,1,4,5}, {2,3,6,7}, {8,9,12,13}, {10,11,14,15}.
            assertArrayEquals(new float[] {2.5f, 4.5f, 10.5f, 12.5f},
                    SpatialResize.adaptiveAvgPool(x, 2, 2).toFloatArray(), 1e-6f);
            // Overlapping bins of a 3x3 map: rows/columns {0,1} and {1,2}.
            NDArray y = m.arange(9f).reshape(1, 1, 3, 3);
            assertArrayEquals(new float[] {2, 3, 5, 6}, SpatialResize.adaptiveAvgPool(y, 2, 2).toFloatArray(), 1e-6f);
        }
    }

    @Test
    void bceIsTheMeanOfTheBinaryCrossEntropyTerms() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray p = m.create(new float[] {0.9f, 0.2f, 0.5f, 0.7f}, new Shape(1, 1, 2, 2));
            NDArray t = m.create(new float[] {1f, 0f, 0.25f, 0.5f}, new Shape(1, 1, 2, 2));
            double expected = -(Math.log(0.9)
                    + Math.log(0.8)
                    + (0.25 * Math.log(0.5) + 0.75 * Math.log(0.5))
                    + (0.5 * Math.log(0.7) + 0.5 * Math.log(0.3))) / 4;
            assertEquals(expected, ReconstructionLoss.bce(p, t).getFloat(), 1e-6);
        }
    }

    @Test
    void bceStaysFiniteAtZeroAndOneAsBceLossClampsItsLogs() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray p = m.create(new float[] {0f, 1f}, new Shape(1, 1, 1, 2));
            NDArray t = m.create(new float[] {1f, 0f}, new Shape(1, 1, 1, 2));
            assertEquals(100f, ReconstructionLoss.bce(p, t).getFloat(), 1e-4);
            assertThrows(IllegalArgumentException.class, () -> ReconstructionLoss.bce(p, t.reshape(1, 1, 2, 1)));
        }
    }

    @Test
    void targetUndoesTheNormalisationPerChannel() {
        try (NDManager m = NDManager.newBaseManager()) {
            Normalization n = Normalization.CIFAR10;
            float[] pixels = new float[3 * 2];
            float[] normalised = new float[pixels.length];
            for (int c = 0; c < 3; c++) {
                for (int i = 0; i < 2; i++) {
                    pixels[c * 2 + i] = (c * 2 + i + 1) / 7f;
                    normalised[c * 2 + i] = (pixels[c * 2 + i] - n.mean()[c]) / n.std()[c];
                }
            }
            NDArray restored = ReconstructionLoss.target(m.create(normalised, new Shape(1, 3, 1, 2)), n);
            assertArrayEquals(pixels, restored.toFloatArray(), 1e-6f);
        }
    }
}
