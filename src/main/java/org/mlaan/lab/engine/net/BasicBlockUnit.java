package org.mlaan.lab.engine.net;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.SplittableRandom;
import org.mlaan.lab.core.plan.Unit;

/**
 * A basic residual block (ALGORITHMS.md Part B §1): conv3x3 (stride s) - BN - ReLU - conv3x3 - BN,
 * plus the shortcut, then ReLU. The shortcut is conv1x1 (stride s, no bias) + BN only where the
 * plan marks a projection, otherwise the identity.
 */
public final class BasicBlockUnit extends UnitBlock {
    private final Conv2d conv1;
    private final BatchNorm bn1;
    private final Conv2d conv2;
    private final BatchNorm bn2;
    private final Block[] projection;

    BasicBlockUnit(Unit unit, SplittableRandom random) {
        super(unit);
        int width = unit.out().channels();
        int stride = unit.stride();
        this.conv1 = addChildBlock("conv1", ResNetLayers.conv(3, width, stride, 1, random));
        this.bn1 = addChildBlock("bn1", ResNetLayers.batchNorm());
        this.conv2 = addChildBlock("conv2", ResNetLayers.conv(3, width, 1, 1, random));
        this.bn2 = addChildBlock("bn2", ResNetLayers.batchNorm());
        this.projection = addShortcut(width, random);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray y = Activation.relu(apply(bn1, ps, apply(conv1, ps, x, training), training));
        y = apply(bn2, ps, apply(conv2, ps, y, training), training);
        NDArray shortcut = shortcut(projection, ps, x, training);
        // In place, as torchvision's "out += identity": BN's backward does not need its output.
        return new NDList(Activation.relu(y.addi(shortcut)));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {chainShape(inputShapes[0], conv1, bn1, conv2, bn2)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        initializeChain(manager, dataType, inputShapes[0], conv1, bn1, conv2, bn2);
        initializeShortcut(projection, manager, dataType, inputShapes[0]);
    }
}
