package org.mlaan.lab.engine.auxnet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import org.mlaan.lab.core.local.HeadKind;
import org.mlaan.lab.core.plan.TensorShape;

/**
 * An auxiliary classifier: a DJL block from a feature map (B, C, H, W) of a known shape to logits
 * (B, classes) (ALGORITHMS.md Part B §3, §4 g_i and h_i, §10). Built by {@link AuxHeads}; call
 * {@link #initialize(NDManager)} before the first forward. Every forward attaches its results to
 * the input's manager. BN layers inside use batch statistics in training, so a training forward
 * needs a batch of at least 2 where the head has a BN1d.
 */
public abstract class AuxHead extends PlainAuxBlock {
    private static final byte VERSION = 1;

    private final HeadKind kind;
    private final TensorShape input;
    private final int classes;

    AuxHead(HeadKind kind, TensorShape input, int classes) {
        super(VERSION);
        if (classes < 1) {
            throw new IllegalArgumentException("a head needs at least one output, got " + classes);
        }
        this.kind = kind;
        this.input = input;
        this.classes = classes;
    }

    public HeadKind kind() {
        return kind;
    }

    /** The shape of one input sample. */
    public TensorShape input() {
        return input;
    }

    /** Number of logits. */
    public int classes() {
        return classes;
    }

    /** Allocates and initialises every parameter in {@code manager}, float32, for {@link #input()}. */
    public void initialize(NDManager manager) {
        initialize(manager, DataType.FLOAT32, new Shape(2, input.channels(), input.height(), input.width()));
    }

    /** Logits (B, classes) of the feature map {@code x} (B, C, H, W). */
    public NDArray forward(ParameterStore ps, NDArray x, boolean training) {
        return forward(ps, new NDList(x), training).singletonOrThrow();
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), classes)};
    }

    /** Runs a child layer on one array. */
    static NDArray apply(Block layer, ParameterStore ps, NDArray x, boolean training) {
        return layer.forward(ps, new NDList(x), training).singletonOrThrow();
    }

    /** Initialises a chain of child layers, each on the previous one's output shape; returns the last shape. */
    static Shape initializeChain(NDManager manager, DataType type, Shape input, Block... layers) {
        Shape s = input;
        for (Block b : layers) {
            b.initialize(manager, type, s);
            s = b.getOutputShapes(new Shape[] {s})[0];
        }
        return s;
    }

    @Override
    public String toString() {
        return kind.id() + " head (" + input + " -> " + classes + ")";
    }
}
