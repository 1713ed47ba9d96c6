package org.mlaan.lab.engine.net;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.SplittableRandom;
import org.mlaan.lab.core.plan.Arch;
import org.mlaan.lab.core.plan.Unit;

/**
 * The stem (ALGORITHMS.md Part B §1). CIFAR: conv3x3 (stride 1, pad 1, no bias), BN, ReLU, no
 * max-pool. ImageNet: conv7x7 (stride 2, pad 3, no bias), BN, ReLU, max-pool 3x3 stride 2 pad 1.
 */
public final class StemUnit extends UnitBlock {
    private static final Shape POOL_KERNEL = new Shape(3, 3);
    private static final Shape POOL_STRIDE = new Shape(2, 2);
    private static final Shape POOL_PAD = new Shape(1, 1);

    private final Conv2d conv;
    private final BatchNorm bn;
    private final boolean maxPool;

    StemUnit(Unit unit, Arch.Family family, SplittableRandom random) {
        super(unit);
        int c = unit.out().channels();
        this.maxPool = family == Arch.Family.IMAGENET;
        this.conv = addChildBlock("conv", maxPool
                ? ResNetLayers.conv(7, c, 2, 3, random)
                : ResNetLayers.conv(3, c, 1, 1, random));
        this.bn = addChildBlock("bn", ResNetLayers.batchNorm());
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = apply(conv, ps, inputs.singletonOrThrow(), training);
        x = Activation.relu(apply(bn, ps, x, training));
        if (maxPool) {
            x = Pool.maxPool2d(x, POOL_KERNEL, POOL_STRIDE, POOL_PAD, false);
        }
        return new NDList(x);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape s = chainShape(inputShapes[0], conv, bn);
        if (maxPool) {
            s = new Shape(s.get(0), s.get(1), pooled(s.get(2)), pooled(s.get(3)));
        }
        return new Shape[] {s};
    }

    private static long pooled(long size) {
        return (size + 2 - 3) / 2 + 1;
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        initializeChain(manager, dataType, inputShapes[0], conv, bn);
    }
}
