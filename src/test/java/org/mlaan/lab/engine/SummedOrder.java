package org.mlaan.lab.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;

/**
 * The summed order, for tests only: the reference loop with every loss added up and backwarded
 * once at the end. ALGORITHMS.md Part A.6: it gives the same gradients and none of the memory
 * saving, so the lab never trains this way; a test checks the equality.
 */
final class SummedOrder {
    private SummedOrder() {}

    /** {@code step}'s reference pass over {@code batch}, every loss summed for one backward. */
    static LocalStep.Pass backward(LocalStep step, NDManager stepManager, NDList batch) {
        return step.backwardReference(stepManager, batch, LossFilter.ALL, Summed::new);
    }

    /** Keeps every scope open and adds the losses up; the one backward runs after the last module. */
    private static final class Summed extends LocalStep.Sink {
        private NDArray total;

        Summed(GradientCollector collector, NDManager stepManager, LiveMeter meter) {
            super(collector, stepManager, meter);
        }

        @Override
        double backward(NDArray loss, NDManager scope) {
            double value = Double.NaN;
            if (loss != null) {
                value = loss.getFloat();
                total = total == null ? loss : total.add(loss);
            }
            peak = Math.max(peak, meter.read(stepManager));
            return value;
        }

        @Override
        void finish() {
            if (total != null) {
                collector.backward(total);
                peak = Math.max(peak, meter.read(stepManager));
            }
        }
    }
}
