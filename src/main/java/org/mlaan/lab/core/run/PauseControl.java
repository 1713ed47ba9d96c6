package org.mlaan.lab.core.run;

import java.util.function.BooleanSupplier;

/**
 * Pause, resume and single steps of a run, driven from another thread (the window's buttons). A
 * paused run blocks before its next step; {@link #stepOnce()} lets exactly one more step through.
 * {@link #release()} (cancel, end of run) unblocks it for good.
 *
 * <p>Several runs may share one control (the comparison's Pause button): give each its own
 * {@link #gateForRun()}, so that the end of one run does not release the pause of the others.
 */
public final class PauseControl implements StepGate {
    private boolean paused;
    private int singleSteps;
    private boolean released;
    private int holding;

    /** The run stops before its next step. */
    public synchronized void pause() {
        paused = true;
        singleSteps = 0;
    }

    /** The run trains on. */
    public synchronized void resume() {
        paused = false;
        singleSteps = 0;
        notifyAll();
    }

    /** One more step while paused (pauses first when running). */
    public synchronized void stepOnce() {
        paused = true;
        singleSteps++;
        notifyAll();
    }

    public synchronized boolean isPaused() {
        return paused && !released;
    }

    /** How many runs are blocked at this control now (a paused run shows as paused once it has stopped). */
    public synchronized int holding() {
        return holding;
    }

    @Override
    public void enter() throws InterruptedException {
        pass(() -> released);
    }

    @Override
    public synchronized void release() {
        released = true;
        notifyAll();
    }

    /**
     * A gate that follows this control for one of several runs that share it: its
     * {@link StepGate#release()} frees only that run, where {@link #release()} frees every run.
     */
    public StepGate gateForRun() {
        return new StepGate() {
            private boolean runReleased; // guarded by the control's monitor

            @Override
            public void enter() throws InterruptedException {
                pass(() -> runReleased || released);
            }

            @Override
            public void release() {
                synchronized (PauseControl.this) {
                    runReleased = true;
                    PauseControl.this.notifyAll();
                }
            }
        };
    }

    /** Blocks while paused with no single step left, unless {@code free} says the run was released. */
    private synchronized void pass(BooleanSupplier free) throws InterruptedException {
        holding++;
        try {
            while (paused && singleSteps == 0 && !free.getAsBoolean()) {
                wait();
            }
        } finally {
            holding--;
        }
        if (paused && singleSteps > 0 && !free.getAsBoolean()) {
            singleSteps--;
        }
    }
}
