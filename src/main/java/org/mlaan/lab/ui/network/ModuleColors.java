package org.mlaan.lab.ui.network;

import java.util.List;
import javafx.scene.paint.Color;

/** The fixed colour of each module, shared by the split editor and the per-module charts. */
public final class ModuleColors {
    // Twelve hues that stay apart on white and on each other; no pure red, which marks problems.
    private static final List<Color> PALETTE = List.of(
            Color.web("#4e79a7"), Color.web("#f28e2b"), Color.web("#59a14f"), Color.web("#b07aa1"),
            Color.web("#76b7b2"), Color.web("#d4a72c"), Color.web("#9c755f"), Color.web("#ff9da7"),
            Color.web("#2f4b7c"), Color.web("#8ca252"), Color.web("#79706e"), Color.web("#17becf"));

    /** Colour of modules that have no index of their own (BP's whole network). */
    public static final Color NEUTRAL = Color.web("#8a9099");

    private ModuleColors() {}

    /** The colour of module {@code module} (from 0); the palette repeats every {@link #size()} modules. */
    public static Color colorOf(int module) {
        if (module < 0) {
            return NEUTRAL;
        }
        return PALETTE.get(module % PALETTE.size());
    }

    /** Number of distinct colours before they repeat. */
    public static int size() {
        return PALETTE.size();
    }

    /** The same colour for JFreeChart, which draws with AWT paints (a module's loss line has its band's colour). */
    public static java.awt.Color awtColorOf(int module) {
        Color c = colorOf(module);
        return new java.awt.Color((float) c.getRed(), (float) c.getGreen(), (float) c.getBlue());
    }

    /** The colour as a CSS hex string, for inline styles. */
    public static String webOf(int module) {
        Color c = colorOf(module);
        return String.format(java.util.Locale.ROOT, "#%02x%02x%02x", Math.round(c.getRed() * 255),
                Math.round(c.getGreen() * 255), Math.round(c.getBlue() * 255));
    }
}
