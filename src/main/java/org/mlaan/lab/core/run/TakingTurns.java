package org.mlaan.lab.core.run;

import java.util.Arrays;

/**
 * Lets up to a handful of runs train side by side in one process, one step each in turn (run 0,
 * run 1, ..., run 0, ...), so that they stay at the same step and their feature maps can be
 * compared at the same moment of training. Each run gets its own {@link #gate(int)}; a run that
 * ends or is cancelled leaves the rotation through its gate's {@link StepGate#release()}.
 *
 * <p>A run released while it is inside its step (a cancel from the window arrives mid-step)
 * keeps the turn until that step's {@link StepGate#exit()}: DJL allows one gradient collector
 * per JVM, so the next run must not start before the step in progress has ended.
 */
public final class TakingTurns {
    private static final int NOBODY = -1;

    private final boolean[] active;
    private int current;
    /** The run between its {@code enter} and {@code exit}, or {@link #NOBODY}. */
    private int stepping = NOBODY;

    public TakingTurns(int runs) {
        if (runs < 1) {
            throw new IllegalArgumentException("runs must be at least 1, got " + runs);
        }
        active = new boolean[runs];
        Arrays.fill(active, true);
    }

    /** The gate of run {@code index}. */
    public StepGate gate(int index) {
        if (index < 0 || index >= active.length) {
            throw new IllegalArgumentException("run index " + index + " outside 0.." + (active.length - 1));
        }
        return new StepGate() {
            @Override
            public void enter() throws InterruptedException {
                awaitTurn(index);
            }

            @Override
            public void exit() {
                endStep(index);
            }

            @Override
            public void release() {
                leave(index);
            }
        };
    }

    /** Whose turn it is (a released run still finishing its step included), or -1 when every run has left. */
    public synchronized int current() {
        return active[current] || stepping == current ? current : NOBODY;
    }

    private synchronized void awaitTurn(int index) throws InterruptedException {
        while (current != index && active[index]) {
            wait();
        }
        // A released run passes without its turn; it must not step (its run is ending), so it
        // takes no part in the rotation.
        if (active[index]) {
            stepping = index;
        }
    }

    private synchronized void endStep(int index) {
        if (stepping != index) {
            return;
        }
        stepping = NOBODY;
        if (current == index) {
            advance();
        }
    }

    private synchronized void leave(int index) {
        active[index] = false;
        if (current == index && stepping != index) {
            advance();
        }
        notifyAll();
    }

    private void advance() {
        for (int k = 1; k <= active.length; k++) {
            int next = (current + k) % active.length;
            if (active[next]) {
                current = next;
                break;
            }
        }
        notifyAll();
    }
}
