package org.mlaan.lab.core.stats;

import java.util.Arrays;

/**
 * Mean and spread of repeated measurements (seeds), as the papers' tables report them:
 * mean ± sample standard deviation (n - 1 in the denominator), with the extremes.
 */
public record Summary(int n, double mean, double std, double min, double max) {

    /** The summary of {@code values}; NaN values (runs that never evaluated) are left out. */
    public static Summary of(double... values) {
        double[] v = Arrays.stream(values).filter(x -> !Double.isNaN(x)).toArray();
        if (v.length == 0) {
            return new Summary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double mean = Arrays.stream(v).average().orElseThrow();
        double ss = 0;
        for (double x : v) {
            ss += (x - mean) * (x - mean);
        }
        double std = v.length > 1 ? Math.sqrt(ss / (v.length - 1)) : 0;
        return new Summary(v.length, mean, std, Arrays.stream(v).min().orElseThrow(), Arrays.stream(v).max().orElseThrow());
    }
}
