package org.mlaan.lab.ui.analysis;

import java.util.Locale;
import org.mlaan.lab.core.stats.Summary;

/** Errors as the papers print them: percent with two decimals, mean ± std over seeds. */
final class Percent {
    private Percent() {}

    /** {@code 0.1234} as {@code 12.34}; a dash for NaN. */
    static String of(double fraction) {
        return Double.isNaN(fraction) ? "\u2013" : String.format(Locale.ROOT, "%.2f", 100 * fraction);
    }

    /** {@code 12.34 ± 0.56 %}; a dash when no seed evaluated. */
    static String meanStd(Summary s) {
        return s.n() == 0 ? "\u2013" : String.format(Locale.ROOT, "%.2f \u00b1 %.2f %%", 100 * s.mean(), 100 * s.std());
    }
}
