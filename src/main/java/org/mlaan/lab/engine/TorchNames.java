package org.mlaan.lab.engine;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PyTorch name of a backbone array, as torchvision and the reference code name it
 * ({@code conv1.weight}, {@code layer1.0.bn1.running_mean}, {@code layer2.0.downsample.0.weight},
 * {@code fc.bias}), from the lab's DJL path name ({@code 01stem_01conv_weight},
 * {@code 021.0_02bn1_runningMean}, {@code 052.0_07shortcutConv_weight}, {@code 10head_01fc_bias}).
 * The lab's block {@code s.b} is {@code layer<s>.<b>}: both count stages from 1 and blocks from 0.
 * Used to move weights between the lab and PyTorch and to hold the lab to the reference code.
 */
public final class TorchNames {
    /** unit index, unit name, part index, part name, array name. */
    private static final Pattern LAB = Pattern.compile("(\\d\\d)(stem|head|\\d+\\.\\d+)_(\\d\\d)([A-Za-z0-9]+)_(\\w+)");
    /** part index, part name, array name: an array inside one unit, as block copies name theirs. */
    private static final Pattern PART = Pattern.compile("(\\d\\d)([A-Za-z0-9]+)_(\\w+)");
    private static final Map<String, String> PARTS = Map.of(
            "shortcutConv", "downsample.0",
            "shortcutBn", "downsample.1");
    private static final Map<String, String> ARRAYS = Map.of(
            "gamma", "weight",
            "beta", "bias",
            "runningMean", "running_mean",
            "runningVar", "running_var",
            "weight", "weight",
            "bias", "bias");

    private TorchNames() {}

    /**
     * The PyTorch name, inside its block, of an array of a block or head copy ({@code 01conv1_weight}
     * -> {@code conv1.weight}, {@code 06shortcutBn_runningVar} -> {@code downsample.1.running_var}).
     *
     * @throws IllegalArgumentException when the name is not a unit array's
     */
    public static String ofUnitArray(String labName) {
        Matcher m = PART.matcher(labName);
        if (!m.matches() || !ARRAYS.containsKey(m.group(3))) {
            throw new IllegalArgumentException("'" + labName + "' is not the name of an array in a unit"
                    + " (expected e.g. 02bn1_gamma)");
        }
        return PARTS.getOrDefault(m.group(2), m.group(2)) + "." + ARRAYS.get(m.group(3));
    }

    /**
     * The PyTorch name of the lab's backbone array {@code labName}.
     *
     * @throws IllegalArgumentException when the name is not a backbone array's
     */
    public static String of(String labName) {
        Matcher m = LAB.matcher(labName);
        if (!m.matches() || !ARRAYS.containsKey(m.group(5))) {
            throw new IllegalArgumentException("'" + labName + "' is not the name of a backbone array"
                    + " (expected e.g. 021.0_02bn1_gamma)");
        }
        String unit = m.group(2);
        String part = m.group(4);
        String array = ARRAYS.get(m.group(5));
        if (unit.equals("stem")) {
            // The stem's conv and BN are conv1 and bn1 of the network (ImageNet's max-pool has no arrays).
            return (part.equals("conv") ? "conv1" : part.equals("bn") ? "bn1" : part) + "." + array;
        }
        if (unit.equals("head")) {
            return part + "." + array;
        }
        String[] sb = unit.split("\\.");
        return "layer" + sb[0] + "." + sb[1] + "." + PARTS.getOrDefault(part, part) + "." + array;
    }
}
