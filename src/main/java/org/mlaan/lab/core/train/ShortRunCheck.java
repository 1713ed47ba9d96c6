package org.mlaan.lab.core.train;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;
import java.util.Optional;
import java.util.StringJoiner;
import org.mlaan.lab.core.config.TrainingConfig;

/**
 * Warns before a run whose learning-rate schedule leaves it no epoch at a useful rate (issue 15):
 * with the cosine schedule and a warm-up (ALGORITHMS.md Part B §7) a 1- or 2-epoch run spends
 * everything in the warm-up, and a 3-epoch run with one warm-up epoch trains one epoch at a quarter
 * of the base rate and its last at 0, so it ends near chance without a word. The rule: at least one
 * epoch must train at half the base rate or more.
 */
public final class ShortRunCheck {
    /** The fraction of the base rate an epoch needs to count as training at a useful rate. */
    static final double USEFUL_FRACTION = 0.5;

    private ShortRunCheck() {}

    /** A warning naming the settings and each epoch's rate, or empty when the schedule is fine. */
    public static Optional<String> of(TrainingConfig t, int epochs) {
        LearningRateSchedule s = LearningRateSchedule.of(t, epochs);
        double base = t.learningRateOrDefault();
        StringJoiner rates = new StringJoiner(", ");
        for (int e = 0; e < epochs; e++) {
            double r = s.rate(e);
            if (r >= USEFUL_FRACTION * base) {
                return Optional.empty();
            }
            if (e < 8) {
                rates.add(fmt(r));
            }
        }
        int warmup = t.warmupEpochsOrDefault();
        String why = warmup >= epochs
                ? String.format(Locale.ROOT, "training.warmupEpochs (%d) is not below the %d epoch(s) of the run, so the"
                        + " whole run is warm-up", warmup, epochs)
                : String.format(Locale.ROOT, "with training.warmupEpochs %d and the %s schedule over %d epoch(s)",
                        warmup, s.kind().name().toLowerCase(Locale.ROOT), epochs);
        return Optional.of(String.format(Locale.ROOT, "warning: %s, no epoch trains at half the learning rate (%s) or"
                + " more; the rates per epoch are %s%s. Such a run usually ends near chance: give it more epochs or"
                + " fewer warm-up epochs.", why, fmt(base), rates, epochs > 8 ? ", ..." : ""));
    }

    /** Three significant digits, no trailing zeros; 0 for what the cosine leaves as rounding dust. */
    private static String fmt(double v) {
        if (Math.abs(v) < 1e-9) {
            return "0";
        }
        return new BigDecimal(v).round(new MathContext(3)).stripTrailingZeros().toPlainString();
    }
}
