package org.mlaan.lab.ui.analysis;

import org.mlaan.lab.analysis.RunOutcome;
import org.mlaan.lab.core.config.Method;
import org.mlaan.lab.core.run.RunRecord;

/**
 * One loaded run: the run as read from its folder, and what it reached as the tables count it.
 *
 * @param run the run as read
 * @param outcome its method, seed, epochs, errors and state
 */
record RunSummary(RunRecord run, RunOutcome outcome) {

    static RunSummary of(RunRecord r) {
        return new RunSummary(r, RunOutcome.of(r));
    }

    String name() {
        return outcome.name();
    }

    Method method() {
        return outcome.method();
    }

    long seed() {
        return outcome.seed();
    }

    int epochsDone() {
        return outcome.epochsDone();
    }

    int epochs() {
        return outcome.plannedEpochs();
    }

    double finalError() {
        return outcome.finalError();
    }

    double bestError() {
        return outcome.bestError();
    }

    String state() {
        return outcome.state();
    }
}
