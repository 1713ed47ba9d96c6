package org.mlaan.lab.core.run;

/**
 * Pause, resume and single steps of a run, driven from another thread (the window's buttons). A
 * paused run blocks before its next step; {@link #stepOnce()} lets exactly one more step through.
 * {@link #release()} (cancel, end of run) unblocks it for good.
 */
public final class PauseControl implements StepGate {
    private boolean paused;
    private int singleSteps;
    private boolean released;

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

    @Override
    public synchronized void enter() throws InterruptedException {
        while (paused && singleSteps == 0 && !released) {
            wait();
        }
        if (paused && singleSteps > 0) {
            singleSteps--;
        }
    }

    @Override
    public synchronized void release() {
        released = true;
        notifyAll();
    }
}
