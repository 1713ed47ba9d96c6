package org.mlaan.lab.ui.analysis;

import org.mlaan.lab.analysis.result.SeedResult;
import org.mlaan.lab.core.config.Method;
import org.mlaan.lab.core.run.EpochMetrics;
import org.mlaan.lab.core.run.RunRecord;
import org.mlaan.lab.core.run.RunStatus;

/**
 * One row of the runs table: what a run folder says about its run, taken from its status and,
 * where the status lacks a figure (a run still writing, a folder without status), from its
 * epoch rows.
 *
 * @param run the run as read
 * @param name the folder's name
 * @param method the run's method
 * @param seed the run's seed
 * @param epochsDone epochs trained
 * @param epochs epochs asked for
 * @param finalError test top-1 error of the last evaluation, 0..1 (NaN when none)
 * @param bestError lowest test top-1 error, 0..1 (NaN when none)
 * @param minutes wall time of the epochs written
 * @param state {@code completed}, {@code cancelled}, {@code failed}, {@code running}, or {@code unknown}
 */
record RunSummary(RunRecord run, String name, Method method, long seed, int epochsDone, int epochs,
        double finalError, double bestError, double minutes, String state) {

    static RunSummary of(RunRecord r) {
        RunStatus s = r.status();
        double lastTest = Double.NaN;
        double best = Double.NaN;
        double seconds = 0;
        for (EpochMetrics e : r.epochs()) {
            seconds += e.seconds();
            if (!Double.isNaN(e.testTop1Error())) {
                lastTest = e.testTop1Error();
                best = Double.isNaN(best) ? lastTest : Math.min(best, lastTest);
            }
        }
        int epochs = s != null ? s.epochs() : r.config().training().epochsOrDefault();
        int done = s != null ? s.epochsDone() : r.epochs().size();
        double fin = s != null && s.finalTop1Error() != null ? s.finalTop1Error() : lastTest;
        double bestErr = s != null && s.bestTop1Error() != null ? s.bestTop1Error() : best;
        return new RunSummary(r, r.dir().getFileName().toString(), r.config().methodOrDefault(),
                r.config().seedOrDefault(), done, epochs, fin, bestErr, seconds / 60, s == null ? "unknown" : s.state());
    }

    SeedResult seedResult() {
        return new SeedResult(seed, epochsDone, finalError, bestError, minutes, state, run.dir());
    }
}
