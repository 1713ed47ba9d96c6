package org.mlaan.lab.ui.analysis;

import java.util.Locale;
import org.mlaan.lab.core.config.Method;
import org.mlaan.lab.core.run.RunStarted;
import org.mlaan.lab.core.run.StepMetrics;

/**
 * Where an ablation queue is, in words and as a fraction: {@code run 3/10: DGL+LAM seed 43, epoch
 * 2/6 step 40/79}. Runs count from 1; every run weighs the same in the fraction.
 *
 * @param run the run under way, from 1
 * @param runs runs in the queue
 * @param method its method
 * @param seed its seed
 * @param started its start event, or null before the engine has made it
 * @param last its last step, or null before its first
 */
record QueueProgress(int run, int runs, Method method, long seed, RunStarted started, StepMetrics last) {

    String text() {
        String head = String.format(Locale.ROOT, "run %d/%d: %s seed %d", run, runs, method.label(), seed);
        if (started == null) {
            return head + ", starting";
        }
        if (last == null) {
            return head + String.format(Locale.ROOT, ", epoch %d/%d, first step", started.startEpoch() + 1,
                    started.epochs());
        }
        return head + String.format(Locale.ROOT, ", epoch %d/%d step %d/%d", last.epoch() + 1, started.epochs(),
                last.step() + 1, started.stepsPerEpoch());
    }

    double fraction() {
        double within = 0;
        if (started != null && last != null) {
            long total = (long) started.epochs() * started.stepsPerEpoch();
            within = total <= 0 ? 0 : Math.min(1, (last.globalStep() + 1) / (double) total);
        }
        return runs <= 0 ? 0 : Math.min(1, (run - 1 + within) / runs);
    }
}
