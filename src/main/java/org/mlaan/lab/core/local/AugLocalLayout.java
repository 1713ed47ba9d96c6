package org.mlaan.lab.core.local;

import java.util.ArrayList;
import java.util.List;
import org.mlaan.lab.core.plan.NetworkPlan;
import org.mlaan.lab.core.plan.TensorShape;
import org.mlaan.lab.core.plan.Unit;

/**
 * The shape of an AugLocal auxiliary network (ALGORITHMS.md Part B §10, AugLocal
 * {@code networks/auxiliary_nets.py}, {@code net_config='unifSamp'}) for the module that ends at
 * unit {@code lastUnit}: fresh blocks of the plan's block type whose widths copy later layers
 * sampled uniformly, then global average pooling, a BN1d when {@code depth <= 1}, and a linear
 * classifier.
 *
 * <p>Layers are the plan's units without the head (stem = layer 0, blocks after it), as AugLocal's
 * {@code net_dim}. Sampled layers: {@code round(l + (N-l-1)/d * j)} for j = 1..d, or all later
 * layers when d &gt;= N-1-l, rounding half to even as Python's {@code round}. A block gets stride 2
 * while the accumulated {@code floor(log2(width / previous width))} is at least 1 (the code's
 * {@code num_pool}), so the resolution halves where the width doubles.
 *
 * @param lastUnit the module's last unit (the aux net's input is its output)
 * @param depth the requested depth d
 * @param sampledUnits plan indices of the layers whose widths are copied, in order
 * @param blocks the fresh blocks, with shapes and costs (index -1, named {@code aug0}, {@code aug1}, ...)
 * @param batchNormBeforeClassifier whether a BN1d sits between the pooling and the classifier
 * @param features input width of the classifier
 * @param classes output width of the classifier
 */
public record AugLocalLayout(int lastUnit, int depth, List<Integer> sampledUnits, List<Unit> blocks,
        boolean batchNormBeforeClassifier, int features, int classes) {

    /** AugLocal's pyramid coefficient c (Part B §10). */
    public static final double PYRAMID_COEFFICIENT = 0.5;

    public AugLocalLayout {
        sampledUnits = List.copyOf(sampledUnits);
        blocks = List.copyOf(blocks);
    }

    /**
     * The layout for the module ending at unit {@code lastUnitIndex} of {@code plan}.
     *
     * @throws IllegalArgumentException when the depth is below 1 or no layer follows the module
     *     (the last module trains the backbone's own classifier)
     */
    public static AugLocalLayout of(NetworkPlan plan, int lastUnitIndex, int depth) {
        List<Integer> sampled = sampledUnits(plan, lastUnitIndex, depth);
        List<Unit> blocks = new ArrayList<>();
        TensorShape shape = plan.unit(lastUnitIndex).out();
        int previousWidth = plan.unit(lastUnitIndex).width();
        int pendingPools = 0;
        for (int index : sampled) {
            int width = plan.unit(index).width();
            if (width < previousWidth) {
                throw new IllegalArgumentException("AugLocal copies widths that never shrink; layer "
                        + plan.unit(index).name() + " is " + width + " wide after " + previousWidth);
            }
            // Part B §10: num_pool += int(log2(width // inplanes)); stride 2 while num_pool >= 1.
            pendingPools += floorLog2(width / previousWidth);
            int stride = 1;
            if (pendingPools >= 1) {
                stride = 2;
                pendingPools--;
            }
            Unit block = plan.detachedBlock("aug" + blocks.size(), shape, width, stride);
            blocks.add(block);
            shape = block.out();
            previousWidth = width;
        }
        return new AugLocalLayout(lastUnitIndex, depth, sampled, blocks, depth <= 1, shape.channels(),
                plan.classes());
    }

    /**
     * The plan indices of the layers an AugLocal net of depth {@code depth} copies for the module
     * ending at {@code lastUnitIndex} (Part B §10).
     */
    public static List<Integer> sampledUnits(NetworkPlan plan, int lastUnitIndex, int depth) {
        int layers = plan.size() - 1;
        if (depth < 1) {
            throw new IllegalArgumentException("an AugLocal depth is at least 1, got " + depth);
        }
        if (lastUnitIndex < 0 || lastUnitIndex >= layers - 1) {
            throw new IllegalArgumentException("an AugLocal head needs a later layer to copy; the module ends at "
                    + (lastUnitIndex >= 0 && lastUnitIndex < plan.size() ? plan.unit(lastUnitIndex).name()
                            : "unit " + lastUnitIndex)
                    + " and the last module trains the backbone's own classifier");
        }
        List<Integer> out = new ArrayList<>();
        if (depth >= layers - 1 - lastUnitIndex) {
            for (int i = lastUnitIndex + 1; i < layers; i++) {
                out.add(i);
            }
            return out;
        }
        double step = (double) (layers - lastUnitIndex - 1) / depth;
        for (int j = 1; j <= depth; j++) {
            out.add((int) Math.rint(lastUnitIndex + step * j));
        }
        return out;
    }

    /** The pyramid depth with AugLocal's c = 0.5; see {@link #pyramidDepth(int, int, int, double)}. */
    public static int pyramidDepth(int depth, int moduleIndex, int modules) {
        return pyramidDepth(depth, moduleIndex, modules, PYRAMID_COEFFICIENT);
    }

    // ALGORITHMS.md Part B §10: d_i = max(1, round(d*(1 - i*c/(K-2)) + i*c/(K-2))).
    /**
     * The depth of module i's AugLocal net when depths shrink along the network: {@code max(1,
     * round(d*(1 - i*c/(K-2)) + i*c/(K-2)))}, rounding half to even as Python's {@code round}.
     * With K = 2 (one aux net) the code divides by zero; here the ratio is 0 and the depth is d.
     */
    public static int pyramidDepth(int depth, int moduleIndex, int modules, double c) {
        double ratio = modules > 2 ? moduleIndex * c / (modules - 2) : 0;
        return Math.max(1, (int) Math.rint(depth * (1 - ratio) + ratio));
    }

    /** Trainable parameters of the whole aux net: blocks, the optional BN1d and the classifier. */
    public long params() {
        long n = 0;
        for (Unit b : blocks) {
            n += b.params();
        }
        if (batchNormBeforeClassifier) {
            n += 2L * features;
        }
        return n + (long) features * classes + classes;
    }

    private static int floorLog2(int ratio) {
        return 31 - Integer.numberOfLeadingZeros(ratio);
    }
}
