package org.mlaan.lab.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

class PauseControlTest {
    private static final long TIMEOUT_S = 10;

    private final AtomicInteger passed = new AtomicInteger();
    private Thread stepper;

    /** A "run" that passes {@code gate} up to {@code steps} times, counting each pass. */
    private Thread startStepper(StepGate gate, int steps) {
        stepper = new Thread(() -> {
            try {
                for (int i = 0; i < steps; i++) {
                    gate.enter();
                    passed.incrementAndGet();
                    gate.exit();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "stepper");
        stepper.setDaemon(true);
        stepper.start();
        return stepper;
    }

    @AfterEach
    void stopStepper() throws InterruptedException {
        if (stepper != null) {
            stepper.interrupt();
            stepper.join(TimeUnit.SECONDS.toMillis(TIMEOUT_S));
        }
    }

    private static void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, condition);
    }

    @Test
    void unpausedGatePassesEveryStep() throws Exception {
        Thread t = startStepper(new PauseControl(), 5);
        t.join(TimeUnit.SECONDS.toMillis(TIMEOUT_S));
        assertEquals(5, passed.get());
    }

    @Test
    void pausedGateBlocksBeforeTheNextStep() throws Exception {
        PauseControl pause = new PauseControl();
        pause.pause();
        startStepper(pause, 5);
        waitUntil(() -> pause.holding() == 1);
        assertEquals(0, passed.get());
        assertTrue(pause.isPaused());
    }

    @Test
    void stepOnceLetsExactlyOneStepThrough() throws Exception {
        PauseControl pause = new PauseControl();
        pause.pause();
        startStepper(pause, 5);
        waitUntil(() -> pause.holding() == 1);

        pause.stepOnce();
        waitUntil(() -> passed.get() == 1 && pause.holding() == 1);
        assertEquals(1, passed.get(), "blocked again after one step");

        pause.stepOnce();
        pause.stepOnce();
        waitUntil(() -> passed.get() == 3 && pause.holding() == 1);
        assertEquals(3, passed.get());
        assertTrue(pause.isPaused());
    }

    @Test
    void resumeLetsTheRunGoOn() throws Exception {
        PauseControl pause = new PauseControl();
        pause.pause();
        Thread t = startStepper(pause, 4);
        waitUntil(() -> pause.holding() == 1);
        pause.resume();
        t.join(TimeUnit.SECONDS.toMillis(TIMEOUT_S));
        assertEquals(4, passed.get());
        assertFalse(pause.isPaused());
    }

    @Test
    void releaseUnblocksForGood() throws Exception {
        PauseControl pause = new PauseControl();
        pause.pause();
        Thread t = startStepper(pause, 4);
        waitUntil(() -> pause.holding() == 1);
        pause.release();
        t.join(TimeUnit.SECONDS.toMillis(TIMEOUT_S));
        assertEquals(4, passed.get(), "a released gate never blocks again");
        pause.pause();
        assertFalse(pause.isPaused());
    }

    @Test
    void releasingOneRunsGateKeepsTheOthersPaused() throws Exception {
        PauseControl pause = new PauseControl();
        pause.pause();
        StepGate first = pause.gateForRun();
        StepGate second = pause.gateForRun();
        AtomicInteger secondPassed = new AtomicInteger();
        Thread other = new Thread(() -> {
            try {
                second.enter();
                secondPassed.incrementAndGet();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "second");
        other.setDaemon(true);
        other.start();
        Thread t = startStepper(first, 3);
        waitUntil(() -> pause.holding() == 2);

        first.release();
        t.join(TimeUnit.SECONDS.toMillis(TIMEOUT_S));
        assertEquals(3, passed.get(), "the released run passes");
        waitUntil(() -> pause.holding() == 1);
        assertEquals(0, secondPassed.get(), "the other run stays paused");
        assertTrue(pause.isPaused());

        pause.resume();
        other.join(TimeUnit.SECONDS.toMillis(TIMEOUT_S));
        assertEquals(1, secondPassed.get());
    }
}
