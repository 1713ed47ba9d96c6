package org.mlaan.lab.engine.net;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import org.mlaan.lab.core.plan.Unit;

/**
 * The DJL block of one plan unit (stem, residual block or head). It maps one array to one array,
 * so units can be chained over any contiguous range; its output shape is the plan's.
 */
public abstract class UnitBlock extends AbstractBlock {
    private static final byte VERSION = 1;
    private final Unit unit;

    protected UnitBlock(Unit unit) {
        super(VERSION);
        this.unit = unit;
    }

    /** The plan unit this block implements. */
    public Unit unit() {
        return unit;
    }

    /** Runs this unit on one batch. */
    public NDArray forward(ParameterStore ps, NDArray x, boolean training) {
        return forward(ps, new NDList(x), training).singletonOrThrow();
    }

    /** Runs a child layer on one array (a batch norm as {@link ResNetLayers#batchNorm(BatchNorm, ParameterStore, NDArray, boolean)}). */
    protected static NDArray apply(Block layer, ParameterStore ps, NDArray x, boolean training) {
        if (layer instanceof BatchNorm bn) {
            return ResNetLayers.batchNorm(bn, ps, x, training);
        }
        return layer.forward(ps, new NDList(x), training).singletonOrThrow();
    }

    /** The output shape of a chain of child layers. */
    protected static Shape chainShape(Shape input, Block... layers) {
        Shape s = input;
        for (Block b : layers) {
            s = b.getOutputShapes(new Shape[] {s})[0];
        }
        return s;
    }

    /** Initialises a chain of child layers, each with the previous one's output shape. */
    protected static Shape initializeChain(ai.djl.ndarray.NDManager manager, ai.djl.ndarray.types.DataType type,
            Shape input, Block... layers) {
        Shape s = input;
        for (Block b : layers) {
            b.initialize(manager, type, s);
            s = b.getOutputShapes(new Shape[] {s})[0];
        }
        return s;
    }

    /**
     * Registers the conv1x1 (stride of the unit) + BN shortcut of a block whose plan marks a
     * projection (ALGORITHMS.md Part B §1); null for the identity shortcut.
     */
    protected final Block[] addShortcut(int filters, java.util.SplittableRandom random) {
        if (!unit.projection()) {
            return null;
        }
        return new Block[] {
            addChildBlock("shortcutConv", ResNetLayers.conv(1, filters, unit.stride(), 0, random)),
            addChildBlock("shortcutBn", ResNetLayers.batchNorm())
        };
    }

    /** The shortcut branch of {@code x}: the projection when there is one, else x itself. */
    protected static NDArray shortcut(Block[] projection, ParameterStore ps, NDArray x, boolean training) {
        return projection == null ? x : apply(projection[1], ps, apply(projection[0], ps, x, training), training);
    }

    /** Initialises the projection, if any, on the block's input shape. */
    protected static void initializeShortcut(Block[] projection, ai.djl.ndarray.NDManager manager,
            ai.djl.ndarray.types.DataType type, Shape input) {
        if (projection != null) {
            initializeChain(manager, type, input, projection);
        }
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(" + unit.name() + ": " + unit.in() + " -> " + unit.out() + ")";
    }
}
