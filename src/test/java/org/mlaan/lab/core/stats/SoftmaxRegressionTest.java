package org.mlaan.lab.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SoftmaxRegressionTest {

    @Test
    void gradientEqualsTheFiniteDifferenceOfTheObjective() {
        SplittableRandom r = new SplittableRandom(5);
        int n = 12;
        int p = 4;
        int classes = 3;
        double[] z = new double[n * p];
        int[] y = new int[n];
        for (int i = 0; i < z.length; i++) {
            z[i] = r.nextGaussian();
        }
        for (int i = 0; i < n; i++) {
            y[i] = r.nextInt(classes);
        }
        SoftmaxRegression.Objective f = new SoftmaxRegression.Objective(z, y, n, p, classes, 0.3);
        double[] theta = new double[f.size()];
        for (int k = 0; k < theta.length; k++) {
            theta[k] = r.nextGaussian();
        }
        double[] grad = new double[theta.length];
        f.value(theta, grad);
        double h = 1e-6;
        double[] scratch = new double[theta.length];
        for (int k = 0; k < theta.length; k++) {
            double[] plus = theta.clone();
            double[] minus = theta.clone();
            plus[k] += h;
            minus[k] -= h;
            double numeric = (f.value(plus, scratch) - f.value(minus, scratch)) / (2 * h);
            assertEquals(numeric, grad[k], 1e-7, "parameter " + k + (k >= p * classes ? " (a bias)" : ""));
        }
    }

    @Test
    void separatesLinearlySeparableClassesCompletely() {
        // Three clusters in 5-D, far apart along different directions, with noise.
        SplittableRandom r = new SplittableRandom(8);
        int n = 150;
        int p = 5;
        float[] x = new float[n * p];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 3;
            for (int j = 0; j < p; j++) {
                x[i * p + j] = (float) (r.nextGaussian() * 0.5 + (j == y[i] ? 4 : 0) + 10);
            }
        }
        SoftmaxRegression m = SoftmaxRegression.fit(x, y, n, p, 3, 1e-3);
        assertTrue(m.converged(), "iterations " + m.iterations());
        assertEquals(1.0, m.accuracy(x, y, n));
    }

    @Test
    void symmetricTwoClassProblemGetsTheAnalyticBoundaryAndMargin() {
        // Class 0 at -1, class 1 at +1 (already standardised). By symmetry the boundary is 0 and the
        // weights are -w, +w with l2 * w = sigmoid(-2w) at the optimum of log(1+e^(-2w)) + l2 w^2.
        int n = 20;
        float[] x = new float[n];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 2;
            x[i] = y[i] == 0 ? -1f : 1f;
        }
        double l2 = 0.05;
        SoftmaxRegression m = SoftmaxRegression.fit(x, y, n, 1, 2, l2);
        double[] atZero = m.scores(new float[] {0f}, 0);
        assertEquals(atZero[0], atZero[1], 1e-9, "boundary at 0");
        double[] atOne = m.scores(new float[] {1f}, 0);
        double w = (atOne[1] - atOne[0]) / 2;
        double lo = 0;
        double hi = 100;
        for (int k = 0; k < 200; k++) {
            double mid = (lo + hi) / 2;
            if (l2 * mid - 1 / (1 + Math.exp(2 * mid)) < 0) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        assertEquals(lo, w, 1e-6, "the optimum of log(1+exp(-2w)) + l2 w^2");
    }

    @Test
    void predictionDoesNotDependOnTheOrderOfTheExamples() {
        SplittableRandom r = new SplittableRandom(3);
        int n = 40;
        int p = 3;
        float[] x = new float[n * p];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = r.nextInt(2);
            for (int j = 0; j < p; j++) {
                x[i * p + j] = (float) (r.nextGaussian() + y[i]);
            }
        }
        float[] xr = new float[n * p];
        int[] yr = new int[n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(x, (n - 1 - i) * p, xr, i * p, p);
            yr[i] = y[n - 1 - i];
        }
        double[] a = SoftmaxRegression.fit(x, y, n, p, 2, 1e-2).scores(x, 0);
        double[] b = SoftmaxRegression.fit(xr, yr, n, p, 2, 1e-2).scores(x, 0);
        assertEquals(a[1] - a[0], b[1] - b[0], 1e-6);
    }

    @Test
    void refusesLabelsOutOfRange() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SoftmaxRegression.fit(new float[] {1f, 2f}, new int[] {0, 2}, 2, 1, 2, 1e-3));
        assertTrue(e.getMessage().contains("label 2"), e.getMessage());
    }
}
