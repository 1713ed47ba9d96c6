package org.mlaan.lab.engine.auxnet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.SplittableRandom;
import org.mlaan.lab.core.plan.TensorShape;
import org.mlaan.lab.engine.net.ResNetLayers;

/**
 * InfoPro's reconstruction decoder ({@code auxiliary_nets.py Decoder}, ALGORITHMS.md Part B §3):
 * bilinear upsampling of the features to the image size with {@code align_corners=True}, conv3x3
 * (C -> 12, with bias) + BN + ReLU, conv3x3 (12 -> 3, with bias; 12 -> 1 for grey images), Sigmoid. The block's forward
 * stops before the sigmoid: {@link ReconstructionLoss#bceWithLogits} compares its logits with the
 * un-normalised image, which stays finite where the sigmoid saturates; {@link #images} applies it. Conv weights are He-normal (fan-out)
 * as the reference init loop leaves them; biases keep PyTorch's default.
 */
public final class InfoProDecoder extends PlainAuxBlock {
    private static final byte VERSION = 1;
    /** Hidden width of the decoder (12 * widen). */
    static final int HIDDEN = 12;

    private final TensorShape input;
    private final int imageChannels;
    private final int imageHeight;
    private final int imageWidth;
    private final Conv2d conv1;
    private final BatchNorm bn1;
    private final Conv2d conv2;

    /**
     * A decoder from features of shape {@code input} to RGB images of {@code imageHeight} x
     * {@code imageWidth}; call {@link #initialize(NDManager)}.
     */
    public InfoProDecoder(TensorShape input, int imageHeight, int imageWidth, SplittableRandom random) {
        this(input, new TensorShape(3, imageHeight, imageWidth), random);
    }

    /**
     * A decoder from features of shape {@code input} to images of shape {@code image}: the target
     * is the input image itself, so a grey image is decoded into one channel.
     */
    public InfoProDecoder(TensorShape input, TensorShape image, SplittableRandom random) {
        super(VERSION);
        this.input = input;
        this.imageChannels = image.channels();
        this.imageHeight = image.height();
        this.imageWidth = image.width();
        this.conv1 = addChildBlock("conv1", ResNetLayers.convWithBias(3, input.channels(), HIDDEN, 1, 1, random));
        this.bn1 = addChildBlock("bn1", ResNetLayers.batchNorm());
        this.conv2 = addChildBlock("conv2", ResNetLayers.convWithBias(3, HIDDEN, imageChannels, 1, 1, random));
    }

    /** Allocates and initialises every parameter in {@code manager}, float32. */
    public void initialize(NDManager manager) {
        initialize(manager, DataType.FLOAT32, new Shape(2, input.channels(), input.height(), input.width()));
    }

    /** The decoder's logits (B, image channels, H, W), before the sigmoid, from features (B, C, h, w). */
    public NDArray forward(ParameterStore ps, NDArray features, boolean training) {
        return forward(ps, new NDList(features), training).singletonOrThrow();
    }

    /** The decoded images (B, image channels, H, W), every value in [0, 1]: the sigmoid of {@link #forward}. */
    public NDArray images(ParameterStore ps, NDArray features, boolean training) {
        return Activation.sigmoid(forward(ps, features, training));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = SpatialResize.bilinearAlignCorners(inputs.singletonOrThrow(), imageHeight, imageWidth);
        x = conv1.forward(ps, new NDList(x), training).singletonOrThrow();
        x = Activation.relu(ResNetLayers.batchNorm(bn1, ps, x, training));
        x = conv2.forward(ps, new NDList(x), training).singletonOrThrow();
        return new NDList(x);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), imageChannels, imageHeight, imageWidth)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape up = new Shape(inputShapes[0].get(0), inputShapes[0].get(1), imageHeight, imageWidth);
        AuxHead.initializeChain(manager, dataType, up, conv1, bn1, conv2);
    }

    /** The shape of one input sample. */
    public TensorShape input() {
        return input;
    }

    @Override
    public String toString() {
        return "InfoPro decoder (" + input + " -> " + imageChannels + "x" + imageHeight + "x" + imageWidth + ")";
    }
}
