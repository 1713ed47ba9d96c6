package org.mlaan.lab.ui.train;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.LoggerFactory;

/**
 * The one thread on which every training run of the window trains (the Train tab, the Compare
 * tab): DJL allows one gradient collector per JVM, so runs started from different views must queue
 * behind each other instead of each taking a thread. A daemon, so an open run never keeps the JVM
 * alive after the window has closed.
 */
public final class TrainingThread {
    /** The name the thread carries in stack dumps and profilers. */
    public static final String NAME = "mlaan-training";

    private static final AtomicInteger QUEUED = new AtomicInteger();
    private static volatile Thread thread;
    private static final ExecutorService EXECUTOR = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, NAME);
        t.setDaemon(true);
        thread = t;
        return t;
    });

    private TrainingThread() {}

    /**
     * Queues {@code task} (create a {@code TrainingRun}, run it, close it) behind any run already
     * there. A task should report its own failures; anything it throws is logged and dropped.
     */
    public static Future<?> submit(Runnable task) {
        QUEUED.incrementAndGet();
        return EXECUTOR.submit(() -> {
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                // A bug of the lab's, not the user's (a task shows its own failures): logged with the trace.
                LoggerFactory.getLogger(TrainingThread.class).error("training thread: a task failed", e);
            } finally {
                QUEUED.decrementAndGet();
            }
        });
    }

    /** Whether a task is training or waiting for its turn. */
    public static boolean isBusy() {
        return QUEUED.get() > 0;
    }

    /** Whether the caller runs on the training thread. */
    public static boolean isCurrent() {
        return Thread.currentThread() == thread;
    }
}
