package org.mlaan.lab.core.stats;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A multinomial logistic regression (softmax classifier) fitted to convergence, the linear probe
 * of the layer-wise separability analysis (MLAAN paper, Figure 5).
 *
 * <p>Why our own: the well-kept Java library for this (Tribuo's {@code LinearSGDTrainer} with a
 * logistic loss) is not in the project's offline Maven repository, and it fits by stochastic
 * gradient, whose answer depends on the epoch count and the shuffling. A probe should measure the
 * features, not the fitting: this one minimises a strictly convex objective (mean cross-entropy
 * plus {@code l2/2 ||W||^2}, biases free) on standardised features with full-batch L-BFGS and an
 * Armijo line search, so it reaches the unique optimum, deterministically, whatever the order of
 * the examples.
 *
 * <p>Features are standardised with the training set's mean and (population) standard deviation;
 * a constant feature is left at zero. Scores are computed in double precision.
 */
public final class SoftmaxRegression {
    /** L2 strength used by the separability analysis: weak, but enough to make separable data converge. */
    public static final double DEFAULT_L2 = 1e-3;
    private static final int MAX_ITERATIONS = 1000;
    private static final int MEMORY = 10;
    private static final double GRADIENT_TOLERANCE = 1e-6;

    private final int p;
    private final int classes;
    private final double[] mean;
    private final double[] scale;
    /** W (p x classes, row-major) followed by the biases (classes), in standardised units. */
    private final double[] theta;
    private final int iterations;
    private final boolean converged;

    private SoftmaxRegression(int p, int classes, double[] mean, double[] scale, double[] theta, int iterations,
            boolean converged) {
        this.p = p;
        this.classes = classes;
        this.mean = mean;
        this.scale = scale;
        this.theta = theta;
        this.iterations = iterations;
        this.converged = converged;
    }

