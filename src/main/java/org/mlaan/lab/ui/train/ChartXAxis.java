package org.mlaan.lab.ui.train;

import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickUnits;
import org.mlaan.lab.core.io.Durations;
import org.mlaan.lab.core.run.StepMetrics;

/**
 * What the Train charts' horizontal axis counts (TensorBoard's step and relative-time axes): steps,
 * or the run's wall time, which puts a fast method's curve to the left of a slow one's when two
 * runs are overlaid. Wall time leaves pauses out and takes a resumed run on from where it stopped.
 */
enum ChartXAxis {
    STEP("step", "step"),
    WALL_TIME("wall time", "seconds");

    private final String label;
    private final String csvName;

    ChartXAxis(String label, String csvName) {
        this.label = label;
        this.csvName = csvName;
    }

    /** Where {@code s} sits on this axis; NaN (not drawn) for wall time a run folder did not keep. */
    double of(StepMetrics s) {
        return this == STEP ? s.globalStep() : s.seconds();
    }

    /** The CSV column of the values: seconds are written as numbers, not as the ticks' h:mm:ss. */
    String csvName() {
        return csvName;
    }

    /** A new axis of this kind, from 0. */
    NumberAxis newAxis() {
        NumberAxis x = new NumberAxis(label);
        x.setAutoRangeIncludesZero(true);
        if (this == STEP) {
            x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
            return x;
        }
        // Ticks at whole seconds, minutes and hours, written as m:ss or h:mm:ss.
        TickUnits units = new TickUnits();
        NumberFormat clock = new ClockFormat();
        for (double s : new double[] {1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600,
                43200, 86400}) {
            units.add(new NumberTickUnit(s, clock));
        }
        x.setStandardTickUnits(units);
        return x;
    }

    @Override
    public String toString() {
        return label;
    }

    /** Seconds as m:ss, or h:mm:ss from an hour on. */
    static final class ClockFormat extends NumberFormat {
        @Override
        public StringBuffer format(double seconds, StringBuffer to, FieldPosition pos) {
            return to.append(Durations.clock(seconds));
        }

        @Override
        public StringBuffer format(long seconds, StringBuffer to, FieldPosition pos) {
            return format((double) seconds, to, pos);
        }

        @Override
        public Number parse(String source, ParsePosition pos) {
            return null; // ticks are only written
        }
    }
}
