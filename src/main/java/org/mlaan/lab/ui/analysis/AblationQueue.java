package org.mlaan.lab.ui.analysis;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.mlaan.lab.analysis.AblationEstimate;
import org.mlaan.lab.analysis.AblationPlan;
import org.mlaan.lab.analysis.AblationResult;
import org.mlaan.lab.analysis.AblationRunner;
import org.mlaan.lab.core.config.ConfigException;
import org.mlaan.lab.core.config.ExperimentConfig;
import org.mlaan.lab.core.config.Method;
import org.mlaan.lab.core.run.RunFinished;
import org.mlaan.lab.core.run.RunFolderReader;
import org.mlaan.lab.core.run.RunListener;
import org.mlaan.lab.core.run.RunRecord;
import org.mlaan.lab.core.run.RunStarted;
import org.mlaan.lab.core.run.StepMetrics;
import org.mlaan.lab.data.DataSets;
import org.mlaan.lab.engine.RunOptions;
import org.mlaan.lab.engine.RunService;

/**
 * The window's ablation queue (MLAAN Table 4): an {@link AblationRunner} over the current config,
 * run seed-major on the {@link RunService}'s training thread into one folder {@code ablation-NAME-STAMP} under
 * the runs folder. Each run's folder is read back when it ends and handed to the window, so the
 * matrix fills in run by run. Progress reaches the FX thread at most one hand-over at a time, so
 * the queue never waits for the window. FX thread, except where said.
 */
