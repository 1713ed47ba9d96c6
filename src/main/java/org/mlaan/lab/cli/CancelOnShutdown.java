package org.mlaan.lab.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Turns Ctrl-C (SIGINT/SIGTERM) into a polite stop: the shutdown hook asks the work to cancel and
 * then waits until the work has finished and this guard is closed, so the run can write its
 * checkpoint and status before the JVM halts. Without the wait the JVM would exit while the
 * training thread is still inside a native call. A Ctrl-C that comes during start-up, before
 * there is a run to cancel, is remembered and cancels the run as soon as it exists.
 */
final class CancelOnShutdown implements AutoCloseable {
    /** How long Ctrl-C waits for the current step, the checkpoint and the status file. */
    private static final long WAIT_MINUTES = 5;
    private final CountDownLatch done = new CountDownLatch(1);
    private final Thread hook;
    private volatile Runnable cancel = () -> { };
    private volatile boolean requested;

    CancelOnShutdown() {
        hook = new Thread(() -> {
            request();
            try {
                done.await(WAIT_MINUTES, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "mlaan-cancel");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /**
     * What Ctrl-C should call from now on. A Ctrl-C that came before (during start-up, while the
     * run was being made) calls it at once, so it is not lost. Both sides read the other's
     * volatile write, so the action runs at least once; a cancel must be safe to repeat.
     */
    void onCancel(Runnable action) {
        this.cancel = action;
        if (requested) {
            action.run();
        }
    }

    /** Whether Ctrl-C has come. */
    boolean requested() {
        return requested;
    }

    /** What the signal does: mark the request, then call the current action. */
    void request() {
        requested = true;
        cancel.run();
    }

    @Override
    public void close() {
        done.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // Ctrl-C is under way: the hook is waiting for the countDown above.
        }
    }
}
