package org.mlaan.lab.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.mlaan.lab.core.io.Durations;
import org.mlaan.lab.core.run.EpochMetrics;
import org.mlaan.lab.core.run.RunListener;
import org.mlaan.lab.core.run.RunStarted;
import org.mlaan.lab.core.run.StepMetrics;

/**
 * The training progress line: step, loss, accuracy, images/s and ETA. On a terminal it rewrites
 * one line in place; in a log (CI, a pipe) it prints a line every few seconds so logs stay short.
 */
final class ProgressLine implements RunListener {
    private static final long LOG_INTERVAL_NANOS = 5_000_000_000L;
    private final PrintWriter out;
    private final boolean terminal;
    private int epochs;
    private int stepsPerEpoch;
    private long lastPrint;
    private int lastWidth;

    ProgressLine(PrintWriter out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    @Override
    public void onStarted(RunStarted e) {
        epochs = e.epochs();
        stepsPerEpoch = e.stepsPerEpoch();
        out.printf(Locale.ROOT, "training on %s: %d train / %d test images, %d steps per epoch, epochs %d..%d%n",
                e.device(), e.trainImages(), e.testImages(), e.stepsPerEpoch(), e.startEpoch() + 1, e.epochs());
        if (e.runDir() != null) {
            out.println("run folder: " + e.runDir());
        }
        out.flush();
    }

    @Override
    public void onStep(StepMetrics s) {
        long now = System.nanoTime();
        boolean lastOfEpoch = s.step() == stepsPerEpoch - 1;
        if (!terminal && now - lastPrint < LOG_INTERVAL_NANOS && !lastOfEpoch && s.globalStep() != 0) {
            return;
        }
        lastPrint = now;
        String line = String.format(Locale.ROOT,
                "epoch %d/%d step %d/%d  loss %.4f  acc %5.1f%%  lr %.4f  %.0f img/s  ETA %s",
                s.epoch() + 1, epochs, s.step() + 1, stepsPerEpoch, s.loss(), 100 * s.accuracy(),
                s.learningRate(), s.imagesPerSecond(), Durations.compact(s.etaSeconds()));
        if (terminal) {
            int pad = Math.max(0, lastWidth - line.length());
            out.print("\r" + line + " ".repeat(pad));
            lastWidth = line.length();
        } else {
            out.println(line);
        }
        out.flush();
    }

    @Override
    public void onEpoch(EpochMetrics e) {
        if (terminal) {
            out.println();
            lastWidth = 0;
        }
        String test = Double.isNaN(e.testTop1Error()) ? "not evaluated"
                : String.format(Locale.ROOT, "test top-1 error %.2f%% (best %.2f%%)%s", 100 * e.testTop1Error(),
                        100 * e.bestTop1Error(), Double.isNaN(e.testTop5Error()) ? ""
                                : String.format(Locale.ROOT, ", top-5 %.2f%%", 100 * e.testTop5Error()));
        out.printf(Locale.ROOT, "epoch %d/%d done in %s: train loss %.4f, train acc %.1f%%, %s%n",
                e.epoch() + 1, epochs, Durations.compact(e.seconds()), e.trainLoss(), 100 * e.trainAccuracy(), test);
        out.flush();
    }
}
