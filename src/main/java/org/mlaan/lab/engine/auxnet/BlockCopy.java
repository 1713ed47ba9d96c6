package org.mlaan.lab.engine.auxnet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.util.Map;
import java.util.SplittableRandom;
import org.mlaan.lab.core.local.CopyInit;
import org.mlaan.lab.core.plan.NetworkPlan;
import org.mlaan.lab.core.plan.TensorShape;
import org.mlaan.lab.core.plan.Unit;
import org.mlaan.lab.engine.net.Backbone;
import org.mlaan.lab.engine.net.UnitBlock;

/**
 * A standalone block with the architecture of one backbone unit and parameters of its own (the
 * reference code's {@code copy.deepcopy} of a block, ALGORITHMS.md Part B §5 and §6). It starts
 * either as an exact copy of the live block ({@link CopyInit#COPY}: weights and BN running
 * statistics) or freshly initialised from its own seeded generator ({@link CopyInit#REINIT}).
 */
public final class BlockCopy {
    private final Unit unit;
    private final UnitBlock block;

    private BlockCopy(Unit unit, UnitBlock block) {
        this.unit = unit;
        this.block = block;
    }

    /**
     * A freshly initialised block for {@code unit} of {@code plan}'s architecture (a chain unit or
     * a {@link NetworkPlan#detachedBlock}), its parameters allocated in {@code manager}.
     */
    public static BlockCopy fresh(NetworkPlan plan, Unit unit, SplittableRandom random, NDManager manager) {
        UnitBlock block = Backbone.newUnitBlock(plan, unit, random);
        TensorShape in = unit.in();
        block.initialize(manager, DataType.FLOAT32, new Shape(1, in.channels(), in.height(), in.width()));
        return new BlockCopy(unit, block);
    }

    /**
     * A copy of the backbone's unit {@code unitIndex}: equal to the live block now (weights and BN
     * running statistics) with {@link CopyInit#COPY}, independently initialised from
     * {@code random} with {@link CopyInit#REINIT}. The live block is not changed.
     */
    public static BlockCopy of(Backbone backbone, int unitIndex, CopyInit init, SplittableRandom random,
            NDManager manager) {
        BlockCopy copy = fresh(backbone.plan(), backbone.plan().unit(unitIndex), random, manager);
        if (init == CopyInit.COPY) {
            copy.copyFrom(backbone.unit(unitIndex));
        }
        return copy;
    }

    /**
     * Overwrites every parameter of this copy, BN running statistics included, with the values of
     * {@code live}, in place.
     *
     * @throws IllegalArgumentException when {@code live} is built differently
     */
    public void copyFrom(UnitBlock live) {
        BlockParameters.copy(BlockParameters.all(live), BlockParameters.all(block));
    }

    /** Runs the copy on {@code x}; results are attached to {@code x}'s manager. */
    public NDArray forward(ParameterStore ps, NDArray x, boolean training) {
        return block.forward(ps, x, training);
    }

    /** The plan unit whose architecture this copies. */
    public Unit unit() {
        return unit;
    }

    /** The DJL block. */
    public UnitBlock block() {
        return block;
    }

    /** Parameters that require a gradient, by path name (none once frozen). */
    public Map<String, Parameter> trainableParameters() {
        return BlockParameters.trainable(block);
    }

    /** Every parameter, BN running statistics included, by path name. */
    public Map<String, Parameter> allParameters() {
        return BlockParameters.all(block);
    }

    /** Number of trainable values (conv, BN scale and shift; not running statistics). */
    public long parameterCount() {
        return BlockParameters.count(BlockParameters.averaged(block));
    }

    @Override
    public String toString() {
        return "copy of " + unit.name();
    }
}
