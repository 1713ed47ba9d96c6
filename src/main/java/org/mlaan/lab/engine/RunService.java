package org.mlaan.lab.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who trains in this process (issue 17). DJL allows one gradient collector per JVM, so every run
 * of the window (the Train tab, the comparison, the ablation queue) is made and trained on the one
 * training thread, in the order submitted; runs that train side by side, taking turns at their
 * gates, do so on threads this service starts while it holds the training thread for them. On the
 * JVM's exit (the window closed, Ctrl-C) whatever trains is stopped after its step and the exit
 * waits for it, so its folder says cancelled and keeps a checkpoint, as on the command line.
 */
public final class RunService {
    /** The training thread's name in stack dumps and profilers. */
    public static final String THREAD_NAME = "mlaan-training";
    /** How long the JVM's exit waits for the runs under way to write their checkpoint and status. */
    static final Duration EXIT_WAIT = Duration.ofSeconds(30);

    private static final Logger LOG = LoggerFactory.getLogger(RunService.class);
    private static final RunService SHARED = new RunService();

    private final AtomicInteger queued = new AtomicInteger();
    private final List<Registration> training = new CopyOnWriteArrayList<>();
    private volatile Thread thread;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        // A daemon: an open run never keeps the JVM alive after the window has closed (the exit hook stops it).
        Thread t = new Thread(r, THREAD_NAME);
        t.setDaemon(true);
        thread = t;
        return t;
    });

    RunService() {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopAllAndWait(EXIT_WAIT), "mlaan-training-exit"));
    }

    /** The process's one service. */
    public static RunService shared() {
        return SHARED;
    }

    /**
     * Queues {@code task} (make a run, train it, close it) behind whatever is there. A task shows
     * its own failures to its user; anything it throws is logged and dropped.
     */
    public Future<?> submit(Runnable task) {
        queued.incrementAndGet();
        return executor.submit(() -> {
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                LOG.error("training thread: a task failed", e);
            } finally {
                queued.decrementAndGet();
            }
        });
    }

    /**
     * Queues runs that train side by side: {@code setUp} on the training thread makes them and
     * returns their bodies (each trains one run to its end), which then run on threads of their
     * own, named {@code name-i}; the training thread waits for the last, so nothing else trains
     * meanwhile.
     */
    public Future<?> submitSideBySide(String name, java.util.function.Supplier<List<Runnable>> setUp) {
        return submit(() -> {
            List<Runnable> bodies = setUp.get();
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < bodies.size(); i++) {
                Thread t = new Thread(bodies.get(i), name + "-" + i);
                t.setDaemon(true);
                threads.add(t);
            }
            threads.forEach(Thread::start);
            for (Thread t : threads) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        });
    }

    /** Whether a task is training or waiting for its turn. */
    public boolean isBusy() {
        return queued.get() > 0;
    }

    /** Whether the caller runs on the training thread. */
    public boolean isTrainingThread() {
        return Thread.currentThread() == thread;
    }

    /**
     * Says that something trains until the returned registration is closed; on the JVM's exit
     * {@code stop} is called (stop after the step under way: cancel the run, open its gate) and the
     * exit waits for the close.
     */
    public Registration whileTraining(Runnable stop) {
        Registration r = new Registration(stop);
        training.add(r);
        return r;
    }

    /** Stops everything registered and waits at most {@code wait} until each has closed; false on timeout. */
    boolean stopAllAndWait(Duration wait) {
        List<Registration> now = List.copyOf(training);
        for (Registration r : now) {
            try {
                r.stop.run();
            } catch (RuntimeException e) {
                LOG.warn("stopping a run on exit failed", e);
            }
        }
        long deadline = System.nanoTime() + wait.toNanos();
        for (Registration r : now) {
            synchronized (r) {
                while (!r.closed) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return false;
                    }
                    try {
                        r.wait(Math.max(1, left / 1_000_000));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /** Something training; closing it says it has ended (its checkpoint and status written). */
    public final class Registration implements AutoCloseable {
        private final Runnable stop;
        private boolean closed;

        private Registration(Runnable stop) {
            this.stop = stop;
        }

        @Override
        public void close() {
            training.remove(this);
            synchronized (this) {
                closed = true;
                notifyAll();
            }
        }
    }
}
