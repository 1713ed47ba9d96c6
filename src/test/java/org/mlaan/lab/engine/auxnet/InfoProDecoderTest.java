package org.mlaan.lab.engine.auxnet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.mlaan.lab.core.plan.TensorShape;
import org.mlaan.lab.data.Normalization;
import org.mlaan.lab.engine.net.NoGrad;

class InfoProDecoderTest {

    @Test
    void decodesToImagesOfTheImageSizeStrictlyBetweenZeroAndOne() {
        try (NDManager m = NDManager.newBaseManager()) {
            InfoProDecoder decoder = new InfoProDecoder(new TensorShape(32, 16, 16), 32, 32, new SplittableRandom(1));
            decoder.initialize(m);
            NDArray out = decoder.images(new ParameterStore(m, false), m.randomNormal(new Shape(2, 32, 16, 16)), true);
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
    void bceIsTheMeanOfTheBinaryCrossEntropyTermsOfTheSigmoid() {
        try (NDManager m = NDManager.newBaseManager()) {
            float[] p = {0.9f, 0.2f, 0.5f, 0.7f};
            float[] z = new float[p.length];
            for (int i = 0; i < p.length; i++) {
                z[i] = (float) Math.log(p[i] / (1 - p[i]));
            }
            NDArray t = m.create(new float[] {1f, 0f, 0.25f, 0.5f}, new Shape(1, 1, 2, 2));
            double expected = -(Math.log(0.9)
                    + Math.log(0.8)
                    + (0.25 * Math.log(0.5) + 0.75 * Math.log(0.5))
                    + (0.5 * Math.log(0.7) + 0.5 * Math.log(0.3))) / 4;
            assertEquals(expected, ReconstructionLoss.bceWithLogits(m.create(z, new Shape(1, 1, 2, 2)), t).getFloat(),
                    1e-6);
        }
    }

    @Test
    void bceClampsEachLogAtMinusHundredAsBceLossDoes() {
        try (NDManager m = NDManager.newBaseManager()) {
            // sigmoid(-300) and sigmoid(300) are 0 and 1 in float32: BCELoss gives 100 per wrong term.
            NDArray z = m.create(new float[] {-300f, 300f}, new Shape(1, 1, 1, 2));
            NDArray t = m.create(new float[] {1f, 0f}, new Shape(1, 1, 1, 2));
            assertEquals(100f, ReconstructionLoss.bceWithLogits(z, t).getFloat(), 1e-4);
            assertThrows(IllegalArgumentException.class,
                    () -> ReconstructionLoss.bceWithLogits(z, t.reshape(1, 1, 2, 1)));
        }
    }

    @Test
    void bceGradientIsFiniteWhereTheSigmoidSaturates() {
        try (NDManager m = NDManager.newBaseManager()) {
            // 40 and -120 saturate the float32 sigmoid to exactly 1 and 0: from p, 0 / 0 in the backward.
            NDArray z = m.create(new float[] {40f, -120f, 40f, -120f, 0.5f, -0.5f}, new Shape(1, 1, 2, 3));
            NDArray t = m.create(new float[] {1f, 0f, 0.3f, 0.6f, 0.2f, 0.9f}, new Shape(1, 1, 2, 3));
            assertEquals(1f, Activation.sigmoid(z).getFloat(0, 0, 0, 0));
            assertEquals(0f, Activation.sigmoid(z).getFloat(0, 0, 0, 1));
            z.setRequiresGradient(true);
            try (GradientCollector collector = m.getEngine().newGradientCollector()) {
                collector.backward(ReconstructionLoss.bceWithLogits(z, t));
            }
            float[] g = z.getGradient().toFloatArray();
            float[] zz = z.stopGradient().toFloatArray();
            float[] tt = t.toFloatArray();
            float[] expected = new float[6];
            for (int i = 0; i < 6; i++) {
                // d/dz of -(t log p + (1 - t) log(1 - p)) is p - t: -t (1 - p) + (1 - t) p, each part
                // zero where BCELoss clamps its log (-log p = softplus(-z) past 100), over the 6 terms.
                double p = 1 / (1 + Math.exp(-zz[i]));
                double fromT = softplus(-zz[i]) < 100 ? -tt[i] * (1 - p) : 0;
                double fromNotT = softplus(zz[i]) < 100 ? (1 - tt[i]) * p : 0;
                expected[i] = (float) ((fromT + fromNotT) / 6);
                assertTrue(Float.isFinite(g[i]), "gradient " + i + " is " + g[i]);
            }
            assertArrayEquals(expected, g, 1e-6f);
        }
    }

    private static double softplus(double u) {
        return Math.max(u, 0) + Math.log1p(Math.exp(-Math.abs(u)));
    }

    @Test
    void saturatedDecoderStillGivesFiniteGradientsToItsWeightsAndInput() {
        try (NDManager m = NDManager.newBaseManager()) {
            InfoProDecoder decoder = new InfoProDecoder(new TensorShape(8, 4, 4), 8, 8, new SplittableRandom(3));
            decoder.initialize(m);
            // Weights 500x their init drive nearly every logit past the float32 sigmoid's range.
            try (NoGrad noGrad = NoGrad.enter()) {
                for (var p : decoder.allParameters().values()) {
                    if (p.getArray().getShape().dimension() == 4) {
                        p.getArray().muli(500f);
                    }
                }
            }
            NDArray x = m.randomNormal(new Shape(2, 8, 4, 4));
            x.setRequiresGradient(true);
            NDArray target = m.randomUniform(0f, 1f, new Shape(2, 3, 8, 8));
            ParameterStore ps = new ParameterStore(m, false);
            try (GradientCollector collector = m.getEngine().newGradientCollector()) {
                NDArray logits = decoder.forward(ps, x, true);
                float[] p = Activation.sigmoid(logits.stopGradient()).toFloatArray();
                long saturated = 0;
                for (float v : p) {
                    saturated += v == 0f || v == 1f ? 1 : 0;
                }
                assertTrue(saturated > p.length / 4, "saturated values " + saturated + " of " + p.length);
                NDArray loss = ReconstructionLoss.bceWithLogits(logits, target);
                assertTrue(Float.isFinite(loss.getFloat()), "loss " + loss.getFloat());
                collector.backward(loss);
            }
            for (float v : x.getGradient().toFloatArray()) {
                assertTrue(Float.isFinite(v), "input gradient " + v);
            }
            for (var p : decoder.trainableParameters().values()) {
                for (float v : p.getArray().getGradient().toFloatArray()) {
                    assertTrue(Float.isFinite(v), p.getName() + " gradient " + v);
                }
            }
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
