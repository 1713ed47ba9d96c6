package org.mlaan.lab.ui.train;

import javafx.animation.PauseTransition;
import javafx.util.Duration;

/**
 * Runs a costly drawing at most every so often, however often it is asked for: the first request
 * after a quiet spell draws at once, later ones are merged into one drawing when the interval is
 * up. The interval follows the drawing's measured cost ({@value #COST_FACTOR} times it, within
 * {@value #MIN_MILLIS}..{@value #MAX_MILLIS} ms), so charts take at most a few percent of the FX
 * thread, and so of the cores that training needs. FX thread only.
 */
final class RedrawThrottle {
    static final int COST_FACTOR = 40;
    static final long MIN_MILLIS = 400;
    static final long MAX_MILLIS = 2000;

    private final Runnable drawing;
    private final PauseTransition timer = new PauseTransition();
    private long lastNanos = Long.MIN_VALUE / 2;
    private long intervalNanos = MIN_MILLIS * 1_000_000L;
    private boolean scheduled;

    RedrawThrottle(Runnable drawing) {
        this.drawing = drawing;
        timer.setOnFinished(e -> {
            scheduled = false;
            drawNow();
        });
    }

    /** Draws now if the interval since the last drawing is up, else once when it is. */
    void request() {
        if (scheduled) {
            return;
        }
        long wait = lastNanos + intervalNanos - System.nanoTime();
        if (wait <= 0) {
            drawNow();
        } else {
            scheduled = true;
            timer.setDuration(Duration.millis(wait / 1e6));
            timer.playFromStart();
        }
    }

    /** Draws now (the run paused or ended, a PNG is about to be taken). */
    void flush() {
        if (scheduled) {
            timer.stop();
            scheduled = false;
        }
        drawNow();
    }

    private void drawNow() {
        long start = System.nanoTime();
        drawing.run();
        long end = System.nanoTime();
        lastNanos = end;
        intervalNanos = Math.max(MIN_MILLIS * 1_000_000L, Math.min(MAX_MILLIS * 1_000_000L, (end - start) * COST_FACTOR));
    }
}
