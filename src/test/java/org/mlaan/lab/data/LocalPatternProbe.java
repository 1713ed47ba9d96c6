package org.mlaan.lab.data;

import java.util.ArrayList;
import java.util.List;

/**
 * A deliberately short-sighted classifier for tests: each image becomes the histogram of its local
 * binary patterns (which of the 8 neighbours at distance 1 and at distance 2 are clearly brighter
 * than the centre) pooled over the whole image, and a softmax regression is fitted on those
 * histograms. It sees exactly what a global-average-pooled linear head on a network's first
 * layers sees: what small windows look like, never where they are relative to each other.
 */
final class LocalPatternProbe {
    private static final int[][] NEIGHBOURS = {{-1, -1}, {0, -1}, {1, -1}, {1, 0}, {1, 1}, {0, 1}, {-1, 1}, {-1, 0}};
    /** Brightness step (luma) that counts as brighter: above the colour noise of a flat area. */
    private static final double STEP = 12;
    private static final int FEATURES = 2 * 256 + 1;

    private final List<Integer> classes;
    private final double[][] weights;

    private LocalPatternProbe(List<Integer> classes, double[][] weights) {
        this.classes = classes;
        this.weights = weights;
    }

    /** Fits the probe on the images of {@code set} whose label is in {@code classes}. */
    static LocalPatternProbe fit(ImageSet set, List<Integer> classes, int iterations) {
        List<double[]> x = new ArrayList<>();
        List<Integer> y = new ArrayList<>();
        for (int i = 0; i < set.size(); i++) {
            int k = classes.indexOf(set.label(i));
            if (k >= 0) {
                x.add(features(set, i));
                y.add(k);
            }
        }
        int n = x.size();
        int kCount = classes.size();
        double[][] w = new double[kCount][FEATURES];
        double rate = 2.0;
        for (int it = 0; it < iterations; it++) {
            double[][] grad = new double[kCount][FEATURES];
            for (int s = 0; s < n; s++) {
                double[] p = softmax(w, x.get(s));
                for (int k = 0; k < kCount; k++) {
                    double g = p[k] - (k == y.get(s) ? 1 : 0);
                    double[] f = x.get(s);
                    for (int j = 0; j < FEATURES; j++) {
                        grad[k][j] += g * f[j];
                    }
                }
            }
            for (int k = 0; k < kCount; k++) {
                for (int j = 0; j < FEATURES; j++) {
                    w[k][j] -= rate * grad[k][j] / n;
                }
            }
        }
        return new LocalPatternProbe(classes, w);
    }

    /** Share of the images of {@code set} in the probe's classes that it labels correctly. */
    double accuracy(ImageSet set) {
        int right = 0;
        int total = 0;
        for (int i = 0; i < set.size(); i++) {
            int k = classes.indexOf(set.label(i));
            if (k < 0) {
                continue;
            }
            double[] p = softmax(weights, features(set, i));
            int best = 0;
            for (int c = 1; c < p.length; c++) {
                if (p[c] > p[best]) {
                    best = c;
                }
            }
            right += best == k ? 1 : 0;
            total++;
        }
        return (double) right / total;
    }

    private static double[] softmax(double[][] w, double[] f) {
        double[] z = new double[w.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < w.length; k++) {
            double s = 0;
            for (int j = 0; j < f.length; j++) {
                s += w[k][j] * f[j];
            }
            z[k] = s;
            max = Math.max(max, s);
        }
        double sum = 0;
        for (int k = 0; k < z.length; k++) {
            z[k] = Math.exp(z[k] - max);
            sum += z[k];
        }
        for (int k = 0; k < z.length; k++) {
            z[k] /= sum;
        }
        return z;
    }

    /** Square roots of the two pattern histograms (distance 1 and 2), then a constant 1 for the bias. */
    static double[] features(ImageSet set, int index) {
        int h = set.height();
        int w = set.width();
        double[] luma = new double[h * w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                luma[y * w + x] = 0.299 * set.pixel(index, 0, y, x) + 0.587 * set.pixel(index, 1, y, x)
                        + 0.114 * set.pixel(index, 2, y, x);
            }
        }
        double[] f = new double[FEATURES];
        for (int d = 1; d <= 2; d++) {
            int base = (d - 1) * 256;
            int count = 0;
            for (int y = d; y < h - d; y++) {
                for (int x = d; x < w - d; x++) {
                    double centre = luma[y * w + x];
                    int code = 0;
                    for (int k = 0; k < 8; k++) {
                        if (luma[(y + NEIGHBOURS[k][1] * d) * w + x + NEIGHBOURS[k][0] * d] >= centre + STEP) {
                            code |= 1 << k;
                        }
                    }
                    f[base + code]++;
                    count++;
                }
            }
            for (int j = 0; j < 256; j++) {
                f[base + j] = Math.sqrt(f[base + j] / count);
            }
        }
        f[FEATURES - 1] = 1;
        return f;
    }
}
