package org.mlaan.lab.core.run;

/**
 * Lets up to a handful of runs train side by side in one process, one step each in turn (run 0,
 * run 1, ..., run 0, ...), so that they stay at the same step and their feature maps can be
 * compared at the same moment of training. Each run gets its own {@link #gate(int)}; a run that
 * ends or is cancelled leaves the rotation through its gate's {@link StepGate#release()}.
 */
public final class TakingTurns {
    private final boolean[] active;
    private int current;

    public TakingTurns(int runs) {
        if (runs < 1) {
            throw new IllegalArgumentException("runs must be at least 1, got " + runs);
        }
        active = new boolean[runs];
        java.util.Arrays.fill(active, true);
    }

    /** The gate of run {@code index}. */
    public StepGate gate(int index) {
        if (index < 0 || index >= active.length) {
            throw new IllegalArgumentException("run index " + index + " outside 0.." + (active.length - 1));
        }
        return new StepGate() {
            @Override
            public void enter() throws InterruptedException {
                synchronized (TakingTurns.this) {
                    while (current != index && active[index]) {
                        TakingTurns.this.wait();
                    }
                }
            }

            @Override
            public void exit() {
                synchronized (TakingTurns.this) {
                    if (current == index) {
                        advance();
                    }
                }
            }

            @Override
            public void release() {
                leave(index);
            }
        };
    }

    /** Whose turn it is, or -1 when every run has left. */
    public synchronized int current() {
        return active[current] ? current : -1;
    }

    private synchronized void leave(int index) {
        active[index] = false;
        if (current == index) {
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
