package org.mlaan.lab.engine.net;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.mlaan.lab.core.plan.BlockType;
import org.mlaan.lab.core.plan.NetworkPlan;
import org.mlaan.lab.core.plan.TensorShape;
import org.mlaan.lab.core.plan.Unit;
import org.mlaan.lab.data.Seeds;

/**
 * The ResNet of a {@link NetworkPlan} as DJL blocks, one {@link UnitBlock} per plan unit (stem,
 * every residual block, head; ALGORITHMS.md Part B §1). Any contiguous range of units can be run,
 * which is what local learning cuts into modules; running all of them gives the logits.
 *
 * <p>Initial weights depend on the seed alone: every layer's initializer gets its own generator,
 * split in construction order from one seeded stream (Part B §1 init, not libtorch's RNG).
 */
public final class Backbone extends AbstractBlock {
    private static final byte VERSION = 1;
    private static final long INIT_STREAM = 0x1A17_BEEFL;

    private final NetworkPlan plan;
    private final List<UnitBlock> units;

    /** Builds the blocks of {@code plan} with initializers drawn from {@code seed}; call {@link #initialize(NDManager)}. */
    public Backbone(NetworkPlan plan, long seed) {
        super(VERSION);
        this.plan = plan;
        SplittableRandom random = new SplittableRandom(Seeds.mix(seed, INIT_STREAM));
        List<UnitBlock> list = new ArrayList<>();
        for (Unit u : plan.units()) {
            list.add(addChildBlock(u.name(), newUnitBlock(plan, u, random)));
        }
        this.units = Collections.unmodifiableList(list);
    }

    /**
     * A new, uninitialised block for unit {@code u} of {@code plan}'s architecture, with its own
     * parameters and initializers split from {@code random}: how the backbone builds its units, and
     * how auxiliary networks build standalone copies of them (or fresh blocks for a unit outside the
     * chain, {@link NetworkPlan#detachedBlock}). Initialise it on the unit's input shape.
     */
    public static UnitBlock newUnitBlock(NetworkPlan plan, Unit u, SplittableRandom random) {
        switch (u.kind()) {
            case STEM:
                return new StemUnit(u, plan.arch().family(), random);
            case HEAD:
                return new HeadUnit(u, random);
            case BLOCK:
            default:
                return plan.arch().blockType() == BlockType.BASIC
                        ? new BasicBlockUnit(u, random)
                        : new BottleneckUnit(u, random);
        }
    }

    /** A backbone for {@code plan}, initialised in {@code manager} from {@code seed}. */
    public static Backbone create(NetworkPlan plan, NDManager manager, long seed) {
        Backbone b = new Backbone(plan, seed);
        b.initialize(manager);
        return b;
    }

    /** Allocates and initialises every parameter in {@code manager}, float32, for the plan's input. */
    public void initialize(NDManager manager) {
        TensorShape in = plan.input();
        initialize(manager, DataType.FLOAT32, new Shape(1, in.channels(), in.height(), in.width()));
    }

    public NetworkPlan plan() {
        return plan;
    }

    public int numUnits() {
        return units.size();
    }

    /** The block of unit {@code index} (0 = stem, last = head). */
    public UnitBlock unit(int index) {
        return units.get(index);
    }

    public List<UnitBlock> units() {
        return units;
    }

    /**
     * Runs units {@code fromUnit..toUnitInclusive} on {@code x}: the input of unit
     * {@code fromUnit} in, the output of unit {@code toUnitInclusive} out. Results are attached to
     * {@code x}'s manager.
     */
    public NDArray forward(ParameterStore ps, NDArray x, int fromUnit, int toUnitInclusive, boolean training) {
        if (fromUnit < 0 || toUnitInclusive >= units.size() || fromUnit > toUnitInclusive) {
            throw new IllegalArgumentException("unit range " + fromUnit + ".." + toUnitInclusive
                    + " is not inside 0.." + (units.size() - 1));
        }
        NDArray h = x;
        for (int i = fromUnit; i <= toUnitInclusive; i++) {
            h = units.get(i).forward(ps, h, training);
        }
        return h;
    }

    /** Runs the whole chain: images in, logits out. */
    public NDArray forward(ParameterStore ps, NDArray x, boolean training) {
        return forward(ps, x, 0, units.size() - 1, training);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        return new NDList(forward(ps, inputs.singletonOrThrow(), training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape s = inputShapes[0];
        for (UnitBlock u : units) {
            s = u.getOutputShapes(new Shape[] {s})[0];
        }
        return new Shape[] {s};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape s = inputShapes[0];
        for (UnitBlock u : units) {
            u.initialize(manager, dataType, s);
            s = u.getOutputShapes(new Shape[] {s})[0];
        }
    }

    /**
     * Every parameter by its path name (e.g. {@code 02stem_01conv_weight}), in a fixed order; BN
     * running statistics included (they carry no gradient).
     */
    public Map<String, Parameter> namedParameters() {
        Map<String, Parameter> out = new LinkedHashMap<>();
        for (Pair<String, Parameter> p : getParameters()) {
            out.put(p.getKey(), p.getValue());
        }
        return out;
    }

    /** The parameters the optimiser updates (those that require a gradient), by path name. */
    public Map<String, Parameter> trainableParameters() {
        Map<String, Parameter> out = new LinkedHashMap<>();
        for (Map.Entry<String, Parameter> e : namedParameters().entrySet()) {
            if (e.getValue().requiresGradient()) {
                out.put(e.getKey(), e.getValue());
            }
        }
        return out;
    }

    /** Number of trainable values; BN running statistics are not counted (PyTorch buffers). */
    public long trainableParameterCount() {
        long n = 0;
        for (Parameter p : trainableParameters().values()) {
            n += p.getArray().getShape().size();
        }
        return n;
    }
}
