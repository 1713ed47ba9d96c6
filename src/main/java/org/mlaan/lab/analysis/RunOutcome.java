package org.mlaan.lab.analysis;

import java.nio.file.Path;
import org.mlaan.lab.analysis.result.SeedResult;
import org.mlaan.lab.core.config.Method;
import org.mlaan.lab.core.run.EpochMetrics;
import org.mlaan.lab.core.run.RunRecord;
import org.mlaan.lab.core.run.RunStatus;

/**
 * What one run folder reached, as the tables count it: its method, its planned epoch budget, the
 * epochs it trained, its final and best test error and its wall time. A run {@link #counts()
 * counts} towards a mean unless it failed or never evaluated.
 *
 * @param name the run folder's name
 * @param method the run's method
 * @param seed the run's seed
 * @param plannedEpochs the epochs the run was asked for (its budget; {@code training.epochs} of the config it ran)
 * @param epochsDone epoch rows in its metrics
 * @param finalError test top-1 error of the last evaluated epoch, 0..1, NaN when it never evaluated
 * @param bestError lowest test top-1 error over the evaluated epochs, 0..1, NaN when it never evaluated
 * @param minutes wall time of its epochs
 * @param state its {@code status.json} state, {@code unknown} without one
 * @param dir the run folder
 */
public record RunOutcome(String name, Method method, long seed, int plannedEpochs, int epochsDone, double finalError,
        double bestError, double minutes, String state, Path dir) {

    /** The outcome of a run read by {@code RunFolderReader}. */
    public static RunOutcome of(RunRecord run) {
        double fin = Double.NaN;
        double best = Double.NaN;
        double seconds = 0;
        for (EpochMetrics e : run.epochs()) {
            seconds += Double.isNaN(e.seconds()) ? 0 : e.seconds();
            if (!Double.isNaN(e.testTop1Error())) {
                fin = e.testTop1Error();
                best = Double.isNaN(best) ? fin : Math.min(best, fin);
            }
        }
        RunStatus s = run.status();
        int planned = s != null && s.epochs() > 0 ? s.epochs() : run.config().training().epochsOrDefault();
        return new RunOutcome(nameOf(run), run.config().methodOrDefault(), run.config().seedOrDefault(), planned,
                run.epochs().size(), fin, best, seconds / 60, s == null ? "unknown" : s.state(), run.dir());
    }

    /** The name a run goes by in tables and legends: its folder's name. */
    public static String nameOf(RunRecord run) {
        Path name = run.dir() == null ? null : run.dir().getFileName();
        return name == null ? run.config().nameOrDefault() : name.toString();
    }

    /** Whether the run enters means: it did not fail and evaluated at least once. */
    public boolean counts() {
        return !RunStatus.FAILED.equals(state) && !Double.isNaN(finalError);
    }

    /** Why it does not enter means, for a note; empty when it does. */
    public String whyLeftOut() {
        if (RunStatus.FAILED.equals(state)) {
            return "it failed";
        }
        return Double.isNaN(finalError) ? "it has no evaluated epoch" : "";
    }

    public SeedResult seedResult() {
        return new SeedResult(seed, epochsDone, finalError, bestError, minutes, state, dir);
    }
}
