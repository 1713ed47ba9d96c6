package org.mlaan.lab.engine.auxnet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.SplittableRandom;
import org.mlaan.lab.core.local.HeadKind;
import org.mlaan.lab.core.plan.TensorShape;
import org.mlaan.lab.engine.ResNetLayers;

/**
 * The DGL head as MAN++ keeps it ({@code auxDGL.py}, ALGORITHMS.md Part B §3): adaptive average
 * pool to 8x8, three conv1x1 C->128->128->128 without bias each with BN + ReLU, global average
 * pool, three Linear layers to 512 each with BN1d + ReLU, Linear 512 -> classes.
 *
 * <p>The pool runs only when the map is larger than 8 on a side: on an 8x8 map it is the identity,
 * and on a smaller one (7x7 at an ImageNet net's last stage) PyTorch's adaptive pool would repeat
 * values unevenly, which only re-weights the global average that follows; skipping it keeps the
 * plain average.
 */
final class DglHead extends AuxHead {
    /** feature_dim of the reference head. */
    static final int CONV_WIDTH = 128;
    /** feature_dim * 4. */
    static final int MLP_WIDTH = 512;
    static final int POOL = 8;

    private final Block[] convs;
    private final Block[] mlp;
    private final Block classifier;

    DglHead(TensorShape input, int classes, SplittableRandom random) {
        super(HeadKind.DGL, input, classes);
        this.convs = new Block[6];
        for (int i = 0; i < 3; i++) {
            convs[2 * i] = addChildBlock("conv" + (i + 1), ResNetLayers.conv(1, CONV_WIDTH, 1, 0, random));
            convs[2 * i + 1] = addChildBlock("bn" + (i + 1), ResNetLayers.batchNorm());
        }
        this.mlp = new Block[6];
        for (int i = 0; i < 3; i++) {
            int fanIn = i == 0 ? CONV_WIDTH : MLP_WIDTH;
            mlp[2 * i] = addChildBlock("fc" + (i + 1), ResNetLayers.linear(fanIn, MLP_WIDTH, random));
            mlp[2 * i + 1] = addChildBlock("bn1d" + (i + 1), ResNetLayers.batchNorm());
        }
        this.classifier = addChildBlock("fc4", ResNetLayers.linear(MLP_WIDTH, classes, random));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        if (x.getShape().get(2) > POOL || x.getShape().get(3) > POOL) {
            x = SpatialResize.adaptiveAvgPool(x, POOL, POOL);
        }
        for (int i = 0; i < convs.length; i += 2) {
            x = Activation.relu(apply(convs[i + 1], ps, apply(convs[i], ps, x, training), training));
        }
        x = Pool.globalAvgPool2d(x);
        for (int i = 0; i < mlp.length; i += 2) {
            x = Activation.relu(apply(mlp[i + 1], ps, apply(mlp[i], ps, x, training), training));
        }
        return new NDList(apply(classifier, ps, x, training));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape in = inputShapes[0];
        Shape s = initializeChain(manager, dataType, in, convs);
        s = initializeChain(manager, dataType, new Shape(s.get(0), s.get(1)), mlp);
        classifier.initialize(manager, dataType, s);
    }
}
