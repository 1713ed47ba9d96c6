package org.mlaan.lab.core.run;

/**
 * Decides when a training run may take its next step: pause and single steps from the window, or
 * turns among runs that train side by side in one process (DJL allows one gradient collector per
 * JVM, so they step one at a time). The run calls {@link #enter()} before each step and
 * {@link #exit()} after it, on its training thread.
 */
public interface StepGate {

    /** Blocks until the run may take its next step. */
    void enter() throws InterruptedException;

    /**
     * The step that {@link #enter()} allowed is done, or will not be taken (a cancel came in
     * between). Harmless when {@code enter()} did not let the run through.
     */
    default void exit() {}

    /**
     * The run will take no more steps (it was cancelled or it ended): stop blocking it, and let
     * whoever waits for it go on. Safe from any thread; may be called more than once.
     */
    default void release() {}

    /** A gate that never blocks. */
    StepGate OPEN = () -> {};

    /** A gate that passes only when both {@code first} and then {@code second} let the run through. */
    static StepGate both(StepGate first, StepGate second) {
        return new StepGate() {
            @Override
            public void enter() throws InterruptedException {
                first.enter();
                second.enter();
            }

            @Override
            public void exit() {
                second.exit();
                first.exit();
            }

            @Override
            public void release() {
                first.release();
                second.release();
            }
        };
    }
}
