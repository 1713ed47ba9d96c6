package org.mlaan.lab.engine.auxnet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.mlaan.lab.core.local.CopyInit;
import org.mlaan.lab.core.plan.NetworkPlan;
import org.mlaan.lab.core.plan.TensorShape;
import org.mlaan.lab.core.plan.Unit;
import org.mlaan.lab.engine.net.Backbone;

/**
 * The MAN / MAN++ auxiliary block pair of one module (ALGORITHMS.md Part B §6): LB = a trainable
 * copy of the next block after the module (the first block of E_{i+1}; the stem's next block is
 * 1.0) and EMA = a frozen twin of the same block, following the live next block. Forward:
 *
 * <pre>
 *   MAN:    y = LB(x) + EMA(x)
 *   MAN++:  y = s * LB(x) + (2 - s) * EMA(x),   s a learnable scalar starting at 1
 * </pre>
 *
 * Parameter names: {@code lb.<path>}, {@code s} (MAN++ only), {@code ema.<path>}.
 */
public final class MomentumAux implements AuxComponent {
    /** Part B §6: the MAN code deep-copies before its init loop, so both blocks are redrawn. */
    public static final CopyInit DEFAULT_INIT = CopyInit.REINIT;

    /** Plain sum (MAN) or the learnable mix (MAN++). */
    public enum Variant {
        /** y = LB(x) + EMA(x). */
        MAN,
        /** y = s * LB(x) + (2 - s) * EMA(x). */
        MAN_PLUS_PLUS
    }

    private final Variant variant;
    private final BlockCopy learnable;
    private final EmaTwin twin;
    private final Parameter scale;

    private MomentumAux(Variant variant, BlockCopy learnable, EmaTwin twin, Parameter scale) {
        this.variant = variant;
        this.learnable = learnable;
        this.twin = twin;
        this.scale = scale;
    }

    /**
     * The pair for the module whose last unit is {@code lastUnitIndex}, allocated in
     * {@code manager}.
     *
     * @throws IllegalArgumentException when no block follows the module (the last module)
     */
    public static MomentumAux create(Backbone backbone, int lastUnitIndex, Variant variant, double momentum,
            CopyInit init, SplittableRandom random, NDManager manager) {
        int next = nextBlock(backbone.plan(), lastUnitIndex);
        BlockCopy learnable = BlockCopy.of(backbone, next, init, random.split(), manager);
        EmaTwin twin = EmaTwin.of(backbone, next, init, momentum, random.split(), manager);
        Parameter scale = null;
        if (variant == Variant.MAN_PLUS_PLUS) {
            scale = Parameter.builder()
                    .setName("s")
                    .setType(Parameter.Type.OTHER)
                    .optShape(new Shape(1))
                    .optInitializer(new ConstantInitializer(1f))
                    .build();
            scale.initialize(manager, DataType.FLOAT32);
        }
        return new MomentumAux(variant, learnable, twin, scale);
    }

    // ALGORITHMS.md Part B §6: (s,b) = the next block after the boundary, rolling over to (s+1,0).
    /**
     * The plan index of the block right after unit {@code lastUnitIndex} (1.4 is followed by 2.0 in
     * ResNet-32; the stem by 1.0).
     *
     * @throws IllegalArgumentException when the next unit is the head or out of range
     */
    public static int nextBlock(NetworkPlan plan, int lastUnitIndex) {
        int next = lastUnitIndex + 1;
        if (lastUnitIndex < 0 || next >= plan.size() || !plan.unit(next).isBlock()) {
            throw new IllegalArgumentException("no residual block follows unit " + lastUnitIndex
                    + (lastUnitIndex >= 0 && lastUnitIndex < plan.size() ? " (" + plan.unit(lastUnitIndex).name() + ")"
                            : "")
                    + "; the last module has no MAN block pair");
        }
        return next;
    }

    // ALGORITHMS.md Part B §6: y = LB(x) + EMA(x); MAN++: y = s*LB(x) + (2-s)*EMA(x).
    /** Runs the pair on the module output {@code x}; results are attached to {@code x}'s manager. */
    public NDArray forward(ParameterStore ps, NDArray x, boolean training) {
        NDArray lb = learnable.forward(ps, x, training);
        NDArray ema = twin.forward(ps, x, training);
        if (variant == Variant.MAN) {
            return lb.add(ema);
        }
        // Activations first, so every result lands in x's manager rather than the parameter's.
        NDArray s = ps.getValue(scale, x.getDevice(), training);
        NDArray twoMinusS = x.getManager().create(2f).sub(s);
        return lb.mul(s).add(ema.mul(twoMinusS));
    }

    /** Updates the twin from the live next block (Part A.4: after the backward calls, before the optimiser). */
    public void updateTwin(Backbone backbone) {
        twin.update(backbone.unit(backbone.plan().indexOf(twin.unit().name())));
    }

    public Variant variant() {
        return variant;
    }

    /** The copied next block. */
    public Unit unit() {
        return learnable.unit();
    }

    /** The shape of one output sample (the next block's output), for the head that reads it. */
    public TensorShape output() {
        return learnable.unit().out();
    }

    /** The trainable copy LB. */
    public BlockCopy learnable() {
        return learnable;
    }

    /** The frozen twin EMA. */
    public EmaTwin twin() {
        return twin;
    }

    /** The learnable scalar s of MAN++; null for MAN. */
    public Parameter scale() {
        return scale;
    }

    @Override
    public Map<String, Parameter> trainableParameters() {
        Map<String, Parameter> out = new LinkedHashMap<>(BlockParameters.prefixed("lb.", learnable.trainableParameters()));
        if (scale != null) {
            out.put("s", scale);
        }
        return out;
    }

    @Override
    public Map<String, Parameter> twinParameters() {
        return BlockParameters.prefixed("ema.", twin.averagedParameters());
    }

    @Override
    public Map<String, Parameter> allParameters() {
        Map<String, Parameter> out = new LinkedHashMap<>(BlockParameters.prefixed("lb.", learnable.allParameters()));
        if (scale != null) {
            out.put("s", scale);
        }
        out.putAll(BlockParameters.prefixed("ema.", twin.allParameters()));
        return out;
    }

    @Override
    public String toString() {
        return variant + " pair on " + learnable.unit().name();
    }
}
