package org.mlaan.lab.engine.net;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.SplittableRandom;
import org.mlaan.lab.core.plan.Unit;

/**
 * The head (ALGORITHMS.md Part B §1): global average pool over height and width, then
 * Linear(channels -> classes) with PyTorch's default init. Input (B, C, H, W), output logits (B, classes).
 */
public final class HeadUnit extends UnitBlock {
    private final Linear fc;

    HeadUnit(Unit unit, SplittableRandom random) {
        super(unit);
        this.fc = addChildBlock("fc", ResNetLayers.linear(unit.in().channels(), unit.out().channels(), random));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray pooled = Pool.globalAvgPool2d(inputs.singletonOrThrow());
        return new NDList(apply(fc, ps, pooled, training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), unit().out().channels())};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape in = inputShapes[0];
        fc.initialize(manager, dataType, new Shape(in.get(0), in.get(1)));
    }
}
