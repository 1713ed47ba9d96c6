package org.mlaan.lab.ui.train;

import org.jfree.data.xy.XYSeries;

/**
 * One line of a live chart: values come in one by one, are smoothed when asked, and are kept to at
 * most {@code maxPoints} points by merging neighbours, so a chart of a run of 100,000 steps costs
 * what one of 2,000 does. Every kept point is the mean of {@code stride} raw points (x and y);
 * when the points pass the limit, neighbours are merged pairwise and the stride doubles. The
 * bucket being filled is shown as the last point, so the line always reaches the latest step.
 */
final class ChartCurve {
    /** Points a curve keeps at most (about one per pixel column of a wide chart). */
    static final int MAX_POINTS = 2000;

    private final XYSeries series;
    private final int maxPoints;
    private SeriesSmoothing.Smoother smoother;
    private SeriesSmoothing smoothing;
    private int stride = 1;
    private double sumX;
    private double sumY;
    private int pending;
    private boolean pendingShown;

    ChartCurve(String key, SeriesSmoothing smoothing) {
        this(key, smoothing, MAX_POINTS);
    }

    ChartCurve(String key, SeriesSmoothing smoothing, int maxPoints) {
        if (maxPoints < 2) {
            throw new IllegalArgumentException("a curve keeps at least 2 points, got " + maxPoints);
        }
        // Unsorted and with duplicates allowed, XYSeries appends in O(1).
        this.series = new XYSeries(key, false, true);
        this.maxPoints = maxPoints;
        this.smoothing = smoothing;
        this.smoother = smoothing.start();
    }

    XYSeries series() {
        return series;
    }

    /** Raw points each kept point stands for. */
    int stride() {
        return stride;
    }

    /** Adds one measured value; NaN and infinite values (a module without a loss this step) are skipped. */
    void add(double x, double y) {
        if (!Double.isFinite(y) || !Double.isFinite(x)) {
            return;
        }
        double v = smoother.next(y);
        if (pendingShown) {
            series.remove(series.getItemCount() - 1);
            pendingShown = false;
        }
        sumX += x;
        sumY += v;
        pending++;
        series.add(sumX / pending, sumY / pending, false);
        if (pending == stride) {
            sumX = 0;
            sumY = 0;
            pending = 0;
            if (series.getItemCount() > maxPoints) {
                mergeNeighbours();
            }
        } else {
            pendingShown = true;
        }
    }

    /** Forgets every point, and starts smoothing anew with {@code s}. */
    void clear(SeriesSmoothing s) {
        smoothing = s;
        clear();
    }

    /** Forgets every point. */
    void clear() {
        series.clear();
        smoother = smoothing.start();
        stride = 1;
        sumX = 0;
        sumY = 0;
        pending = 0;
        pendingShown = false;
    }

    /** Holds change events until {@link #endBatch()}, so many points cost one chart update. */
    void beginBatch() {
        series.setNotify(false);
    }

    void endBatch() {
        series.setNotify(true);
    }

    private void mergeNeighbours() {
        int n = series.getItemCount();
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = series.getX(i).doubleValue();
            ys[i] = series.getY(i).doubleValue();
        }
        series.clear();
        for (int i = 0; i + 1 < n; i += 2) {
            series.add((xs[i] + xs[i + 1]) / 2, (ys[i] + ys[i + 1]) / 2, false);
        }
        if (n % 2 == 1) {
            // An unpaired full point becomes the start of the next, twice as wide, bucket.
            sumX = xs[n - 1] * stride;
            sumY = ys[n - 1] * stride;
            pending = stride;
            series.add(xs[n - 1], ys[n - 1], false);
            pendingShown = true;
        }
        stride *= 2;
    }
}
