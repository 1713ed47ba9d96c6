package org.mlaan.lab.engine.auxnet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.SplittableRandom;
import org.mlaan.lab.core.local.HeadKind;
import org.mlaan.lab.core.plan.TensorShape;
import org.mlaan.lab.engine.net.ResNetLayers;

/**
 * The DGL head as MAN++ keeps it ({@code auxDGL.py}, ALGORITHMS.md Part B §3): adaptive average
 * pool to 8x8, three conv1x1 C->128->128->128 without bias each with BN + ReLU, global average
 * pool, three Linear layers to 512 each with BN1d + ReLU, Linear 512 -> classes. The 1x1
 * convolutions are computed as matrix products over the pooled positions (same function and
 * parameters, faster on the CPU).
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
    private final Parameter[] convWeights;
    private final Block[] mlp;
    private final Block classifier;

    DglHead(TensorShape input, int classes, SplittableRandom random) {
        super(HeadKind.DGL, input, classes);
        this.convs = new Block[6];
        for (int i = 0; i < 3; i++) {
            convs[2 * i] = addChildBlock("conv" + (i + 1), ResNetLayers.conv(1, CONV_WIDTH, 1, 0, random));
            convs[2 * i + 1] = addChildBlock("bn" + (i + 1), ResNetLayers.batchNorm());
        }
        this.convWeights = new Parameter[3];
        for (int i = 0; i < 3; i++) {
            convWeights[i] = convs[2 * i].getParameters().get("weight");
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
        Shape s = x.getShape();
        long batch = s.get(0);
        long positions = s.get(2) * s.get(3);
        // The conv1x1 + BN2d + ReLU stack computed on one row per position: (B, C, h, w) becomes
        // (B*h*w, C) once, each conv1x1 is the product with its (out, in) weight and BN2d's
        // per-channel statistics over (B, h, w) are BN1d's over the rows. Same function, same
        // parameters and running statistics, without libtorch's layout changes around every small
        // 1x1 convolution and NCHW batch norm. The views made on the way are closed at once (the
        // graph keeps what its backward needs), so that live-array counts see only real arrays.
        NDArray permuted = x.transpose(0, 2, 3, 1);
        x = permuted.reshape(batch * positions, s.get(1));
        permuted.close();
        for (int i = 0; i < convs.length; i += 2) {
            NDArray w = ps.getValue(convWeights[i / 2], x.getDevice(), training);
            NDArray matrix = w.reshape(w.getShape().get(0), w.getShape().get(1));
            NDArray product = Linear.linear(x, matrix).singletonOrThrow();
            matrix.close();
            x = Activation.relu(apply(convs[i + 1], ps, product, training));
        }
        // Global average pool: the mean over each image's h*w rows.
        NDArray perImage = x.reshape(batch, positions, CONV_WIDTH);
        x = perImage.mean(new int[] {1});
        perImage.close();
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
