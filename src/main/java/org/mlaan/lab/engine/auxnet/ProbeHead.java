package org.mlaan.lab.engine.auxnet;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.SplittableRandom;
import org.mlaan.lab.core.local.HeadKind;
import org.mlaan.lab.core.plan.TensorShape;
import org.mlaan.lab.engine.net.ResNetLayers;

/**
 * Global average pool + Linear(C -> classes) with PyTorch's default init: MLAAN's independent g_i
 * and cascaded h_i ({@code C/networks/auxMLAAN.py}, ALGORITHMS.md Part B §4), InfoPro's 0c1f.
 */
final class ProbeHead extends AuxHead {
    private final Linear fc;

    ProbeHead(TensorShape input, int classes, SplittableRandom random) {
        super(HeadKind.PROBE, input, classes);
        this.fc = addChildBlock("fc", ResNetLayers.linear(input.channels(), classes, random));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        return new NDList(apply(fc, ps, Pool.globalAvgPool2d(inputs.singletonOrThrow()), training));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        fc.initialize(manager, dataType, new Shape(inputShapes[0].get(0), inputShapes[0].get(1)));
    }
}
