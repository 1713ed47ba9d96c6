package org.mlaan.lab.engine;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import java.util.SplittableRandom;

/**
 * The three DJL layers a ResNet unit is made of, configured as PyTorch's: bias-free convolutions
 * with the He-normal init, batch norm with PyTorch's momentum and epsilon, and a linear layer with
 * PyTorch's default init (ALGORITHMS.md Part B §1).
 */
public final class ResNetLayers {
    /** PyTorch's BatchNorm eps. */
    public static final float BN_EPSILON = 1e-5f;
    /**
     * DJL's BatchNorm momentum is the weight of the old running value, and DJL's PyTorch engine
     * passes {@code 1 - momentum} to {@code torch.batch_norm} (PtNDArrayEx.batchNorm), so 0.9 here
     * is PyTorch's momentum 0.1: running = 0.9 * running + 0.1 * batch statistic.
     */
    public static final float BN_DJL_MOMENTUM = 0.9f;

    private ResNetLayers() {}

    /** A bias-free k x k convolution with {@code filters} outputs. */
    public static Conv2d conv(int kernel, int filters, int stride, int padding, SplittableRandom random) {
        Conv2d conv = Conv2d.builder()
                .setKernelShape(new Shape(kernel, kernel))
                .setFilters(filters)
                .optStride(new Shape(stride, stride))
                .optPadding(new Shape(padding, padding))
                .optBias(false)
                .build();
        conv.setInitializer(new HeNormalInitializer(random.split()), Parameter.Type.WEIGHT);
        return conv;
    }

    /**
     * A k x k convolution {@code inChannels -> filters} with bias: weight He-normal as
     * {@link #conv}, bias U(-1/sqrt(fanIn), 1/sqrt(fanIn)) with fanIn = inChannels * k * k, which is
     * what the reference init loop leaves a biased Conv2d with (it redraws weights only).
     */
    public static Conv2d convWithBias(int kernel, int inChannels, int filters, int stride, int padding,
            SplittableRandom random) {
        Conv2d conv = Conv2d.builder()
                .setKernelShape(new Shape(kernel, kernel))
                .setFilters(filters)
                .optStride(new Shape(stride, stride))
                .optPadding(new Shape(padding, padding))
                .optBias(true)
                .build();
        conv.setInitializer(new HeNormalInitializer(random.split()), Parameter.Type.WEIGHT);
        long fanIn = (long) inChannels * kernel * kernel;
        conv.setInitializer(new FanInUniformInitializer(fanIn, random.split()), Parameter.Type.BIAS);
        return conv;
    }

    /** Batch norm over the channel axis: gamma 1, beta 0, running mean 0, running variance 1. */
    public static BatchNorm batchNorm() {
        return BatchNorm.builder().optEpsilon(BN_EPSILON).optMomentum(BN_DJL_MOMENTUM).build();
    }

    /** A linear layer {@code fanIn -> units} with bias. */
    public static Linear linear(long fanIn, int units, SplittableRandom random) {
        Linear linear = Linear.builder().setUnits(units).optBias(true).build();
        linear.setInitializer(new FanInUniformInitializer(fanIn, random.split()), Parameter.Type.WEIGHT);
        linear.setInitializer(new FanInUniformInitializer(fanIn, random.split()), Parameter.Type.BIAS);
        return linear;
    }
}
