package org.mlaan.lab.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import org.mlaan.lab.data.BatchAssembler;
import org.mlaan.lab.data.EpochOrder;
import org.mlaan.lab.engine.net.Backbone;
import org.mlaan.lab.engine.net.NoGrad;

/**
 * Evaluates the backbone on the test set (ALGORITHMS.md Part B §9): stem, all blocks, head; BN
 * on its running statistics; no graph; batches in test-set order, each in its own sub-manager.
 * Top-5 is reported only above 10 classes, where it means something.
 */
final class Evaluator {
    private static final int TOP5_MIN_CLASSES = 11;

    private Evaluator() {}

    // ALGORITHMS.md Part B §9: model.eval() over the whole chain; aux nets are not used.
    static Evaluation evaluate(NDManager parent, Backbone backbone, ParameterStore parameters, BatchAssembler test,
            int batchSize) {
        int n = test.set().size();
        int classes = backbone.plan().classes();
        boolean top5 = classes >= TOP5_MIN_CLASSES;
        long wrong1 = 0;
        long wrong5 = 0;
        long[] wrongByClass = new long[classes];
        long[] countByClass = new long[classes];
        try (NoGrad noGrad = NoGrad.enter()) {
            for (int[] indices : EpochOrder.batches(EpochOrder.sequential(n), batchSize)) {
                try (NDManager batchManager = parent.newSubManager()) {
                    NDList batch = test.batch(batchManager, indices, 0);
                    NDArray logits = backbone.forward(parameters, batch.get(0), false);
                    float[] values = logits.toFloatArray();
                    int[] labels = batch.get(1).toIntArray();
                    for (int r = 0; r < labels.length; r++) {
                        int rank = rankOfLabel(values, r * classes, classes, labels[r]);
                        countByClass[labels[r]]++;
                        if (rank >= 1) {
                            wrong1++;
                            wrongByClass[labels[r]]++;
                        }
                        if (rank >= 5) {
                            wrong5++;
                        }
                    }
                }
            }
        }
        double top5Error = top5 ? (double) wrong5 / n : Double.NaN;
        return new Evaluation((double) wrong1 / n, top5Error, n, wrongByClass, countByClass);
    }

    /** How many classes score strictly higher than the label (0 = a top-1 hit). */
    static int rankOfLabel(float[] logits, int offset, int classes, int label) {
        float target = logits[offset + label];
        int rank = 0;
        for (int c = 0; c < classes; c++) {
            if (logits[offset + c] > target) {
                rank++;
            }
        }
        return rank;
    }
}
