package org.mlaan.lab.engine.auxnet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.mlaan.lab.core.local.CopyInit;
import org.mlaan.lab.core.plan.NetworkPlan;
import org.mlaan.lab.core.plan.TensorShape;
import org.mlaan.lab.core.plan.Unit;
import org.mlaan.lab.engine.net.Backbone;

/**
 * The leap aux A_i of one module (LAM, ALGORITHMS.md Part B §5): trainable copies A[0..n-1] of the
 * later backbone blocks named in the module's leap list, and frozen EMA twins of the first p of
 * them (p = 1 in the reference code). Forward:
 *
 * <pre>
 *   z <- A[j](z) + EMA[j](z)   for j < p
 *   z <- A[j](z)               for j >= p
 * </pre>
 *
 * The same block may appear more than once in a list (the ImageNet tables repeat 4.1); every entry
 * gets its own copy. Parameter names: {@code leap<j>.<path>} for the trainable copies and
 * {@code leap<j>.ema.<path>} for the twins.
 */
public final class LeapStack implements AuxComponent {
    private final List<Integer> units;
    private final List<BlockCopy> trainable;
    private final List<EmaTwin> twins;

    private LeapStack(List<Integer> units, List<BlockCopy> trainable, List<EmaTwin> twins) {
        this.units = List.copyOf(units);
        this.trainable = List.copyOf(trainable);
        this.twins = List.copyOf(twins);
    }

    /**
     * The stack of copies of {@code blockNames} (block names {@code s.b} of the backbone's plan, in
     * order), with EMA twins of momentum m for the first {@code emaTwins} of them, allocated in
     * {@code manager}. With {@link CopyInit#COPY} every copy and twin equals its live block now;
     * with {@link CopyInit#REINIT} each is initialised independently from {@code random}.
     *
     * @throws IllegalArgumentException for an empty list, a name that is not a residual block,
     *     shapes that do not chain, or a twin count outside 0..n
     */
    public static LeapStack create(Backbone backbone, List<String> blockNames, int emaTwins, double momentum,
            CopyInit init, SplittableRandom random, NDManager manager) {
        NetworkPlan plan = backbone.plan();
        if (blockNames.isEmpty()) {
            throw new IllegalArgumentException("a leap stack needs at least one block");
        }
        if (emaTwins < 0 || emaTwins > blockNames.size()) {
            throw new IllegalArgumentException("EMA twins must be between 0 and " + blockNames.size()
                    + " (the stack's depth), got " + emaTwins);
        }
        List<Integer> units = new ArrayList<>();
        TensorShape previous = null;
        for (String name : blockNames) {
            int index = plan.indexOf(name);
            Unit u = plan.unit(index);
            if (!u.isBlock()) {
                throw new IllegalArgumentException("leap block '" + name + "' is not a residual block");
            }
            if (previous != null && !previous.equals(u.in())) {
                throw new IllegalArgumentException("leap block " + name + " takes " + u.in()
                        + " but the block before it gives " + previous);
            }
            previous = u.out();
            units.add(index);
        }
        List<BlockCopy> trainable = new ArrayList<>();
        List<EmaTwin> twins = new ArrayList<>();
        for (int j = 0; j < units.size(); j++) {
            trainable.add(BlockCopy.of(backbone, units.get(j), init, random.split(), manager));
            if (j < emaTwins) {
                twins.add(EmaTwin.of(backbone, units.get(j), init, momentum, random.split(), manager));
            }
        }
        return new LeapStack(units, trainable, twins);
    }

    // ALGORITHMS.md Part B §5: z <- A[0](z) + EMA[0](z), then z <- A[j](z).
    /** Runs the stack on {@code z}; results are attached to {@code z}'s manager. */
    public NDArray forward(ParameterStore ps, NDArray z, boolean training) {
        NDArray h = z;
        for (int j = 0; j < trainable.size(); j++) {
            NDArray out = trainable.get(j).forward(ps, h, training);
            if (j < twins.size()) {
                out = out.add(twins.get(j).forward(ps, h, training));
            }
            h = out;
        }
        return h;
    }

    /**
     * Updates every twin from its live backbone block (Part A.4 default policy; the MLAAN CIFAR
     * {@code lastOnly} policy is the caller's choice of which stacks to update).
     */
    public void updateTwins(Backbone backbone) {
        for (EmaTwin twin : twins) {
            twin.update(backbone.unit(backbone.plan().indexOf(twin.unit().name())));
        }
    }

    /** The plan indices of the copied blocks, in order. */
    public List<Integer> units() {
        return units;
    }

    /** The shape of one input sample (the first copied block's input, i.e. the module's output). */
    public TensorShape input() {
        return trainable.get(0).unit().in();
    }

    /** The shape of one output sample (the last copied block's output), for the head that reads it. */
    public TensorShape output() {
        return trainable.get(trainable.size() - 1).unit().out();
    }

    /** Depth n of the stack. */
    public int depth() {
        return trainable.size();
    }

    /** The trainable copies A[0..n-1]. */
    public List<BlockCopy> copies() {
        return Collections.unmodifiableList(trainable);
    }

    /** The EMA twins of A[0..p-1]. */
    public List<EmaTwin> twins() {
        return Collections.unmodifiableList(twins);
    }

    @Override
    public Map<String, Parameter> trainableParameters() {
        Map<String, Parameter> out = new LinkedHashMap<>();
        for (int j = 0; j < trainable.size(); j++) {
            out.putAll(BlockParameters.prefixed("leap" + j + ".", trainable.get(j).trainableParameters()));
        }
        return out;
    }

    @Override
    public Map<String, Parameter> twinParameters() {
        Map<String, Parameter> out = new LinkedHashMap<>();
        for (int j = 0; j < twins.size(); j++) {
            out.putAll(BlockParameters.prefixed("leap" + j + ".ema.", twins.get(j).averagedParameters()));
        }
        return out;
    }

    @Override
    public Map<String, Parameter> allParameters() {
        Map<String, Parameter> out = new LinkedHashMap<>();
        for (int j = 0; j < trainable.size(); j++) {
            out.putAll(BlockParameters.prefixed("leap" + j + ".", trainable.get(j).allParameters()));
            if (j < twins.size()) {
                out.putAll(BlockParameters.prefixed("leap" + j + ".ema.", twins.get(j).allParameters()));
            }
        }
        return out;
    }

    @Override
    public String toString() {
        List<String> names = new ArrayList<>();
        for (BlockCopy c : trainable) {
            names.add(c.unit().name());
        }
        return "leap stack " + names + " with " + twins.size() + " EMA twin(s)";
    }
}