final class AblationQueue {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);

    private static final String STOPPING = " \u00b7 stopping after this step";

    private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper(this, "active");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text", "");
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(this, "failed");
    private final Consumer<RunRecord> runDone;

    private volatile AblationRunner runner;
    /** True while an estimate hands over to {@link #start}: the queue is active, and may start. */
    private boolean handingOver;
    /** The data the last estimate measured on, for the queue that follows it (its config's data set). */
    private volatile org.mlaan.lab.data.LoadedData measuredOn;
    private volatile org.mlaan.lab.core.config.DatasetConfig measuredDataset;
    /** The time estimate of the queue under way (null: none), for its total ETA. */
    private volatile AblationEstimate estimate;
    private volatile CountDownLatch ended = new CountDownLatch(0);
    private Path folder;
    private boolean stopping;

    /** @param runDone told, on the FX thread, of each run of the queue once it has ended, as read from its folder */
    AblationQueue(Consumer<RunRecord> runDone) {
        this.runDone = runDone;
    }

    /** True from {@link #start} until the queue's last run has ended and freed the training thread. */
    ReadOnlyBooleanProperty activeProperty() {
        return active.getReadOnlyProperty();
    }

    /** 0..1 over the whole queue. */
    ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** Where the queue is ({@code run 3/10: DGL+LAM seed 43, epoch 2/6 step 40/79}) or how it ended. */
    ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    /** Whether the last queue failed (its text says why). */
    ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }

    /** The folder the current or last queue writes its run folders into, or null. */
    Path folder() {
        return folder;
    }

    /**
     * Measures a few steps of each method of the ablation of {@code base} on the training thread
     * (the queue counts as active meanwhile), then hands the estimate, or why there is none, to
     * the FX thread. Returns false when a queue is running already.
     */
    boolean estimate(ExperimentConfig base, int seeds, int epochs, Consumer<AblationEstimate> done,
            Consumer<String> failedWith) {
        if (active.get()) {
            return false;
        }
        AblationPlan plan = AblationPlan.of(base, seeds);
        runner = null;
        active.set(true);
        failed.set(false);
        progress.set(-1);
        text.set(String.format(Locale.ROOT, "Measuring %d steps of each of the %d methods to estimate the time\u2026",
                AblationEstimate.MEASURED_STEPS + org.mlaan.lab.engine.Benchmark.WARMUP_STEPS, plan.methods().size()));
        RunService.shared().submit(() -> {
            AblationEstimate e = null;
            String why = null;
            try {
                org.mlaan.lab.data.LoadedData data = DataSets.open(base.dataset());
                e = AblationEstimate.measure(plan, epochs, data);
                measuredOn = data;
                measuredDataset = base.dataset();
            } catch (ConfigException ex) {
                why = String.join("; ", ex.problems().isEmpty() ? java.util.List.of(ex.getMessage()) : ex.problems());
            } catch (IOException | RuntimeException | LinkageError ex) {
                why = ex.getMessage() == null ? ex.toString() : ex.getMessage();
            }
            AblationEstimate measured = e;
            String problem = why;
            Platform.runLater(() -> {
                progress.set(0);
                text.set("");
                if (measured != null) {
                    // The queue stays active into start(), so no one sees a gap between measuring and training.
                    handingOver = true;
                    try {
                        done.accept(measured);
                    } finally {
                        handingOver = false;
                        // Taken by start() if it ran; otherwise not kept in memory for nothing.
                        measuredOn = null;
                        measuredDataset = null;
                    }
                    if (runner == null || ended.getCount() == 0) {
                        active.set(false);
                    }
                } else {
                    active.set(false);
                    failed.set(true);
                    text.set("Could not estimate the ablation's time: " + problem);
                    failedWith.accept(problem);
                }
            });
        });
        return true;
    }

    /**
     * Queues the ablation of {@code base}: {@code seeds} seeds from the config's seed up, each run
     * {@code epochs} epochs; with {@code measured} (may be null) the text gives the total time left.
     * Returns false when a queue is running already.
     */
    boolean start(ExperimentConfig base, int seeds, int epochs, Path runsFolder, AblationEstimate measured) {
        if (active.get() && !handingOver) {
            return false;
        }
        AblationPlan plan = AblationPlan.of(base, seeds);
        estimate = measured;
        folder = runsFolder.resolve("ablation-" + base.nameOrDefault().replaceAll("[^A-Za-z0-9._-]", "_") + "-"
                + STAMP.format(LocalDateTime.now()));
        // The estimate's data serves the queue when it is the same data set: it is not generated twice.
        org.mlaan.lab.data.LoadedData data = java.util.Objects.equals(measuredDataset, base.dataset()) ? measuredOn
                : null;
        measuredOn = null;
        measuredDataset = null;
        AblationRunner r = new AblationRunner(plan, new RunOptions(folder, null, epochs, true), data);
        runner = r;
        CountDownLatch end = new CountDownLatch(1);
        ended = end;
        stopping = false;
        active.set(true);
        failed.set(false);
        progress.set(0);
        text.set(String.format(Locale.ROOT, "%d runs queued: %s x %d seed(s)", plan.runCount(),
                plan.methods().stream().map(Method::label).toList(), seeds));
        RunService.shared().submit(() -> {
            // On the JVM's exit the service stops the run under way after its step and waits for it.
            try (RunService.Registration exit = RunService.shared().whileTraining(r::cancel)) {
                work(r, plan.runCount());
            } finally {
                end.countDown();
            }
        });
        return true;
    }

    /** Stops the queue: the run under way stops after its step (its folder says cancelled), no other starts. */
    void stop() {
        AblationRunner r = runner;
        if (r != null && active.get()) {
            r.cancel();
            stopping = true;
            text.set(text.get() + STOPPING);
        }
    }

    /** On the training thread. */
    private void work(AblationRunner r, int total) {
        AtomicInteger index = new AtomicInteger();
        String end;
        boolean bad = false;
        boolean complete = false;
        try {
            AblationResult result = r.run((m, seed) -> new Listener(index.incrementAndGet(), total, m, seed));
            long stopped = result.cells().stream().filter(c -> c.finished().status() == RunFinished.Status.CANCELLED)
                    .count();
            end = stopped > 0 || result.cells().size() < total
                    ? String.format(Locale.ROOT, "Stopped after %d of %d runs; their folders are kept.",
                            result.cells().size(), total)
                    : String.format(Locale.ROOT, "Done: %d runs in %.1f min.", total, result.seconds() / 60);
            complete = stopped == 0 && result.cells().size() == total;
        } catch (ConfigException e) {
            bad = true;
            end = "The ablation cannot run: " + String.join("; ", e.problems().isEmpty()
                    ? java.util.List.of(e.getMessage()) : e.problems());
        } catch (IOException | RuntimeException | LinkageError e) {
            bad = true;
            end = "The ablation failed: " + (e.getMessage() == null ? e.toString() : e.getMessage());
        }
        String last = end;
        boolean lastBad = bad;
        boolean allDone = complete;
        Platform.runLater(() -> {
            text.set(last);
            failed.set(lastBad);
            // A stopped queue keeps the bar where it stopped: full means every run is done.
            if (allDone) {
                progress.set(1);
            }
            active.set(false);
        });
    }

    /** " · about 1 h 20 min left in all", from the run's own ETA and the later runs' estimates; "" without an estimate. */
    private String totalLeft(QueueProgress p) {
        AblationEstimate e = estimate;
        AblationRunner r = runner;
        if (e == null || r == null) {
            return "";
        }
        double current = p.last() != null ? p.last().etaSeconds() : e.secondsOf(p.method());
        double left = e.secondsLeft(r.plan().methods(), p.run(), current);
        return " \u00b7 about " + org.mlaan.lab.core.io.Durations.rough(left) + " left in all";
    }

    /** One run's events, summed into the queue's progress; its folder read back when it ends. Training thread. */
    private final class Listener implements RunListener {
        private final int run;
        private final int runs;
        private final Method method;
        private final long seed;
        private final AtomicBoolean handOverPending = new AtomicBoolean();
        private volatile RunStarted started;
        private volatile StepMetrics last;

        Listener(int run, int runs, Method method, long seed) {
            this.run = run;
            this.runs = runs;
            this.method = method;
            this.seed = seed;
            post();
        }

        @Override
        public void onStarted(RunStarted event) {
            started = event;
            post();
        }

        @Override
        public void onStep(StepMetrics step) {
            last = step;
            post();
        }

        @Override
        public void onFinished(RunFinished event) {
            RunStarted s = started;
            if (s == null || s.runDir() == null) {
                return;
            }
            try {
                RunRecord record = RunFolderReader.read(Path.of(s.runDir()));
                Platform.runLater(() -> runDone.accept(record));
            } catch (IOException e) {
                String why = "run " + run + " (" + method.label() + " seed " + seed + "): " + e.getMessage();
                Platform.runLater(() -> text.set(why));
            }
        }

        private void post() {
            if (handOverPending.compareAndSet(false, true)) {
                Platform.runLater(() -> {
                    handOverPending.set(false);
                    QueueProgress p = new QueueProgress(run, runs, method, seed, started, last);
                    if (active.get()) {
                        text.set(p.text() + totalLeft(p) + (stopping ? STOPPING : ""));
                        progress.set(p.fraction());
                    }
                });
            }
        }
    }
}
