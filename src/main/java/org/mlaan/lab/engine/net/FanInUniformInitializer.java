package org.mlaan.lab.engine.net;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.initializer.Initializer;
import java.util.SplittableRandom;

/**
 * Draws values from U(-1/sqrt(fanIn), 1/sqrt(fanIn)), which is what PyTorch's default
 * {@code nn.Linear} initialisation gives for both the weight (kaiming uniform with a = sqrt(5))
 * and the bias, from its own seeded generator.
 */
final class FanInUniformInitializer implements Initializer {
    private final long fanIn;
    private final SplittableRandom random;

    FanInUniformInitializer(long fanIn, SplittableRandom random) {
        if (fanIn <= 0) {
            throw new IllegalArgumentException("fan-in must be positive, got " + fanIn);
        }
        this.fanIn = fanIn;
        this.random = random;
    }

    /** The bound 1/sqrt(fanIn). */
    double bound() {
        return 1.0 / Math.sqrt(fanIn);
    }

    // ALGORITHMS.md Part B §1: Linear layers keep the PyTorch default.
    @Override
    public NDArray initialize(NDManager manager, Shape shape, DataType dataType) {
        double bound = bound();
        float[] values = new float[Math.toIntExact(shape.size())];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextDouble(-bound, bound);
        }
        return manager.create(values, shape).toType(dataType, false);
    }
}
