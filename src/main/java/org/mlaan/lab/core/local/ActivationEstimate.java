package org.mlaan.lab.core.local;

import org.mlaan.lab.core.plan.NetworkPlan;

/**
 * The activation memory a training step keeps, estimated from the network plan alone, so the
 * split editor can show it before anything is built (the lab measures the real figure while
 * training). End-to-end backprop keeps the output of every layer until its backward pass; local
 * learning backwards each window at once (ALGORITHMS.md Part A.6), so at most one window of
 * modules is alive, plus the module's leap stack (block copies run on its output). Auxiliary
 * heads are small and left out.
 *
 * @param backpropBytes activation bytes of end-to-end backprop for the batch
 * @param localBytes the largest activation bytes of any one module's window and leap stack
 * @param peakModule the module where the local peak is reached (0 for BP)
 * @param moduleBytes each module's window and leap stack, in bytes for the batch (BP: one entry,
 *     the whole network), so that a person sees where the saving is and where it is not
 */
public record ActivationEstimate(long backpropBytes, long localBytes, int peakModule, long[] moduleBytes) {

    public ActivationEstimate {
        moduleBytes = moduleBytes.clone();
    }

    /** The estimate for {@code plan} at {@code batchSize} images per step. */
    public static ActivationEstimate of(LocalPlan plan, int batchSize) {
        NetworkPlan net = plan.network();
        long bp = net.totalActivationBytes() * batchSize;
        if (plan.isBackprop()) {
            return new ActivationEstimate(bp, bp, 0, new long[] {bp});
        }
        long peak = 0;
        int where = 0;
        long[] perModule = new long[plan.k()];
        for (ModulePlan m : plan.modules()) {
            int first = m.hasCascadeLoss() ? plan.modules().get(Math.max(0, m.windowStart())).span().first()
                    : m.span().first();
            long bytes = 0;
            for (int u = first; u <= m.span().last(); u++) {
                bytes += net.unit(u).activationBytes();
            }
            for (String block : m.leapBlocks()) {
                bytes += net.unit(net.indexOf(block)).activationBytes();
            }
            perModule[m.index()] = bytes * batchSize;
            if (bytes * batchSize > peak) {
                peak = bytes * batchSize;
                where = m.index();
            }
        }
        return new ActivationEstimate(bp, peak, where, perModule);
    }

    /** Module {@code i}'s window and leap stack, in bytes for the batch. */
    public long moduleBytes(int i) {
        return moduleBytes[i];
    }

    /** The local peak as a fraction of backprop's. */
    public double ratio() {
        return backpropBytes == 0 ? 0 : (double) localBytes / backpropBytes;
    }
}
