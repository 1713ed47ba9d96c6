package org.mlaan.lab.ui.train;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.mlaan.lab.core.run.PauseControl;
import org.mlaan.lab.core.run.StepGate;

/**
 * The step gate of a run started from the window: a {@link PauseControl} for the buttons, that can
 * also pause by itself after a given number of steps ({@code trainForSteps}, screenshots), and that
 * says whether the run is standing still at it (so a test, or the progress line, knows that a
 * pause has taken hold and no step is under way).
 */
final class RunGate implements StepGate {
    private final PauseControl control = new PauseControl();
    private final long pauseAfter;
    private final Runnable onAutoPause;
    private final Consumer<Boolean> onHeld;
    private final AtomicLong passed = new AtomicLong();
    private volatile boolean waiting;

    /**
     * @param pauseAfter steps to let through before pausing by itself (negative: never)
     * @param onAutoPause called on the training thread when it does
     */
    RunGate(long pauseAfter, Runnable onAutoPause) {
        this(pauseAfter, onAutoPause, held -> { });
    }

    /**
     * @param onHeld called on the training thread with true when a pause takes hold (the step
     *     under way has ended and the run waits here), with false when the run moves on
     */
    RunGate(long pauseAfter, Runnable onAutoPause, Consumer<Boolean> onHeld) {
        this.pauseAfter = pauseAfter;
        this.onAutoPause = onAutoPause;
        this.onHeld = onHeld;
    }

    @Override
    public void enter() throws InterruptedException {
        if (passed.get() == pauseAfter) {
            control.pause();
            onAutoPause.run();
        }
        waiting = true;
        boolean held = control.isPaused();
        if (held) {
            onHeld.accept(true);
        }
        try {
            control.enter();
        } finally {
            waiting = false;
            if (held) {
                onHeld.accept(false);
            }
        }
        passed.incrementAndGet();
    }

    @Override
    public void release() {
        control.release();
    }

    void pause() {
        control.pause();
    }

    void resume() {
        control.resume();
    }

    void stepOnce() {
        control.stepOnce();
    }

    /** Steps this gate has let through. */
    long passed() {
        return passed.get();
    }

    /** Whether the run is paused and waiting here: no step is under way. */
    boolean isHeld() {
        return waiting && control.isPaused();
    }
}
