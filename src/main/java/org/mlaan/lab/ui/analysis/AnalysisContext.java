package org.mlaan.lab.ui.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.mlaan.lab.analysis.AnalysisProgress;
import org.mlaan.lab.analysis.RunAnalyses;
import org.mlaan.lab.core.run.RunRecord;
import org.mlaan.lab.ui.common.BackgroundWork;
import org.mlaan.lab.ui.model.LabViewModel;

/**
 * What the tab's analyses share: the window's experiment, the loaded runs, the checkpoint
 * analyses and the memory measure the window was given, the background jobs, and whether another
 * run trains in the process (then nothing here starts: one gradient collector per JVM).
 */
final class AnalysisContext {
    /** Said where an analysis needs the engine's checkpoint analyses and the window has none. */
    static final String UNAVAILABLE = "Checkpoint analyses unavailable: this build of the window has no engine for"
            + " them (the ablation, the runs and the test-error curves still work).";

    final LabViewModel vm;
    final ObservableList<RunSummary> runs = FXCollections.observableArrayList();
    final BackgroundWork work = new BackgroundWork();
    private final Supplier<RunAnalyses> analyses;
    private MemoryMeasure memory;
    private ObservableValue<Boolean> otherRunActive;
    private Supplier<Boolean> queueActive = () -> false;

    AnalysisContext(LabViewModel vm, Supplier<RunAnalyses> analyses, MemoryMeasure memory) {
        this.vm = vm;
        this.analyses = analyses == null ? () -> null : analyses;
        this.memory = memory;
    }

    /** The checkpoint analyses, or null when the window has none. */
    RunAnalyses analyses() {
        return analyses.get();
    }

    MemoryMeasure memory() {
        return memory;
    }

    void setMemory(MemoryMeasure m) {
        memory = m;
    }

    void setOtherRunActive(ObservableValue<Boolean> active) {
        otherRunActive = active;
    }

    void setQueueActive(Supplier<Boolean> active) {
        queueActive = active;
    }

    /** Why nothing may start now, or null when it may. */
    String busyReason() {
        if (otherRunActive != null && Boolean.TRUE.equals(otherRunActive.getValue())) {
            return "A run is training in the Train tab or the comparison: the analyses wait until it ends"
                    + " (one run trains at a time in the lab).";
        }
        if (queueActive.get()) {
            return "The ablation queue is training: the analyses wait until it ends.";
        }
        return null;
    }

    List<RunRecord> records() {
        return runs.stream().map(RunSummary::run).toList();
    }

    /** What an analysis gave for each run, and one line per run it failed on, naming the run. */
    record PerRun<T>(List<T> results, List<String> problems) {}

    /** A piece of work on one run. */
    @FunctionalInterface
    interface OnRun<T> {
        T apply(RunRecord run, AnalysisProgress progress) throws Exception;
    }

    /**
     * Runs {@code work} on each of {@code runs} in turn, its progress scaled into the whole and
     * prefixed with the run; a run that fails is named in the problems and the rest go on.
     */
    static <T> PerRun<T> eachRun(List<RunRecord> runs, AnalysisProgress progress, OnRun<T> work) {
        List<T> results = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            RunRecord r = runs.get(i);
            String name = r.dir().getFileName().toString();
            int index = i;
            String head = String.format(Locale.ROOT, "run %d/%d %s", i + 1, runs.size(), name);
            progress.update(head, (double) i / runs.size());
            try {
                results.add(work.apply(r, (what, f) -> progress.update(head + ": " + what,
                        (index + Math.max(0, Math.min(1, f))) / runs.size())));
            } catch (Exception | LinkageError e) {
                problems.add(name + ": " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            }
        }
        progress.update("done", 1);
        return new PerRun<>(results, problems);
    }
}
