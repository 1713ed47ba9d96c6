package org.mlaan.lab.core.stats;

/**
 * Linear centred kernel alignment between two representations of the same n examples (Kornblith
 * et al. 2019; the similarity of Figure 6 of the MLAAN paper):
 * {@code CKA(X, Y) = ||Yc^T Xc||_F^2 / (||Xc^T Xc||_F ||Yc^T Yc||_F)} with the columns of X (n x p)
 * and Y (n x q) centred. It is 1 for X against itself, invariant to orthogonal transforms and
 * isotropic scaling of either side, and lies in 0..1.
 */
public final class LinearCka {
    private LinearCka() {}

    /**
     * CKA of {@code x} (n rows of p features) and {@code y} (n rows of q features), row-major.
     *
     * @throws IllegalArgumentException when the shapes do not fit or a side has no variance
     */
    public static double of(float[] x, int p, float[] y, int q, int n) {
        if (n < 2 || p < 1 || q < 1 || x.length != n * p || y.length != n * q) {
            throw new IllegalArgumentException("CKA needs n >= 2 rows of p and q features: got n=" + n + ", p=" + p
                    + " (" + x.length + " values), q=" + q + " (" + y.length + " values)");
        }
        double[] xc = centred(x, p, n);
        double[] yc = centred(y, q, n);
        double cross = gramFrobeniusSquared(yc, q, xc, p, n);
        double xx = Math.sqrt(gramFrobeniusSquared(xc, p, xc, p, n));
        double yy = Math.sqrt(gramFrobeniusSquared(yc, q, yc, q, n));
        if (xx == 0 || yy == 0) {
            throw new IllegalArgumentException("CKA is undefined for a representation without variance");
        }
        return cross / (xx * yy);
    }

    /**
     * CKA from the two n x n Gram matrices {@code K = X X^T} and {@code L = Y Y^T} (row-major),
     * the form to use when each example has thousands of features (MLAAN Figure 6):
     * {@code HSIC(K, L) / sqrt(HSIC(K, K) HSIC(L, L))} with {@code HSIC(K, L) = <HKH, HLH>_F} and
     * {@code H} the centring matrix. Equal to {@link #of} on the features the Grams came from;
     * Grams of already-centred features give the same value (centring is idempotent).
     *
     * @throws IllegalArgumentException when the sizes do not fit or a side has no variance
     */
    public static double fromGrams(double[] k, double[] l, int n) {
        if (n < 2 || k.length != n * n || l.length != n * n) {
            throw new IllegalArgumentException("CKA from Grams needs two n x n matrices with n >= 2: got n=" + n
                    + ", " + k.length + " and " + l.length + " values");
        }
        double[] kc = doublyCentred(k, n);
        double[] lc = doublyCentred(l, n);
        double cross = 0;
        double kk = 0;
        double ll = 0;
        for (int i = 0; i < kc.length; i++) {
            cross += kc[i] * lc[i];
            kk += kc[i] * kc[i];
            ll += lc[i] * lc[i];
        }
        if (kk == 0 || ll == 0) {
            throw new IllegalArgumentException("CKA is undefined for a representation without variance");
        }
        return cross / Math.sqrt(kk * ll);
    }

    /** {@code H K H}: every row and column mean removed, the grand mean added back once. */
    private static double[] doublyCentred(double[] k, int n) {
        double[] rowMeans = new double[n];
        double[] colMeans = new double[n];
        double grand = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double v = k[i * n + j];
                rowMeans[i] += v;
                colMeans[j] += v;
                grand += v;
            }
        }
        for (int i = 0; i < n; i++) {
            rowMeans[i] /= n;
            colMeans[i] /= n;
        }
        grand /= (double) n * n;
        double[] out = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                out[i * n + j] = k[i * n + j] - rowMeans[i] - colMeans[j] + grand;
            }
        }
        return out;
    }

    /** Columns minus their means, in double precision. */
    private static double[] centred(float[] a, int cols, int n) {
        double[] means = new double[cols];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < cols; c++) {
                means[c] += a[r * cols + c];
            }
        }
        for (int c = 0; c < cols; c++) {
            means[c] /= n;
        }
        double[] out = new double[a.length];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < cols; c++) {
                out[r * cols + c] = a[r * cols + c] - means[c];
            }
        }
        return out;
    }

    /** ||A^T B||_F^2 for A (n x pa) and B (n x pb): the p x q cross-covariance, squared and summed. */
    private static double gramFrobeniusSquared(double[] a, int pa, double[] b, int pb, int n) {
        double total = 0;
        double[] column = new double[pb];
        for (int i = 0; i < pa; i++) {
            java.util.Arrays.fill(column, 0);
            for (int r = 0; r < n; r++) {
                double v = a[r * pa + i];
                if (v == 0) {
                    continue;
                }
                int row = r * pb;
                for (int j = 0; j < pb; j++) {
                    column[j] += v * b[row + j];
                }
            }
            for (double c : column) {
                total += c * c;
            }
        }
        return total;
    }
}
