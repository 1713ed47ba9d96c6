package org.mlaan.lab.engine.net;

import ai.djl.pytorch.jni.JniUtils;

/**
 * A scope in which libtorch records no graph, restoring the previous mode on close. libtorch's
 * grad mode is per thread and starts enabled on a new thread, while DJL only switches it off on
 * the thread that loads the engine; the training thread therefore states it explicitly (in-place
 * updates of leaf weights under grad mode throw, and evaluation must not build graphs).
 */
public final class NoGrad implements AutoCloseable {
    private final boolean previous;

    private NoGrad() {
        previous = JniUtils.isGradMode();
        if (previous) {
            JniUtils.setGradMode(false);
        }
    }

    /** Switches grad mode off on this thread until {@link #close()}. */
    public static NoGrad enter() {
        return new NoGrad();
    }

    /** Switches grad mode off on this thread for good (the state outside any gradient collector). */
    public static void setDefaultOnThisThread() {
        JniUtils.setGradMode(false);
    }

    @Override
    public void close() {
        if (previous) {
            JniUtils.setGradMode(true);
        }
    }
}
