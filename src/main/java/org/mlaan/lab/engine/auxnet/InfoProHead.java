package org.mlaan.lab.engine.auxnet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.SplittableRandom;
import org.mlaan.lab.core.local.HeadKind;
import org.mlaan.lab.core.plan.TensorShape;
import org.mlaan.lab.engine.net.ResNetLayers;

/**
 * InfoPro's 1c2f / 2c2f classifier head ({@code auxiliary_nets.py AuxClassifier}, ALGORITHMS.md
 * Part B §3, cross-entropy mode): conv3x3 (no bias) + BN + ReLU, for 2c2f a second conv3x3 stride 1
 * of the same width + BN + ReLU, global average pool, Linear -> 128 + ReLU, Linear 128 -> classes.
 *
 * <p>The first conv: C=16 gives 16->32 stride 2, C=32 gives 32->64 stride 2, C=64 gives 64->64
 * stride 1. Other widths (ImageNet nets) follow the same rule: below 64 the width doubles with
 * stride 2, from 64 on it stays with stride 1.
 */
final class InfoProHead extends AuxHead {
    /** feature_dim * widen of the reference head. */
    static final int HIDDEN = 128;
    /** From this width on the first conv keeps the width and the resolution. */
    static final int KEEP_WIDTH_FROM = 64;

    private final Block[] convs;
    private final Linear hidden;
    private final Linear classifier;

    InfoProHead(HeadKind kind, TensorShape input, int classes, SplittableRandom random) {
        super(kind, input, classes);
        if (kind != HeadKind.INFOPRO_1C2F && kind != HeadKind.INFOPRO_2C2F) {
            throw new IllegalArgumentException("not an InfoPro head: " + kind);
        }
        int c = input.channels();
        int width = width(c);
        int stride = c < KEEP_WIDTH_FROM ? 2 : 1;
        boolean twoConvs = kind == HeadKind.INFOPRO_2C2F;
        this.convs = new Block[twoConvs ? 4 : 2];
        convs[0] = addChildBlock("conv1", ResNetLayers.conv(3, width, stride, 1, random));
        convs[1] = addChildBlock("bn1", ResNetLayers.batchNorm());
        if (twoConvs) {
            convs[2] = addChildBlock("conv2", ResNetLayers.conv(3, width, 1, 1, random));
            convs[3] = addChildBlock("bn2", ResNetLayers.batchNorm());
        }
        this.hidden = addChildBlock("fc1", ResNetLayers.linear(width, HIDDEN, random));
        this.classifier = addChildBlock("fc2", ResNetLayers.linear(HIDDEN, classes, random));
    }

    /** Width of the head's convs for an input of {@code channels}. */
    static int width(int channels) {
        return channels < KEEP_WIDTH_FROM ? 2 * channels : channels;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        for (int i = 0; i < convs.length; i += 2) {
            x = Activation.relu(apply(convs[i + 1], ps, apply(convs[i], ps, x, training), training));
        }
        x = Activation.relu(apply(hidden, ps, Pool.globalAvgPool2d(x), training));
        return new NDList(apply(classifier, ps, x, training));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape s = initializeChain(manager, dataType, inputShapes[0], convs);
        initializeChain(manager, dataType, new Shape(s.get(0), s.get(1)), hidden, classifier);
    }
}
