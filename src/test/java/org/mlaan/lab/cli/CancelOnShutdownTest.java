package org.mlaan.lab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CancelOnShutdownTest {
    @Test
    void aSignalDuringStartUpCancelsTheRunAsSoonAsItExists() {
        try (CancelOnShutdown guard = new CancelOnShutdown()) {
            guard.request(); // Ctrl-C while the run is being made: nothing to cancel yet
            assertTrue(guard.requested());
            AtomicInteger cancels = new AtomicInteger();
            guard.onCancel(cancels::incrementAndGet);
            assertEquals(1, cancels.get(), "the run is cancelled before its first step");
        }
    }

    @Test
    void aSignalDuringTrainingCallsTheCurrentAction() {
        try (CancelOnShutdown guard = new CancelOnShutdown()) {
            AtomicInteger cancels = new AtomicInteger();
            guard.onCancel(cancels::incrementAndGet);
            assertEquals(0, cancels.get(), "no signal, no cancel");
            assertFalse(guard.requested());
            guard.request();
            assertEquals(1, cancels.get());
        }
    }
}
