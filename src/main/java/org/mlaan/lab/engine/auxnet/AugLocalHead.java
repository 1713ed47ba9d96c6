package org.mlaan.lab.engine.auxnet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.mlaan.lab.core.local.AugLocalLayout;
import org.mlaan.lab.core.local.HeadKind;
import org.mlaan.lab.core.plan.NetworkPlan;
import org.mlaan.lab.core.plan.Unit;
import org.mlaan.lab.engine.net.Backbone;
import org.mlaan.lab.engine.net.ResNetLayers;
import org.mlaan.lab.engine.net.UnitBlock;

/**
 * AugLocal's auxiliary network ({@code unifSamp}, ALGORITHMS.md Part B §10): the fresh, randomly
 * initialised blocks of an {@link AugLocalLayout} (the backbone's block type; widths copied from
 * uniformly sampled later layers, stride 2 where the width doubles), global average pool, a BN1d
 * when the depth is at most 1, and Linear(features -> classes). No weight is shared with the
 * backbone.
 */
final class AugLocalHead extends AuxHead {
    private final AugLocalLayout layout;
    private final List<UnitBlock> blocks;
    private final BatchNorm batchNorm;
    private final Linear classifier;

    AugLocalHead(NetworkPlan plan, AugLocalLayout layout, SplittableRandom random) {
        super(HeadKind.AUGLOCAL, plan.unit(layout.lastUnit()).out(), layout.classes());
        this.layout = layout;
        List<UnitBlock> list = new ArrayList<>();
        for (Unit u : layout.blocks()) {
            list.add(addChildBlock(u.name(), Backbone.newUnitBlock(plan, u, random)));
        }
        this.blocks = List.copyOf(list);
        this.batchNorm = layout.batchNormBeforeClassifier() ? addChildBlock("bn1d", ResNetLayers.batchNorm()) : null;
        this.classifier = addChildBlock("fc", ResNetLayers.linear(layout.features(), layout.classes(), random));
    }

    AugLocalLayout layout() {
        return layout;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        for (UnitBlock b : blocks) {
            x = b.forward(ps, x, training);
        }
        x = Pool.globalAvgPool2d(x);
        if (batchNorm != null) {
            x = apply(batchNorm, ps, x, training);
        }
        return new NDList(apply(classifier, ps, x, training));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape s = initializeChain(manager, dataType, inputShapes[0], blocks.toArray(new UnitBlock[0]));
        Shape pooled = new Shape(s.get(0), s.get(1));
        if (batchNorm != null) {
            batchNorm.initialize(manager, dataType, pooled);
        }
        classifier.initialize(manager, dataType, pooled);
    }
}
