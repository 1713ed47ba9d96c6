package org.mlaan.lab.engine;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.mlaan.lab.core.config.ExperimentConfig;
import org.mlaan.lab.core.run.PauseControl;
import org.mlaan.lab.core.run.RunFinished;
import org.mlaan.lab.core.run.RunListener;
import org.mlaan.lab.core.run.StepGate;
import org.mlaan.lab.core.run.TakingTurns;
import org.mlaan.lab.data.DataSets;
import org.mlaan.lab.data.LoadedData;

/**
 * Several runs trained side by side in this process, one step each in turn ({@link TakingTurns}:
 * DJL allows one gradient collector per JVM, so they never step at the same time), each on a
 * thread of the {@link RunService}, all behind one {@link PauseControl}. The data is read once and
 * shared. The window's comparison and lesson and the {@code lesson} command train this way.
 */
public final class SideBySideRuns {
    /** One run of the group: what it trains and who hears it. */
    public interface Member extends RunListener {
        ExperimentConfig config();

        /** The run could not be made (bad config, no memory): why. Called instead of any other event. */
        void failedToStart(String message);

        /** The engine run, once made on the training thread (to cancel it, say). */
        default void attach(TrainingRun run) { }
    }

    private final List<? extends Member> members;
    private final int mapsEvery;
    private final int images;
    private final Path folder;
    private final PauseControl pause = new PauseControl();
    private final List<TrainingRun> made = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile Runnable onEnded = () -> { };
    private volatile boolean stopRequested;

    /**
     * @param members the runs, in column order; the first one's data set is read for all
     * @param mapsEvery feature maps every this many steps (0: none)
     * @param images test images in the maps
     * @param folder where each run writes its run folder, or null for none
     */
    public SideBySideRuns(List<? extends Member> members, int mapsEvery, int images, Path folder) {
        if (members.isEmpty()) {
            throw new IllegalArgumentException("runs side by side need at least one run");
        }
        this.members = List.copyOf(members);
        this.mapsEvery = mapsEvery;
        this.images = images;
        this.folder = folder;
    }

    /** The folder the runs write their run folders into, or null. */
    public Path folder() {
        return folder;
    }

    /**
     * Queues the group on the {@link RunService}: made on its training thread (making a run seeds
     * the engine's global generator, so one after another), trained on threads it starts while it
     * holds the training thread; {@code whenEnded} runs once every run has ended (on a training
     * thread).
     */
    public void start(Runnable whenEnded) {
        this.onEnded = whenEnded;
        RunService.shared().submitSideBySide("side-by-side", this::setUp);
    }

    private List<Runnable> setUp() {
        List<Member> ready = new ArrayList<>();
        List<TrainingRun> runs = new ArrayList<>();
        try {
            LoadedData data = DataSets.open(members.get(0).config().dataset());
            for (Member m : members) {
                if (stopRequested) {
                    break;
                }
                try {
                    TrainingRun t = TrainingRun.create(m.config(), folder == null ? RunOptions.withoutFolder()
                            : new RunOptions(folder, null, null, true), data);
                    made.add(t);
                    m.attach(t);
                    ready.add(m);
                    runs.add(t);
                } catch (Exception e) {
                    m.failedToStart(message(e));
                }
            }
        } catch (Exception | OutOfMemoryError e) {
            for (Member m : members) {
                if (!ready.contains(m)) {
                    m.failedToStart(message(e));
                }
            }
        }
        if (stopRequested || ready.isEmpty()) {
            for (int i = 0; i < ready.size(); i++) {
                runs.get(i).close();
                ready.get(i).onFinished(new RunFinished(RunFinished.Status.CANCELLED, 0, Double.NaN, Double.NaN,
                        Double.NaN, 0, "stopped before the first step"));
            }
            finish();
            return List.of();
        }
        TakingTurns turns = new TakingTurns(ready.size());
        AtomicInteger running = new AtomicInteger(ready.size());
        List<Runnable> bodies = new ArrayList<>();
        for (int i = 0; i < ready.size(); i++) {
            Member m = ready.get(i);
            StepGate gate = StepGate.both(pause.gateForRun(), turns.gate(i));
            TrainingRun t = runs.get(i).gatedBy(gate);
            if (mapsEvery > 0) {
                t.tapFeatureMaps(mapsEvery, images);
            }
            bodies.add(() -> {
                // On the JVM's exit the service stops the run after its step (and opens the pause).
                try (RunService.Registration exit = RunService.shared().whileTraining(() -> {
                    t.cancel();
                    pause.release();
                })) {
                    t.run(m);
                } finally {
                    t.close();
                    if (running.decrementAndGet() == 0) {
                        finish();
                    }
                }
            });
        }
        if (stopRequested) {
            runs.forEach(TrainingRun::cancel);
        }
        return bodies;
    }

    private void finish() {
        try {
            onEnded.run();
        } finally {
            ended.countDown();
        }
    }

    /** Every run stops before its next step. */
    public void pause() {
        pause.pause();
    }

    /** Every run trains on. */
    public void resume() {
        pause.resume();
    }

    public boolean isPaused() {
        return pause.isPaused();
    }

    /** Stops every run after its step in progress (or before its first). Any thread. */
    public void stop() {
        stopRequested = true;
        made.forEach(TrainingRun::cancel);
        pause.release();
    }

    /** Waits until every run has ended and freed its engine resources; false on timeout. */
    public boolean awaitEnd(Duration timeout) throws InterruptedException {
        return ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static String message(Throwable e) {
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }
}
