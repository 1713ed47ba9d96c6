package org.mlaan.lab.core.plan;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A residual network as a chain of units (stem, blocks {@code s.b}, head) for one input size and
 * class count, with the exact shape, parameter count, multiply-adds and activation memory of every
 * unit. Plans are pure arithmetic: no tensors are made.
 */
public final class NetworkPlan {
    private final Arch arch;
    private final TensorShape input;
    private final int classes;
    private final List<Unit> units;

    NetworkPlan(Arch arch, TensorShape input, int classes, List<Unit> units) {
        this.arch = arch;
        this.input = input;
        this.classes = classes;
        this.units = List.copyOf(units);
    }

    /** The plan of {@code arch} for square RGB inputs of edge {@code inputSize}. */
    public static NetworkPlan of(Arch arch, int inputSize, int classes) {
        return of(arch, inputSize, classes, 3);
    }

    /**
     * The plan of {@code arch} for square inputs of edge {@code inputSize} with {@code channels}
     * channels (1 for grey images: only the stem's convolution sees the channel count).
     */
    public static NetworkPlan of(Arch arch, int inputSize, int classes, int channels) {
        return ResNetPlanner.plan(arch, inputSize, classes, channels);
    }

    /** The plan of {@code arch} at its natural input size and class count. */
    public static NetworkPlan of(Arch arch) {
        return of(arch, arch.naturalInputSize(), arch.naturalClasses());
    }

    public Arch arch() {
        return arch;
    }

    public TensorShape input() {
        return input;
    }

    public int classes() {
        return classes;
    }

    /** Every unit in chain order: stem, blocks, head. */
    public List<Unit> units() {
        return units;
    }

    public int size() {
        return units.size();
    }

    public Unit unit(int index) {
        return units.get(index);
    }

    /** The residual blocks only, in chain order. */
    public List<Unit> blocks() {
        return units.stream().filter(Unit::isBlock).collect(Collectors.toList());
    }

    public Unit stem() {
        return units.get(0);
    }

    public Unit head() {
        return units.get(units.size() - 1);
    }

    /**
     * The index of the unit called {@code name} ({@code stem}, {@code head} or {@code s.b}).
     *
     * @throws IllegalArgumentException naming the unit and the network
     */
    public int indexOf(String name) {
        for (Unit u : units) {
            if (u.name().equals(name)) {
                return u.index();
            }
        }
        throw new IllegalArgumentException(
                "no unit '" + name + "' in " + arch.id() + " (units are stem, 1.0 .. "
                        + units.get(units.size() - 2).name() + ", head)");
    }

    /**
     * A residual block of this plan's block type that is not part of the chain (an auxiliary
     * network's fresh block, ALGORITHMS.md Part B §10), with the exact shapes and costs the chain's
     * blocks get: input {@code in}, inner width {@code width} ("planes"), stride {@code stride}, a
     * projection shortcut where the shape changes. Its index is -1.
     */
    public Unit detachedBlock(String name, TensorShape in, int width, int stride) {
        return ResNetPlanner.detachedBlock(arch.blockType(), name, in, width, stride);
    }

    public long totalParams() {
        return units.stream().mapToLong(Unit::params).sum();
    }

    public long totalMacs() {
        return units.stream().mapToLong(Unit::macs).sum();
    }

    /** Activation bytes of one sample over the whole chain (what end-to-end backprop keeps). */
    public long totalActivationBytes() {
        return units.stream().mapToLong(Unit::activationBytes).sum();
    }

    @Override
    public String toString() {
        return arch.id() + " on " + input + " -> " + classes + " classes, " + units.size() + " units";
    }

    /** Plans are equal when made for the same network, input and classes (the planner is a function of these). */
    @Override
    public boolean equals(Object o) {
        return o instanceof NetworkPlan p && arch == p.arch && input.equals(p.input) && classes == p.classes;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(arch, input, classes);
    }
}