    /**
     * Fits the classifier on {@code n} rows of {@code p} features ({@code x} row-major) with labels
     * {@code 0..classes-1}.
     *
     * @throws IllegalArgumentException when the shapes do not fit, a label is out of range or l2 is not positive
     */
    public static SoftmaxRegression fit(float[] x, int[] y, int n, int p, int classes, double l2) {
        if (n < 1 || p < 1 || classes < 2 || x.length != n * p || y.length != n) {
            throw new IllegalArgumentException("softmax regression needs n >= 1 rows of p >= 1 features and"
                    + " 2 or more classes: got n=" + n + ", p=" + p + " (" + x.length + " values, " + y.length
                    + " labels), " + classes + " classes");
        }
        if (!(l2 > 0)) {
            throw new IllegalArgumentException("l2 must be positive, got " + l2);
        }
        for (int label : y) {
            if (label < 0 || label >= classes) {
                throw new IllegalArgumentException("label " + label + " is outside 0.." + (classes - 1));
            }
        }
        double[] mean = new double[p];
        double[] scale = new double[p];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                mean[j] += x[i * p + j];
            }
        }
        for (int j = 0; j < p; j++) {
            mean[j] /= n;
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                double d = x[i * p + j] - mean[j];
                scale[j] += d * d;
            }
        }
        for (int j = 0; j < p; j++) {
            double sd = Math.sqrt(scale[j] / n);
            scale[j] = sd > 1e-12 ? 1 / sd : 0;
        }
        double[] z = new double[n * p];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                z[i * p + j] = (x[i * p + j] - mean[j]) * scale[j];
            }
        }
        Objective objective = new Objective(z, y, n, p, classes, l2);
        Minimum m = minimise(objective, new double[objective.size()]);
        return new SoftmaxRegression(p, classes, mean, scale, m.theta, m.iterations, m.converged);
    }

    /** The class scores (logits) of one row of raw features. */
    public double[] scores(float[] x, int offset) {
        double[] s = new double[classes];
        int bias = p * classes;
        System.arraycopy(theta, bias, s, 0, classes);
        for (int j = 0; j < p; j++) {
            double v = (x[offset + j] - mean[j]) * scale[j];
            if (v == 0) {
                continue;
            }
            for (int c = 0; c < classes; c++) {
                s[c] += v * theta[j * classes + c];
            }
        }
        return s;
    }

    /** The predicted class of one row (the lowest index among equal scores). */
    public int predict(float[] x, int offset) {
        double[] s = scores(x, offset);
        int best = 0;
        for (int c = 1; c < classes; c++) {
            if (s[c] > s[best]) {
                best = c;
            }
        }
        return best;
    }

    /** Fraction of the {@code n} rows of {@code x} predicted as their label, 0..1. */
    public double accuracy(float[] x, int[] y, int n) {
        if (x.length != n * p || y.length != n || n < 1) {
            throw new IllegalArgumentException("accuracy needs n >= 1 rows of " + p + " features and n labels");
        }
        int right = 0;
        for (int i = 0; i < n; i++) {
            if (predict(x, i * p) == y[i]) {
                right++;
            }
        }
        return (double) right / n;
    }

    /** L-BFGS iterations the fit took. */
    public int iterations() {
        return iterations;
    }

    /** Whether the gradient fell below the tolerance (rather than the iteration cap being reached). */
    public boolean converged() {
        return converged;
    }

    private record Minimum(double[] theta, int iterations, boolean converged) {}

    // L-BFGS (Nocedal & Wright, Algorithm 7.4) with a backtracking Armijo line search.
    private static Minimum minimise(Objective f, double[] start) {
        int size = start.length;
        double[] theta = start.clone();
        double[] g = new double[size];
        double value = f.value(theta, g);
        Deque<double[][]> history = new ArrayDeque<>();
        double[] next = new double[size];
        double[] nextG = new double[size];
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            if (maxAbs(g) < GRADIENT_TOLERANCE) {
                return new Minimum(theta, it, true);
            }
            double[] d = direction(g, history);
            double slope = dot(g, d);
            if (slope >= 0) {
                // Curvature pairs gone stale: restart from steepest descent.
                history.clear();
                d = negate(g);
                slope = dot(g, d);
            }
            double step = history.isEmpty() ? Math.min(1, 1 / Math.sqrt(-slope)) : 1;
            double nextValue;
            int tries = 0;
            while (true) {
                for (int i = 0; i < size; i++) {
                    next[i] = theta[i] + step * d[i];
                }
                nextValue = f.value(next, nextG);
                if (nextValue <= value + 1e-4 * step * slope || ++tries > 50) {
                    break;
                }
                step *= 0.5;
            }
            double[] s = new double[size];
            double[] yv = new double[size];
            for (int i = 0; i < size; i++) {
                s[i] = next[i] - theta[i];
                yv[i] = nextG[i] - g[i];
            }
            double sy = dot(s, yv);
            if (sy > 1e-12) {
                history.addLast(new double[][] {s, yv});
                if (history.size() > MEMORY) {
                    history.removeFirst();
                }
            }
            boolean stalled = value - nextValue <= 1e-15 * Math.max(1, Math.abs(value));
            System.arraycopy(next, 0, theta, 0, size);
            System.arraycopy(nextG, 0, g, 0, size);
            value = nextValue;
            if (stalled && maxAbs(g) < 1e3 * GRADIENT_TOLERANCE) {
                return new Minimum(theta, it + 1, true);
            }
        }
        return new Minimum(theta, MAX_ITERATIONS, maxAbs(g) < GRADIENT_TOLERANCE);
    }

    /** The two-loop recursion: minus the inverse-Hessian estimate times the gradient. */
    private static double[] direction(double[] g, Deque<double[][]> history) {
        double[] q = g.clone();
        int m = history.size();
        double[] alpha = new double[m];
        double[][][] pairs = history.toArray(new double[0][][]);
        for (int k = m - 1; k >= 0; k--) {
            double rho = 1 / dot(pairs[k][1], pairs[k][0]);
            alpha[k] = rho * dot(pairs[k][0], q);
            axpy(-alpha[k], pairs[k][1], q);
        }
        if (m > 0) {
            double[] s = pairs[m - 1][0];
            double[] y = pairs[m - 1][1];
            double gamma = dot(s, y) / dot(y, y);
            for (int i = 0; i < q.length; i++) {
                q[i] *= gamma;
            }
        }
        for (int k = 0; k < m; k++) {
            double rho = 1 / dot(pairs[k][1], pairs[k][0]);
            double beta = rho * dot(pairs[k][1], q);
            axpy(alpha[k] - beta, pairs[k][0], q);
        }
        return negate(q);
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < y.length; i++) {
            y[i] += a * x[i];
        }
    }

    private static double[] negate(double[] a) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = -a[i];
        }
        return out;
    }

    private static double maxAbs(double[] a) {
        double m = 0;
        for (double v : a) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    /**
     * Mean softmax cross-entropy of standardised rows plus {@code l2/2 ||W||^2}, and its gradient;
     * parameters are W (p x classes, row-major) then the biases.
     */
    static final class Objective {
        private final double[] z;
        private final int[] y;
        private final int n;
        private final int p;
        private final int classes;
        private final double l2;

        Objective(double[] z, int[] y, int n, int p, int classes, double l2) {
            this.z = z;
            this.y = y;
            this.n = n;
            this.p = p;
            this.classes = classes;
            this.l2 = l2;
        }

        int size() {
            return (p + 1) * classes;
        }

        /** The objective at {@code theta}; its gradient is written into {@code grad}. */
        double value(double[] theta, double[] grad) {
            java.util.Arrays.fill(grad, 0);
            int bias = p * classes;
            double loss = 0;
            double[] logits = new double[classes];
            for (int i = 0; i < n; i++) {
                System.arraycopy(theta, bias, logits, 0, classes);
                int row = i * p;
                for (int j = 0; j < p; j++) {
                    double v = z[row + j];
                    if (v == 0) {
                        continue;
                    }
                    for (int c = 0; c < classes; c++) {
                        logits[c] += v * theta[j * classes + c];
                    }
                }
                double max = Double.NEGATIVE_INFINITY;
                for (double l : logits) {
                    max = Math.max(max, l);
                }
                double labelLogit = logits[y[i]] - max;
                double sum = 0;
                for (int c = 0; c < classes; c++) {
                    logits[c] = Math.exp(logits[c] - max);
                    sum += logits[c];
                }
                // logits now hold exp(l - max).
                loss += Math.log(sum) - labelLogit;
                for (int c = 0; c < classes; c++) {
                    double r = logits[c] / sum - (c == y[i] ? 1 : 0);
                    if (r == 0) {
                        continue;
                    }
                    grad[bias + c] += r;
                    for (int j = 0; j < p; j++) {
                        grad[j * classes + c] += r * z[row + j];
                    }
                }
            }
            double penalty = 0;
            for (int k = 0; k < grad.length; k++) {
                grad[k] /= n;
                if (k < bias) {
                    grad[k] += l2 * theta[k];
                    penalty += theta[k] * theta[k];
                }
            }
            return loss / n + 0.5 * l2 * penalty;
        }
    }
}
