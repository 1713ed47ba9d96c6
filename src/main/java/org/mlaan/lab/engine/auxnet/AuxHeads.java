package org.mlaan.lab.engine.auxnet;

import ai.djl.ndarray.NDManager;
import java.util.SplittableRandom;
import org.mlaan.lab.core.local.AugLocalLayout;
import org.mlaan.lab.core.local.HeadKind;
import org.mlaan.lab.core.plan.NetworkPlan;
import org.mlaan.lab.core.plan.TensorShape;

/**
 * Builds the auxiliary heads of ALGORITHMS.md Part B §3 and §10 for a feature map of a known shape.
 * Weights follow the reference init loop, which runs after the heads are made: conv weights
 * He-normal (fan-out), BN scale 1 and shift 0, linear layers PyTorch's default; every layer draws
 * from its own generator split from {@code random}, so a head depends on the seed alone.
 */
public final class AuxHeads {
    private AuxHeads() {}

    /**
     * An uninitialised head of {@code kind} for inputs of shape {@code input}; call
     * {@link AuxHead#initialize(NDManager)}.
     *
     * @throws IllegalArgumentException for {@link HeadKind#NONE} (no head) and
     *     {@link HeadKind#AUGLOCAL} (which needs the plan: use {@link #augLocal})
     */
    public static AuxHead create(HeadKind kind, TensorShape input, int classes, SplittableRandom random) {
        switch (kind) {
            case PROBE:
                return new ProbeHead(input, classes, random);
            case DGL:
                return new DglHead(input, classes, random);
            case INFOPRO_1C2F:
            case INFOPRO_2C2F:
                return new InfoProHead(kind, input, classes, random);
            case AUGLOCAL:
                throw new IllegalArgumentException(
                        "an AugLocal head copies later layers of the plan: build it with AuxHeads.augLocal");
            case NONE:
            default:
                throw new IllegalArgumentException("head kind '" + kind.id() + "' has no head to build");
        }
    }

    /** As {@link #create(HeadKind, TensorShape, int, SplittableRandom)}, initialised in {@code manager}. */
    public static AuxHead create(HeadKind kind, TensorShape input, int classes, SplittableRandom random,
            NDManager manager) {
        AuxHead head = create(kind, input, classes, random);
        head.initialize(manager);
        return head;
    }

    /**
     * An uninitialised AugLocal head for the module ending at unit {@code lastUnitIndex} of
     * {@code plan}, with {@code depth} sampled layers (see {@link AugLocalLayout}; for a pyramid,
     * pass {@link AugLocalLayout#pyramidDepth}); its input is that unit's output, its classes the
     * plan's.
     *
     * @throws IllegalArgumentException when the depth is below 1 or the module is the last one
     */
    public static AuxHead augLocal(NetworkPlan plan, int lastUnitIndex, int depth, SplittableRandom random) {
        return new AugLocalHead(plan, AugLocalLayout.of(plan, lastUnitIndex, depth), random);
    }
}
