package org.mlaan.lab.ui.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

class RunGateTest {

    /** Steps through the gate on its own thread, as a training run does, until released. */
    private static Thread stepper(RunGate gate, AtomicInteger steps, int max) {
        Thread t = new Thread(() -> {
            try {
                for (int i = 0; i < max; i++) {
                    gate.enter();
                    steps.incrementAndGet();
                    gate.exit();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        t.setDaemon(true);
        t.start();
        return t;
    }

    @Test
    void pausesByItselfAfterTheGivenStepsAndStandsStill() throws Exception {
        AtomicInteger autoPauses = new AtomicInteger();
        RunGate gate = new RunGate(3, autoPauses::incrementAndGet);
        AtomicInteger steps = new AtomicInteger();
        Thread t = stepper(gate, steps, 10);

        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, gate::isHeld);

        assertEquals(3, steps.get());
        assertEquals(3, gate.passed());
        assertEquals(1, autoPauses.get());
        gate.stepOnce();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> steps.get() == 4 && gate.isHeld());
        assertEquals(4, steps.get());
        gate.resume();
        t.join(5000);
        assertEquals(10, steps.get());
        assertEquals(1, autoPauses.get(), "the automatic pause comes once");
    }

    @Test
    void releaseLetsAPausedRunGoForGood() throws Exception {
        RunGate gate = new RunGate(-1, () -> {});
        gate.pause();
        AtomicInteger steps = new AtomicInteger();
        Thread t = stepper(gate, steps, 5);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, gate::isHeld);

        gate.release();
        t.join(5000);

        assertEquals(5, steps.get());
        assertFalse(gate.isHeld());
        assertTrue(!t.isAlive());
    }

    /** The window says "Pausing after this step" until this tells it the pause has taken hold. */
    @Test
    void saysWhenAPauseTakesHoldAndWhenTheRunMovesOn() throws Exception {
        java.util.List<Boolean> told = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        RunGate gate = new RunGate(2, () -> { }, told::add);
        AtomicInteger steps = new AtomicInteger();
        Thread t = stepper(gate, steps, 4);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> gate.isHeld() && told.size() == 1);
        assertEquals(java.util.List.of(true), told, "held after 2 steps, not before");
        gate.stepOnce();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> steps.get() == 3 && gate.isHeld() && told.size() == 3);
        assertEquals(java.util.List.of(true, false, true), told);
        gate.resume();
        t.join(5000);
        assertEquals(java.util.List.of(true, false, true, false), told, "nothing said while running unpaused");
        assertEquals(4, steps.get());
    }
}
