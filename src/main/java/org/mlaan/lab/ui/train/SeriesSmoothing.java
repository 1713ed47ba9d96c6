package org.mlaan.lab.ui.train;

/**
 * How per-step curves are smoothed before they are drawn: not at all (the default, so what the
 * chart shows is what the run measured), or an exponential moving average with the bias of its
 * zero start removed, as TensorBoard does, so the first points are not dragged towards zero.
 */
public enum SeriesSmoothing {
    OFF("off", 0),
    EMA_06("EMA 0.6", 0.6),
    EMA_09("EMA 0.9", 0.9),
    EMA_098("EMA 0.98", 0.98);

    private final String label;
    private final double weight;

    SeriesSmoothing(String label, double weight) {
        this.label = label;
        this.weight = weight;
    }

    /** The weight of the running average (0 when off). */
    public double weight() {
        return weight;
    }

    @Override
    public String toString() {
        return label;
    }

    /** A fresh smoother for one curve. */
    public Smoother start() {
        return new Smoother(weight);
    }

    /** The running state of one smoothed curve. */
    public static final class Smoother {
        private final double weight;
        private double average;
        private double weightPower = 1;

        private Smoother(double weight) {
            this.weight = weight;
        }

        /** The smoothed value after {@code value}; exactly {@code value} when smoothing is off. */
        public double next(double value) {
            if (weight == 0) {
                return value;
            }
            average = weight * average + (1 - weight) * value;
            weightPower *= weight;
            return average / (1 - weightPower);
        }
    }
}
