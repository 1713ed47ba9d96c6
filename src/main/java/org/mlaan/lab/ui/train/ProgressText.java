package org.mlaan.lab.ui.train;

import java.util.Locale;
import org.mlaan.lab.core.io.Durations;
import org.mlaan.lab.core.run.RunFinished;
import org.mlaan.lab.core.run.RunStarted;
import org.mlaan.lab.core.run.StepMetrics;

/** The words of the progress line: where a run is, how fast it goes and when it will be done. */
final class ProgressText {
    private static final String SEP = " \u00b7 ";

    private ProgressText() {}

    /** How far the run is, 0..1 ({@code last} null: not yet stepped). */
    static double fraction(RunStarted started, StepMetrics last) {
        if (started == null || last == null) {
            return 0;
        }
        long total = (long) started.epochs() * started.stepsPerEpoch();
        return total <= 0 ? 0 : Math.min(1, (last.globalStep() + 1) / (double) total);
    }

    /** e.g. {@code epoch 2/6 · step 57/79 · 35% · ETA 1:23 · 211 images/s · cpu()}. */
    static String stepping(RunStarted started, StepMetrics last) {
        if (started == null) {
            return "";
        }
        if (last == null) {
            return String.format(Locale.ROOT, "epoch %d/%d%sfirst step under way%s%s", started.startEpoch() + 1,
                    started.epochs(), SEP, SEP, started.device());
        }
        return String.format(Locale.ROOT, "epoch %d/%d%sstep %d/%d%s%.0f%%%sETA %s%s%.0f images/s%s%s",
                last.epoch() + 1, started.epochs(), SEP, last.step() + 1, started.stepsPerEpoch(), SEP,
                100 * fraction(started, last), SEP, Durations.clock(last.etaSeconds()), SEP, last.imagesPerSecond(), SEP,
                started.device());
    }

    /** The line of a run that has ended. */
    static String finished(RunFinished f) {
        String how = switch (f.status()) {
            case COMPLETED -> "Completed";
            case CANCELLED -> "Stopped";
            case FAILED -> "Failed";
        };
        StringBuilder sb = new StringBuilder(how);
        sb.append(String.format(Locale.ROOT, " after %d epoch%s in %s", f.epochsDone(), f.epochsDone() == 1 ? "" : "s",
                Durations.clock(f.seconds())));
        if (!Double.isNaN(f.finalTop1Error())) {
            sb.append(String.format(Locale.ROOT, "%stest top-1 error %.2f%% (best %.2f%%)", SEP,
                    100 * f.finalTop1Error(), 100 * f.bestTop1Error()));
        }
        return sb.toString();
    }

}
