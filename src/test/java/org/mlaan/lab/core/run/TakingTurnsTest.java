package org.mlaan.lab.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

class TakingTurnsTest {
    private static final long TIMEOUT_MS = 10_000;

    private final List<Integer> order = Collections.synchronizedList(new ArrayList<>());

    /** Participant {@code index} takes {@code steps} steps through its gate, then releases it (as a run that ends). */
    private Thread participant(TakingTurns turns, int index, int steps) {
        StepGate gate = turns.gate(index);
        Thread t = new Thread(() -> {
            try {
                for (int s = 0; s < steps; s++) {
                    gate.enter();
                    order.add(index);
                    gate.exit();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                gate.release();
            }
        }, "turn-" + index);
        t.setDaemon(true);
        return t;
    }

    private static void startAndJoin(List<Thread> threads) throws InterruptedException {
        // Start in reverse so that the rotation, not the start order, decides who goes first.
        for (int i = threads.size() - 1; i >= 0; i--) {
            threads.get(i).start();
        }
        for (Thread t : threads) {
            t.join(TIMEOUT_MS);
        }
    }

    @Test
    void twoRunsStrictlyAlternate() throws Exception {
        TakingTurns turns = new TakingTurns(2);
        startAndJoin(List.of(participant(turns, 0, 4), participant(turns, 1, 4)));
        assertEquals(List.of(0, 1, 0, 1, 0, 1, 0, 1), order);
    }

    @Test
    void threeRunsStepRoundRobin() throws Exception {
        TakingTurns turns = new TakingTurns(3);
        startAndJoin(List.of(participant(turns, 0, 3), participant(turns, 1, 3), participant(turns, 2, 3)));
        assertEquals(List.of(0, 1, 2, 0, 1, 2, 0, 1, 2), order);
        assertEquals(-1, turns.current(), "everyone has left");
    }

    @Test
    void aReleasedRunLeavesTheRotationAndTheOthersGoOn() throws Exception {
        TakingTurns turns = new TakingTurns(3);
        startAndJoin(List.of(participant(turns, 0, 4), participant(turns, 1, 2), participant(turns, 2, 4)));
        assertEquals(List.of(0, 1, 2, 0, 1, 2, 0, 2, 0, 2), order);
    }

    @Test
    void aRunReleasedBeforeItsFirstStepIsSkipped() throws Exception {
        TakingTurns turns = new TakingTurns(3);
        turns.gate(0).release();
        startAndJoin(List.of(participant(turns, 1, 2), participant(turns, 2, 2)));
        assertEquals(List.of(1, 2, 1, 2), order);
    }

    @Test
    void aRunReleasedInsideItsStepKeepsTheTurnUntilTheStepEnds() throws Exception {
        TakingTurns turns = new TakingTurns(2);
        StepGate zero = turns.gate(0);
        CountDownLatch inStep = new CountDownLatch(1);
        CountDownLatch finishStep = new CountDownLatch(1);
        Thread first = new Thread(() -> {
            try {
                zero.enter();
                order.add(0);
                inStep.countDown();
                finishStep.await();
                order.add(-1); // the end of run 0's step
                zero.exit();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "turn-0");
        first.setDaemon(true);
        first.start();
        inStep.await(TIMEOUT_MS, TimeUnit.MILLISECONDS);

        // A cancel from the window arrives while run 0 is inside its step.
        zero.release();
        Thread second = participant(turns, 1, 1);
        second.start();
        WaitForAsyncUtils.waitFor(TIMEOUT_MS, TimeUnit.MILLISECONDS, () -> second.getState() == Thread.State.WAITING);
        assertEquals(0, turns.current(), "the turn stays with run 0 during its step");
        assertEquals(List.of(0), order, "run 1 may not step while run 0's step is in progress");

        finishStep.countDown();
        second.join(TIMEOUT_MS);
        first.join(TIMEOUT_MS);
        assertEquals(List.of(0, -1, 1), order);
    }

    @Test
    void exitWithoutEnterDoesNotMoveTheTurn() throws Exception {
        TakingTurns turns = new TakingTurns(2);
        turns.gate(1).exit();
        assertEquals(0, turns.current());
        turns.gate(0).exit();
        assertEquals(0, turns.current(), "run 0 never entered, so its turn has not been used");
    }

    @Test
    void rejectsAnIndexOutsideTheRuns() {
        TakingTurns turns = new TakingTurns(2);
        assertThrows(IllegalArgumentException.class, () -> turns.gate(2));
        assertThrows(IllegalArgumentException.class, () -> new TakingTurns(0));
    }
}
