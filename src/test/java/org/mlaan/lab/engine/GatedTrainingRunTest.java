package org.mlaan.lab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.mlaan.lab.core.config.ExperimentConfig;
import org.mlaan.lab.core.run.PauseControl;
import org.mlaan.lab.core.run.RunFinished;
import org.mlaan.lab.core.run.RunListener;
import org.mlaan.lab.core.run.StepGate;
import org.mlaan.lab.core.run.StepMetrics;
import org.mlaan.lab.core.run.TakingTurns;
import org.mlaan.lab.data.LoadedData;
import org.testfx.util.WaitForAsyncUtils;

/** Training runs behind step gates: pause and single steps, and runs taking turns. */
class GatedTrainingRunTest {
    private static final LoadedData DATA = TinyData.make(48, 24, 16, 4, 99);
    private static final long TIMEOUT_S = 120;

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, condition);
    }

    /** Counts steps and keeps the finish event. */
    static final class Counter implements RunListener {
        final AtomicInteger steps = new AtomicInteger();
        final List<Long> globalSteps = Collections.synchronizedList(new ArrayList<>());
        final AtomicReference<RunFinished> finished = new AtomicReference<>();

        @Override
        public void onStep(StepMetrics s) {
            globalSteps.add(s.globalStep());
            steps.incrementAndGet();
        }

        @Override
        public void onFinished(RunFinished f) {
            finished.set(f);
        }
    }

    private static Thread start(String name, TrainingRun run, RunListener listener) {
        Thread t = new Thread(() -> run.run(listener), name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    @Test
    void aPausedRunWaitsBeforeItsNextStepUntilStepOnceOrResume() throws Exception {
        ExperimentConfig config = TinyData.config("pause", 1, 8, 5);
        PauseControl pause = new PauseControl();
        pause.pause();
        Counter counter = new Counter();
        try (TrainingRun run = TrainingRun.create(config, RunOptions.withoutFolder(), DATA)) {
            Thread t = start("paused-run", run.gatedBy(pause), counter);
            waitUntil(() -> pause.holding() == 1);
            assertEquals(0, counter.steps.get(), "no step while paused");

            pause.stepOnce();
            waitUntil(() -> counter.steps.get() == 1 && pause.holding() == 1);
            assertEquals(1, counter.steps.get(), "exactly one step, then it waits again");

            pause.stepOnce();
            waitUntil(() -> counter.steps.get() == 2 && pause.holding() == 1);
            assertEquals(2, counter.steps.get());

            pause.resume();
            t.join(TimeUnit.SECONDS.toMillis(TIMEOUT_S));
            assertEquals(5, counter.steps.get());
            assertEquals(RunFinished.Status.COMPLETED, counter.finished.get().status());
        }
    }

    /** Time paused is not the run's: a run held for a while reports its own seconds without the hold. */
    @Test
    void timeSpentPausedIsLeftOutOfTheRunsSeconds() throws Exception {
        PauseControl pause = new PauseControl();
        pause.pause();
        Counter counter = new Counter();
        long holdNanos = TimeUnit.MILLISECONDS.toNanos(1500);
        try (TrainingRun run = TrainingRun.create(TinyData.config("held", 1, 8, 3), RunOptions.withoutFolder(),
                DATA)) {
            long started = System.nanoTime();
            Thread t = start("held-run", run.gatedBy(pause), counter);
            waitUntil(() -> pause.holding() == 1);
            long heldSince = System.nanoTime();
            // A person looks at the paused run for a while (not a wait for some other thread to catch up).
            while (System.nanoTime() - heldSince < holdNanos) {
                Thread.onSpinWait();
            }
            pause.resume();
            t.join(TimeUnit.SECONDS.toMillis(TIMEOUT_S));
            double wall = (System.nanoTime() - started) / 1e9;
            double reported = counter.finished.get().seconds();
            assertEquals(RunFinished.Status.COMPLETED, counter.finished.get().status());
            assertTrue(reported <= wall - 1.0, "run seconds " + reported + " of " + wall + " s wall, 1.5 s of it paused");
            assertTrue(reported > 0, "the steps took time: " + reported);
        }
    }

    @Test
    void cancellingAPausedRunEndsItWithoutAnotherStep() throws Exception {
        PauseControl pause = new PauseControl();
        pause.pause();
        Counter counter = new Counter();
        try (TrainingRun run = TrainingRun.create(TinyData.config("cancel-paused", 1, 8, 5),
                RunOptions.withoutFolder(), DATA)) {
            Thread t = start("paused-run", run.gatedBy(pause), counter);
            waitUntil(() -> pause.holding() == 1);
            run.cancel();
            t.join(TimeUnit.SECONDS.toMillis(TIMEOUT_S));
            assertEquals(0, counter.steps.get());
            assertEquals(RunFinished.Status.CANCELLED, counter.finished.get().status());
        }
    }

    @Test
    void twoRunsTakingTurnsStepOneAtATimeInTurn() throws Exception {
        TakingTurns turns = new TakingTurns(2);
        List<String> order = Collections.synchronizedList(new ArrayList<>());
        Counter a = new Counter();
        Counter b = new Counter();
        try (TrainingRun runA = TrainingRun.create(TinyData.config("a", 1, 8, 4), RunOptions.withoutFolder(), DATA);
                TrainingRun runB = TrainingRun.create(TinyData.config("b", 1, 8, 4), RunOptions.withoutFolder(),
                        DATA)) {
            Thread tb = start("run-b", runB.gatedBy(recording(turns.gate(1), "b", order)), b);
            Thread ta = start("run-a", runA.gatedBy(recording(turns.gate(0), "a", order)), a);
            ta.join(TimeUnit.SECONDS.toMillis(TIMEOUT_S));
            tb.join(TimeUnit.SECONDS.toMillis(TIMEOUT_S));
        }
        assertEquals(List.of("a", "/a", "b", "/b", "a", "/a", "b", "/b", "a", "/a", "b", "/b", "a", "/a", "b", "/b"),
                order, "never two steps at once");
        assertEquals(List.of(0L, 1L, 2L, 3L), a.globalSteps);
        assertEquals(List.of(0L, 1L, 2L, 3L), b.globalSteps);
    }

    @Test
    void aRunCancelledJustAfterItsTurnBeganHandsTheTurnOn() throws Exception {
        TakingTurns turns = new TakingTurns(2);
        Counter a = new Counter();
        Counter b = new Counter();
        try (TrainingRun runA = TrainingRun.create(TinyData.config("a", 1, 8, 4), RunOptions.withoutFolder(), DATA);
                TrainingRun runB = TrainingRun.create(TinyData.config("b", 1, 8, 4), RunOptions.withoutFolder(),
                        DATA)) {
            StepGate turnA = turns.gate(0);
            // The cancel lands between the gate letting run A in and its step: the race of a
            // Stop button pressed at the wrong moment, made certain.
            StepGate cancelsOnSecondTurn = new StepGate() {
                private int turn;

                @Override
                public void enter() throws InterruptedException {
                    turnA.enter();
                    if (++turn == 2) {
                        runA.cancel();
                    }
                }

                @Override
                public void exit() {
                    turnA.exit();
                }

                @Override
                public void release() {
                    turnA.release();
                }
            };
            Thread ta = start("run-a", runA.gatedBy(cancelsOnSecondTurn), a);
            Thread tb = start("run-b", runB.gatedBy(turns.gate(1)), b);
            ta.join(TimeUnit.SECONDS.toMillis(TIMEOUT_S));
            tb.join(TimeUnit.SECONDS.toMillis(TIMEOUT_S));
            assertTrue(!tb.isAlive(), "run B was left waiting for run A's turn");
        }
        assertEquals(RunFinished.Status.CANCELLED, a.finished.get().status());
        assertEquals(1, a.steps.get());
        assertEquals(RunFinished.Status.COMPLETED, b.finished.get().status());
        assertEquals(4, b.steps.get());
    }

    /** {@code gate}, writing "name" when a step starts and "/name" when it ends into {@code order}. */
    private static StepGate recording(StepGate gate, String name, List<String> order) {
        return new StepGate() {
            @Override
            public void enter() throws InterruptedException {
                gate.enter();
                order.add(name);
            }

            @Override
            public void exit() {
                order.add("/" + name);
                gate.exit();
            }

            @Override
            public void release() {
                gate.release();
            }
        };
    }
}
