package org.mlaan.lab.core.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds {@link NetworkPlan}s by the layer arithmetic of ALGORITHMS.md Part B §1: CIFAR ResNets
 * (3x3 stem, stages 16/32/64, projection shortcut only where the shape changes) and torchvision
 * ImageNet ResNets (7x7 stride-2 stem plus 3x3 max-pool, v1.5 bottlenecks).
 *
 * <p>Counting conventions: parameters are the trainable ones (BN running statistics are buffers,
 * not parameters, as in PyTorch); multiply-adds count conv and linear layers only; activation bytes
 * count float32 outputs of every conv, BN, ReLU, add, pool and linear layer in the unit.
 */
final class ResNetPlanner {
    private static final int FLOAT_BYTES = 4;
    private static final int[] CIFAR_WIDTHS = {16, 32, 64};
    private static final int[] IMAGENET_WIDTHS = {64, 128, 256, 512};

    private ResNetPlanner() {}

    static NetworkPlan plan(Arch arch, int inputSize, int classes, int channels) {
        if (channels < 1) {
            throw new IllegalArgumentException("an input needs at least 1 channel, got " + channels);
        }
        if (classes < 2) {
            throw new IllegalArgumentException("a classifier needs at least 2 classes, got " + classes);
        }
        int minimum = arch.family() == Arch.Family.CIFAR ? 8 : 32;
        if (inputSize < minimum) {
            throw new IllegalArgumentException(
                    arch.id() + " needs an input of at least " + minimum + "x" + minimum + ", got " + inputSize);
        }
        TensorShape input = new TensorShape(channels, inputSize, inputSize);
        List<Unit> units = new ArrayList<>();
        Unit stem = arch.family() == Arch.Family.CIFAR ? cifarStem(input) : imagenetStem(input);
        units.add(stem);
        int[] widths = arch.family() == Arch.Family.CIFAR ? CIFAR_WIDTHS : IMAGENET_WIDTHS;
        int[] counts = arch.blocksPerStage();
        TensorShape current = stem.out();
        for (int s = 0; s < counts.length; s++) {
            for (int b = 0; b < counts[s]; b++) {
                int stride = (s > 0 && b == 0) ? 2 : 1;
                Unit block = arch.blockType() == BlockType.BASIC
                        ? basicBlock(units.size(), s + 1, b, current, widths[s], stride)
                        : bottleneck(units.size(), s + 1, b, current, widths[s], stride);
                units.add(block);
                current = block.out();
            }
        }
        units.add(head(units.size(), current, classes));
        return new NetworkPlan(arch, input, classes, units);
    }

    private static Unit cifarStem(TensorShape in) {
        int c = CIFAR_WIDTHS[0];
        TensorShape out = new TensorShape(c, in.height(), in.width());
        long params = conv(3, in.channels(), c) + bn(c);
        long macs = convMacs(3, in.channels(), out);
        long acts = 3 * out.elements(); // conv, BN, ReLU
        return new Unit(0, "stem", UnitKind.STEM, 0, -1, in, out, c, 1, false, params, macs, bytes(acts));
    }

    private static Unit imagenetStem(TensorShape in) {
        int c = IMAGENET_WIDTHS[0];
        TensorShape conv = new TensorShape(c, convOut(in.height(), 7, 2, 3), convOut(in.width(), 7, 2, 3));
        TensorShape pooled = new TensorShape(c, convOut(conv.height(), 3, 2, 1), convOut(conv.width(), 3, 2, 1));
        long params = conv(7, in.channels(), c) + bn(c);
        long macs = convMacs(7, in.channels(), conv);
        long acts = 3 * conv.elements() + pooled.elements(); // conv, BN, ReLU, max-pool
        return new Unit(0, "stem", UnitKind.STEM, 0, -1, in, pooled, c, 4, false, params, macs, bytes(acts));
    }

    private static Unit basicBlock(int index, int stage, int block, TensorShape in, int width, int stride) {
        TensorShape out = new TensorShape(width, convOut(in.height(), 3, stride, 1), convOut(in.width(), 3, stride, 1));
        boolean projection = stride != 1 || in.channels() != width;
        long params = conv(3, in.channels(), width) + bn(width) + conv(3, width, width) + bn(width);
        long macs = convMacs(3, in.channels(), out) + convMacs(3, width, out);
        long acts = 7 * out.elements(); // conv1, bn1, relu1, conv2, bn2, add, relu
        if (projection) {
            params += conv(1, in.channels(), width) + bn(width);
            macs += convMacs(1, in.channels(), out);
            acts += 2 * out.elements();
        }
        return new Unit(index, stage + "." + block, UnitKind.BLOCK, stage, block, in, out, width, stride,
                projection, params, macs, bytes(acts));
    }

    private static Unit bottleneck(int index, int stage, int block, TensorShape in, int planes, int stride) {
        int outChannels = planes * BlockType.BOTTLENECK.expansion();
        TensorShape reduce = new TensorShape(planes, in.height(), in.width());
        TensorShape mid = new TensorShape(planes, convOut(in.height(), 3, stride, 1), convOut(in.width(), 3, stride, 1));
        TensorShape out = new TensorShape(outChannels, mid.height(), mid.width());
        boolean projection = stride != 1 || in.channels() != outChannels;
        long params = conv(1, in.channels(), planes) + bn(planes)
                + conv(3, planes, planes) + bn(planes)
                + conv(1, planes, outChannels) + bn(outChannels);
        long macs = convMacs(1, in.channels(), reduce) + convMacs(3, planes, mid) + convMacs(1, planes, out);
        // conv1, bn1, relu1 | conv2, bn2, relu2 | conv3, bn3, add, relu
        long acts = 3 * reduce.elements() + 3 * mid.elements() + 4 * out.elements();
        if (projection) {
            params += conv(1, in.channels(), outChannels) + bn(outChannels);
            macs += convMacs(1, in.channels(), out);
            acts += 2 * out.elements();
        }
        return new Unit(index, stage + "." + block, UnitKind.BLOCK, stage, block, in, out, planes, stride,
                projection, params, macs, bytes(acts));
    }

    /**
     * A block of {@code type} outside the chain (index -1, stage 0, block -1), named {@code name},
     * with the same arithmetic as the chain's blocks; its shortcut is a projection where the shape
     * changes.
     */
    static Unit detachedBlock(BlockType type, String name, TensorShape in, int width, int stride) {
        Unit u = type == BlockType.BASIC
                ? basicBlock(-1, 0, -1, in, width, stride)
                : bottleneck(-1, 0, -1, in, width, stride);
        return new Unit(-1, name, UnitKind.BLOCK, 0, -1, u.in(), u.out(), u.width(), u.stride(), u.projection(),
                u.params(), u.macs(), u.activationBytes());
    }

    private static Unit head(int index, TensorShape in, int classes) {
        TensorShape out = TensorShape.vector(classes);
        long params = (long) in.channels() * classes + classes;
        long macs = (long) in.channels() * classes;
        long acts = in.channels() + classes; // pooled features, logits
        return new Unit(index, "head", UnitKind.HEAD, 0, -1, in, out, classes, 1, false, params, macs, bytes(acts));
    }

    static int convOut(int size, int kernel, int stride, int padding) {
        return (size + 2 * padding - kernel) / stride + 1;
    }

    private static long conv(int k, int in, int out) {
        return (long) k * k * in * out;
    }

    private static long bn(int c) {
        return 2L * c;
    }

    private static long convMacs(int k, int in, TensorShape out) {
        return (long) k * k * in * out.elements();
    }

    private static long bytes(long elements) {
        return elements * FLOAT_BYTES;
    }
}
