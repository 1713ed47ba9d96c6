package org.mlaan.lab.core.local;

import java.util.Optional;
import org.mlaan.lab.core.io.ByteCounts;

/**
 * Refuses, before anything is built, a batch whose activations alone cannot fit in the memory the
 * run trains in: such a run would otherwise load its data, build its network and then fail (or
 * swap for hours) at its first step. The figure is {@link ActivationEstimate}'s for the method the
 * plan uses (backprop keeps every layer, a local method one window), which leaves out weights,
 * optimiser state and the data, so it is a lower bound: a batch refused here does not fit.
 */
public final class BatchMemoryCheck {
    private final long memoryBytes;
    private final String memoryHolder;

    /**
     * @param memoryBytes the memory a run may use: a GPU's, or the machine's physical memory; 0 or
     *     less when it is not known, and then nothing is refused
     * @param memoryHolder who has it, in words: {@code this machine}, {@code gpu(0)}
     */
    public BatchMemoryCheck(long memoryBytes, String memoryHolder) {
        this.memoryBytes = memoryBytes;
        this.memoryHolder = memoryHolder;
    }

    /** Why {@code plan} cannot train at {@code batchSize}, or empty when its estimate fits. */
    public Optional<String> problem(LocalPlan plan, int batchSize) {
        ActivationEstimate estimate = ActivationEstimate.of(plan, batchSize);
        long needed = plan.isBackprop() ? estimate.backpropBytes() : estimate.localBytes();
        if (memoryBytes <= 0 || needed <= memoryBytes) {
            return Optional.empty();
        }
        return Optional.of("training.batchSize: " + batchSize + " images need about " + ByteCounts.format(needed)
                + " of activations (estimate), " + memoryHolder + " has " + ByteCounts.format(memoryBytes));
    }
}
