package org.mlaan.lab.engine.auxnet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mlaan.lab.engine.net.NoGrad;

/**
 * Views of one DJL block's parameters by their path names (DJL lists them in construction order, so
 * two blocks built the same way list them in the same order), and in-place copies between two such
 * blocks (STACK.md "Parameter copies").
 */
final class BlockParameters {
    private BlockParameters() {}

    /** Every parameter, BN running statistics included. */
    static Map<String, Parameter> all(Block block) {
        Map<String, Parameter> out = new LinkedHashMap<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
            out.put(p.getKey(), p.getValue());
        }
        return out;
    }

    /** The parameters that require a gradient. */
    static Map<String, Parameter> trainable(Block block) {
        Map<String, Parameter> out = new LinkedHashMap<>();
        for (Map.Entry<String, Parameter> e : all(block).entrySet()) {
            if (e.getValue().requiresGradient()) {
                out.put(e.getKey(), e.getValue());
            }
        }
        return out;
    }

    /**
     * The parameters an EMA averages: all but BN running statistics (Part B §5: over
     * {@code parameters()}, which in PyTorch excludes the running buffers).
     */
    static Map<String, Parameter> averaged(Block block) {
        Map<String, Parameter> out = new LinkedHashMap<>();
        for (Map.Entry<String, Parameter> e : all(block).entrySet()) {
            if (!isRunningStatistic(e.getValue())) {
                out.put(e.getKey(), e.getValue());
            }
        }
        return out;
    }

    static boolean isRunningStatistic(Parameter p) {
        return p.getType() == Parameter.Type.RUNNING_MEAN || p.getType() == Parameter.Type.RUNNING_VAR;
    }

    /** Number of values in the parameters of {@code map}. */
    static long count(Map<String, Parameter> map) {
        long n = 0;
        for (Parameter p : map.values()) {
            n += p.getArray().getShape().size();
        }
        return n;
    }

    /** {@code map} with {@code prefix} put before every name. */
    static Map<String, Parameter> prefixed(String prefix, Map<String, Parameter> map) {
        Map<String, Parameter> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(prefix + k, v));
        return out;
    }

    /**
     * Copies the values of {@code from} into {@code to} in place, pair by pair in listing order.
     *
     * @throws IllegalArgumentException when the two maps do not list the same names and shapes
     */
    static void copy(Map<String, Parameter> from, Map<String, Parameter> to) {
        requireSameLayout(from, to);
        try (NoGrad noGrad = NoGrad.enter()) {
            Iterator<Parameter> source = from.values().iterator();
            for (Parameter target : to.values()) {
                target.getArray().set(new NDIndex("..."), source.next().getArray());
            }
        }
    }

    // ALGORITHMS.md Part B §5: theta_EMA <- m * theta_EMA + (1 - m) * theta_live, element-wise.
    /**
     * {@code to <- m * to + (1 - m) * from} in place for every pair, outside any gradient graph;
     * the temporary {@code (1 - m) * from} is freed at once.
     */
    static void average(Map<String, Parameter> from, Map<String, Parameter> to, float momentum) {
        requireSameLayout(from, to);
        try (NoGrad noGrad = NoGrad.enter()) {
            Iterator<Parameter> source = from.values().iterator();
            for (Parameter target : to.values()) {
                try (NDArray scaled = source.next().getArray().mul(1 - momentum)) {
                    target.getArray().muli(momentum).addi(scaled);
                }
            }
        }
    }

    static void requireSameLayout(Map<String, Parameter> from, Map<String, Parameter> to) {
        if (from.size() != to.size()) {
            throw new IllegalArgumentException("blocks differ: " + from.size() + " parameters against " + to.size());
        }
        Iterator<Map.Entry<String, Parameter>> a = from.entrySet().iterator();
        for (Map.Entry<String, Parameter> b : to.entrySet()) {
            Map.Entry<String, Parameter> s = a.next();
            if (!s.getKey().equals(b.getKey())
                    || !s.getValue().getArray().getShape().equals(b.getValue().getArray().getShape())) {
                throw new IllegalArgumentException("blocks differ: " + s.getKey() + " "
                        + s.getValue().getArray().getShape() + " against " + b.getKey() + " "
                        + b.getValue().getArray().getShape());
            }
        }
    }
}
