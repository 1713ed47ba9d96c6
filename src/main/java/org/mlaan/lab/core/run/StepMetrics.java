package org.mlaan.lab.core.run;

/**
 * One optimiser step.
 *
 * @param epoch epoch from 0
 * @param step step within the epoch from 0
 * @param globalStep steps since the run began, from 0
 * @param loss the training loss of the step (for BP the cross-entropy of the network's output)
 * @param moduleLosses local loss of each module (one value for BP)
 * @param accuracy top-1 accuracy of the step's batch, 0..1
 * @param learningRate learning rate used by the step
 * @param imagesPerSecond throughput of this step
 * @param etaSeconds estimated seconds to the end of the run
 * @param liveBytes peak bytes of live tensors in the step, when measured (else -1)
 * @param deviceBytes GPU memory in use on the run's device after the step (device-wide, as the
 *     driver reports it), or -1 on the CPU; shown live, not kept in the run folder
 * @param ownLosses each module's own head (independent, or the network's fc on the last), unweighted;
 *     NaN where none; empty when not known (rows read back from a run folder)
 * @param cascadeLosses each module's cascaded head (window, leap), unweighted; NaN where none; empty
 *     when not known. {@code moduleLosses} is the weighted sum that trains
 * @param processPeakBytes the process's peak resident set so far (VmHWM: what a system monitor's
 *     peak shows, natives included), read on the steps whose live tensors were measured, else -1
 * @param seconds wall seconds from the run's start to the end of this step, earlier epochs'
 *     evaluations included and pauses left out (a resumed run goes on from where it stopped);
 *     NaN where not known (run folders written before the lab kept it)
 */
public record StepMetrics(int epoch, int step, long globalStep, double loss, double[] moduleLosses,
        double accuracy, double learningRate, double imagesPerSecond, double etaSeconds, long liveBytes,
        long deviceBytes, double[] ownLosses, double[] cascadeLosses, long processPeakBytes, double seconds) {

    private static final double[] NONE = new double[0];

    /** A step whose wall time is not known. */
    public StepMetrics(int epoch, int step, long globalStep, double loss, double[] moduleLosses, double accuracy,
            double learningRate, double imagesPerSecond, double etaSeconds, long liveBytes, long deviceBytes,
            double[] ownLosses, double[] cascadeLosses, long processPeakBytes) {
        this(epoch, step, globalStep, loss, moduleLosses, accuracy, learningRate, imagesPerSecond, etaSeconds,
                liveBytes, deviceBytes, ownLosses, cascadeLosses, processPeakBytes, Double.NaN);
    }

    /** A step without per-head losses or a process figure. */
    public StepMetrics(int epoch, int step, long globalStep, double loss, double[] moduleLosses, double accuracy,
            double learningRate, double imagesPerSecond, double etaSeconds, long liveBytes, long deviceBytes) {
        this(epoch, step, globalStep, loss, moduleLosses, accuracy, learningRate, imagesPerSecond, etaSeconds,
                liveBytes, deviceBytes, NONE, NONE, -1);
    }

    /** A step without a device-memory figure (CPU runs, rows read back from a run folder). */
    public StepMetrics(int epoch, int step, long globalStep, double loss, double[] moduleLosses, double accuracy,
            double learningRate, double imagesPerSecond, double etaSeconds, long liveBytes) {
        this(epoch, step, globalStep, loss, moduleLosses, accuracy, learningRate, imagesPerSecond, etaSeconds,
                liveBytes, -1);
    }
}
