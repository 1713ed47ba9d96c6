package org.mlaan.lab.engine.net;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.initializer.Initializer;
import java.util.SplittableRandom;

/**
 * Draws a convolution weight of shape (out, in, k, k) from N(0, sqrt(2 / (k * k * out))), the
 * reference code's init loop (kaiming normal, fan-out, ReLU gain), from its own seeded generator,
 * so that a run's initial weights depend on the run seed alone.
 */
final class HeNormalInitializer implements Initializer {
    private final SplittableRandom random;

    HeNormalInitializer(SplittableRandom random) {
        this.random = random;
    }

    /** The standard deviation for a convolution weight of this shape. */
    static double std(Shape shape) {
        if (shape.dimension() != 4) {
            throw new IllegalArgumentException("expected a (out, in, k, k) convolution weight, got " + shape);
        }
        long fanOut = shape.get(0) * shape.get(2) * shape.get(3);
        return Math.sqrt(2.0 / fanOut);
    }

    // ALGORITHMS.md Part B §1: every Conv2d weight ~ N(0, sqrt(2/(k*k*out_channels))).
    @Override
    public NDArray initialize(NDManager manager, Shape shape, DataType dataType) {
        double std = std(shape);
        float[] values = new float[Math.toIntExact(shape.size())];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (random.nextGaussian() * std);
        }
        return manager.create(values, shape).toType(dataType, false);
    }
}
