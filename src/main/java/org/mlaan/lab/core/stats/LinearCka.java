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
