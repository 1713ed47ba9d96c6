package org.mlaan.lab.ui.network;

/**
 * Node ids of the split editor, for tests and other views. Unit names hold a dot ({@code 1.0})
 * that a CSS id selector would read as a style class, so ids write it as a dash:
 * {@code lookup("#" + NetworkIds.tile("1.0"))} finds {@code #tile-1-0}.
 */
public final class NetworkIds {
    private NetworkIds() {}

    /** The tile of unit {@code unit} ({@code stem}, {@code s.b} or {@code head}). */
    public static String tile(String unit) {
        return "tile-" + safe(unit);
    }

    /** The gap right after unit {@code unit}, where a click cuts. */
    public static String gap(String unit) {
        return "gap-" + safe(unit);
    }

    /** The marker of the cut after unit {@code unit}. */
    public static String cut(String unit) {
        return "cut-" + safe(unit);
    }

    /** The coloured span of module {@code index} with its role chips. */
    public static String module(int index) {
        return "module-" + index;
    }

    /** The arc from module {@code module} to leap block {@code block}. */
    public static String arc(int module, String block) {
        return "arc-" + module + "-" + safe(block);
    }

    private static String safe(String unit) {
        return unit.replace('.', '-');
    }
}
