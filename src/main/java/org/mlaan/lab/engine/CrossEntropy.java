package org.mlaan.lab.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/**
 * Softmax cross-entropy on logits with integer labels, averaged over the batch, as PyTorch's
 * {@code F.cross_entropy}; and the count of correct top-1 predictions.
 */
final class CrossEntropy {
    private CrossEntropy() {}

    /** Mean over the batch of -log softmax(logits)[label]; logits (B, classes), labels (B). */
    static NDArray mean(NDArray logits, NDArray labels) {
        NDArray index = labels.toType(DataType.INT64, false).reshape(-1, 1);
        return logits.logSoftmax(1).gather(index, 1).mean().neg();
    }

    /** How many rows of {@code logits} have their largest value at the label. */
    static long correct(NDArray logits, NDArray labels) {
        NDArray predicted = logits.argMax(1);
        return predicted.eq(labels.toType(predicted.getDataType(), false)).sum().getLong();
    }
}
