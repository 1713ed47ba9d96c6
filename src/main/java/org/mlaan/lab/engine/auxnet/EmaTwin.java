package org.mlaan.lab.engine.auxnet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.util.Map;
import java.util.SplittableRandom;
import org.mlaan.lab.core.local.CopyInit;
import org.mlaan.lab.core.plan.Unit;
import org.mlaan.lab.engine.net.Backbone;
import org.mlaan.lab.engine.net.UnitBlock;

/**
 * A frozen copy of one backbone block that follows the live block by an exponential moving average
 * (ALGORITHMS.md Part B §5 "EMA", §6 EMA_i). Its parameters are frozen as PyTorch's
 * {@code requires_grad=False}: they never get a gradient and are never handed to the optimiser, yet
 * gradient still flows through its computation to its input. Its BN layers run in train mode with
 * batch statistics; their running statistics are not averaged.
 */
public final class EmaTwin {
    private final BlockCopy copy;
    private final double momentum;

    private EmaTwin(BlockCopy copy, double momentum) {
        if (!(momentum >= 0 && momentum <= 1)) {
            throw new IllegalArgumentException("an EMA momentum lies in [0, 1], got " + momentum);
        }
        this.copy = copy;
        this.momentum = momentum;
        copy.block().freezeParameters(true);
    }

    /**
     * A twin of the backbone's unit {@code unitIndex} with momentum m, starting as the live block
     * ({@link CopyInit#COPY}) or independently initialised ({@link CopyInit#REINIT}).
     */
    public static EmaTwin of(Backbone backbone, int unitIndex, CopyInit init, double momentum,
            SplittableRandom random, NDManager manager) {
        return new EmaTwin(BlockCopy.of(backbone, unitIndex, init, random, manager), momentum);
    }

    /** Runs the twin on {@code x} (no gradient for its parameters; gradient flows to {@code x}). */
    public NDArray forward(ParameterStore ps, NDArray x, boolean training) {
        return copy.forward(ps, x, training);
    }

    // ALGORITHMS.md Part B §5 EMA: from the live backbone block, over parameters() only.
    /**
     * {@code theta_ema <- m * theta_ema + (1 - m) * theta_live} in place for every parameter but
     * the BN running statistics, outside any gradient graph. Call it after the step's backward
     * calls and before the optimiser step (Part A.4), with the live backbone block (not a trainable
     * copy).
     *
     * @throws IllegalArgumentException when {@code live} is not the unit this twin copies
     */
    public void update(UnitBlock live) {
        if (!live.unit().name().equals(copy.unit().name())) {
            throw new IllegalArgumentException("the EMA twin of " + copy.unit().name()
                    + " follows that live block, not " + live.unit().name());
        }
        BlockParameters.average(BlockParameters.averaged(live), averagedParameters(), (float) momentum);
    }

    /** The momentum m. */
    public double momentum() {
        return momentum;
    }

    /** The unit this twin copies. */
    public Unit unit() {
        return copy.unit();
    }

    /** The averaged parameters (all but BN running statistics), by path name. */
    public Map<String, Parameter> averagedParameters() {
        return BlockParameters.averaged(copy.block());
    }

    /** Every parameter, BN running statistics included, by path name. */
    public Map<String, Parameter> allParameters() {
        return copy.allParameters();
    }

    /** Number of averaged values. */
    public long parameterCount() {
        return copy.parameterCount();
    }

    /** The frozen block. */
    public UnitBlock block() {
        return copy.block();
    }

    @Override
    public String toString() {
        return "EMA twin of " + copy.unit().name() + " (m=" + momentum + ")";
    }
}
