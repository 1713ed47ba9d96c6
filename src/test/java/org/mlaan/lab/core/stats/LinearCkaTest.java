package org.mlaan.lab.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LinearCkaTest {

    private static float[] random(int n, int p, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] a = new float[n * p];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) r.nextGaussian();
        }
        return a;
    }

    @Test
    void aRepresentationMatchesItselfExactly() {
        float[] x = random(40, 7, 1);
        assertEquals(1.0, LinearCka.of(x, 7, x, 7, 40), 1e-9);
    }

    @Test
    void invariantToAnOrthogonalTransformAndIsotropicScaling() {
        int n = 30;
        float[] x = random(n, 2, 2);
        float[] y = random(n, 3, 3);
        double base = LinearCka.of(x, 2, y, 3, n);
        double c = Math.cos(0.7);
        double s = Math.sin(0.7);
        float[] rotatedScaled = new float[x.length];
        for (int r = 0; r < n; r++) {
            double a = x[r * 2];
            double b = x[r * 2 + 1];
            rotatedScaled[r * 2] = (float) (3.5 * (c * a - s * b));
            rotatedScaled[r * 2 + 1] = (float) (3.5 * (s * a + c * b));
        }
        assertEquals(base, LinearCka.of(rotatedScaled, 2, y, 3, n), 1e-5);
        assertTrue(base > 0 && base < 1, "unrelated random features share little: " + base);
    }

    @Test
    void aSmallExampleComputedByHand() {
        // X = [1, 2, 3, 4] (one feature), Y = [1, 0, 1, 0]: centred x = [-1.5, -0.5, 0.5, 1.5],
        // centred y = [0.5, -0.5, 0.5, -0.5]; y.x = -0.75 + 0.25 + 0.25 - 0.75 = -1; x.x = 5;
        // y.y = 1. CKA = (y.x)^2 / (x.x * y.y) = 1 / 5 (with one feature each: the squared correlation).
        float[] x = {1, 2, 3, 4};
        float[] y = {1, 0, 1, 0};
        assertEquals(0.2, LinearCka.of(x, 1, y, 1, 4), 1e-12);
        // Two features against one: X = [[1, 0], [0, 1], [0, 0]], Y = [1, 2, 3]. Centred
        // X = [[2/3, -1/3], [-1/3, 2/3], [-1/3, -1/3]], y = [-1, 0, 1]. Y^T X = [-1, 0]:
        // ||.||^2 = 1. X^T X = [[2/3, -1/3], [-1/3, 2/3]]: ||.||_F = sqrt(10)/3. Y^T Y = 2.
        // CKA = 1 / (2 sqrt(10) / 3) = 3 / (2 sqrt(10)).
        float[] x2 = {1, 0, 0, 1, 0, 0};
        float[] y2 = {1, 2, 3};
        assertEquals(3 / (2 * Math.sqrt(10)), LinearCka.of(x2, 2, y2, 1, 3), 1e-6);
    }

    private static double[] gram(float[] a, int n, int p) {
        double[] k = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int c = 0; c < p; c++) {
                    s += (double) a[i * p + c] * a[j * p + c];
                }
                k[i * n + j] = s;
            }
        }
        return k;
    }

    @Test
    void gramFormEqualsTheFeatureFormOnUncentredData() {
        int n = 25;
        float[] x = random(n, 6, 11);
        float[] y = random(n, 9, 12);
        for (int i = 0; i < x.length; i++) {
            x[i] += 3f; // an offset the Gram form must centre away
        }
        double expected = LinearCka.of(x, 6, y, 9, n);
        assertEquals(expected, LinearCka.fromGrams(gram(x, n, 6), gram(y, n, 9), n), 1e-9);
        assertTrue(expected > 0.05 && expected < 0.95, "a value between the extremes: " + expected);
    }

    @Test
    void gramFormOfARepresentationWithItselfIsOne() {
        float[] x = random(30, 4, 13);
        double[] k = gram(x, 30, 4);
        assertEquals(1.0, LinearCka.fromGrams(k, k, 30), 1e-12);
    }

    @Test
    void gramFormRefusesWrongSizes() {
        assertThrows(IllegalArgumentException.class, () -> LinearCka.fromGrams(new double[9], new double[4], 3));
    }

    @Test
    void refusesMismatchedShapesAndConstantRepresentations() {
        assertThrows(IllegalArgumentException.class, () -> LinearCka.of(new float[6], 2, new float[4], 1, 3));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LinearCka.of(new float[] {1, 1, 1}, 1, new float[] {1, 2, 3}, 1, 3));
        assertTrue(e.getMessage().contains("without variance"), e.getMessage());
    }
}
