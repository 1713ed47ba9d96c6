package org.mlaan.lab.engine.net;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParameterList;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
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

    /**
     * {@code bn} on {@code x}, as DJL's {@code BatchNorm.forward} computes it but without its axis
     * swap: DJL's PyTorch engine runs {@code torch.batch_norm} on {@code x.swapAxes(1, axis)} and
     * swaps back, so even for the channel axis 1 its output is a view (transpose(1, 1)), and the
     * residual's in-place add onto it made a CopySlices + AsStrided backward per block
     * (issue 13). Axis -1 tells the engine the channels are at 1 already; same values, same
     * running-statistics update (momentum and epsilon are this class's).
     */
    public static NDArray batchNorm(BatchNorm bn, ParameterStore ps, NDArray x, boolean training) {
        ParameterList p = bn.getParameters();
        Device device = x.getDevice();
        NDArray gamma = ps.getValue(p.get("gamma"), device, training);
        NDArray beta = ps.getValue(p.get("beta"), device, training);
        NDArray mean = ps.getValue(p.get("runningMean"), device, training);
        NDArray var = ps.getValue(p.get("runningVar"), device, training);
        return x.getNDArrayInternal().batchNorm(x, mean, var, gamma, beta, -1, BN_DJL_MOMENTUM, BN_EPSILON, training)
                .singletonOrThrow();
    }

    /** A linear layer {@code fanIn -> units} with bias. */
    public static Linear linear(long fanIn, int units, SplittableRandom random) {
        Linear linear = Linear.builder().setUnits(units).optBias(true).build();
        linear.setInitializer(new FanInUniformInitializer(fanIn, random.split()), Parameter.Type.WEIGHT);
        linear.setInitializer(new FanInUniformInitializer(fanIn, random.split()), Parameter.Type.BIAS);
        return linear;
    }
}
