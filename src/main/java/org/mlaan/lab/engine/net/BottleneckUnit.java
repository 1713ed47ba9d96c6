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
import org.mlaan.lab.core.plan.BlockType;
import org.mlaan.lab.core.plan.Unit;

/**
 * A bottleneck block, torchvision v1.5 (ALGORITHMS.md Part B §1): conv1x1 - BN - ReLU - conv3x3
 * (carries the stride) - BN - ReLU - conv1x1 (x4 channels) - BN, plus the shortcut (conv1x1 with
 * the stride + BN where the plan marks a projection), then ReLU.
 */
public final class BottleneckUnit extends UnitBlock {
    private final Conv2d conv1;
    private final BatchNorm bn1;
    private final Conv2d conv2;
    private final BatchNorm bn2;
    private final Conv2d conv3;
    private final BatchNorm bn3;
    private final Block[] projection;

    BottleneckUnit(Unit unit, SplittableRandom random) {
        super(unit);
        int planes = unit.width();
        int out = planes * BlockType.BOTTLENECK.expansion();
        int stride = unit.stride();
        this.conv1 = addChildBlock("conv1", ResNetLayers.conv(1, planes, 1, 0, random));
        this.bn1 = addChildBlock("bn1", ResNetLayers.batchNorm());
        this.conv2 = addChildBlock("conv2", ResNetLayers.conv(3, planes, stride, 1, random));
        this.bn2 = addChildBlock("bn2", ResNetLayers.batchNorm());
        this.conv3 = addChildBlock("conv3", ResNetLayers.conv(1, out, 1, 0, random));
        this.bn3 = addChildBlock("bn3", ResNetLayers.batchNorm());
        this.projection = addShortcut(out, random);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray y = Activation.relu(apply(bn1, ps, apply(conv1, ps, x, training), training));
        y = Activation.relu(apply(bn2, ps, apply(conv2, ps, y, training), training));
        y = apply(bn3, ps, apply(conv3, ps, y, training), training);
        NDArray shortcut = shortcut(projection, ps, x, training);
        return new NDList(Activation.relu(y.addi(shortcut)));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {chainShape(inputShapes[0], conv1, bn1, conv2, bn2, conv3, bn3)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        initializeChain(manager, dataType, inputShapes[0], conv1, bn1, conv2, bn2, conv3, bn3);
        initializeShortcut(projection, manager, dataType, inputShapes[0]);
    }
}
