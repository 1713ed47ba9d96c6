package org.mlaan.lab.report;

import java.awt.Color;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.mlaan.lab.core.config.Method;

/**
 * The fixed colour of each training method in every report chart and table, so DGL+MLAAN is the
 * same colour in the error curves, the separability lines and the memory bars. BP is a dark
 * grey, the reference everything else is compared with; a base method and its MLM, LAM and MLAAN
 * variants are hues that stay apart on white.
 */
public final class MethodColors {
    private static final Map<Method, Color> COLORS = new EnumMap<>(Method.class);

    static {
        COLORS.put(Method.BP, new Color(0x3b3f45));
        COLORS.put(Method.DGL, new Color(0x4e79a7));
        COLORS.put(Method.DGL_MLM, new Color(0xf28e2b));
        COLORS.put(Method.DGL_LAM, new Color(0x59a14f));
        COLORS.put(Method.DGL_MLAAN, new Color(0xc0392b));
        COLORS.put(Method.INFOPRO, new Color(0x76b7b2));
        COLORS.put(Method.INFOPRO_MLAAN, new Color(0xb07aa1));
        COLORS.put(Method.MAN, new Color(0x9c755f));
        COLORS.put(Method.MAN_PLUS_PLUS, new Color(0xd4a72c));
        COLORS.put(Method.AUGLOCAL, new Color(0x17becf));
    }

    /** Colour of a label that names no method. */
    public static final Color OTHER = new Color(0x8a9099);

    private MethodColors() {}

    public static Color of(Method method) {
        return COLORS.getOrDefault(method, OTHER);
    }

    /** The colour of a method given by its label ({@code DGL+MLAAN}); {@link #OTHER} for an unknown one. */
    public static Color of(String label) {
        try {
            return of(Method.parse(label));
        } catch (IllegalArgumentException e) {
            return OTHER;
        }
    }

    /** The colour as CSS {@code #rrggbb}. */
    public static String web(Color c) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
    }

    /** {@code c} mixed with white, {@code amount} 0..1 of the way. */
    static Color lighter(Color c, double amount) {
        return new Color((int) Math.round(c.getRed() + (255 - c.getRed()) * amount),
                (int) Math.round(c.getGreen() + (255 - c.getGreen()) * amount),
                (int) Math.round(c.getBlue() + (255 - c.getBlue()) * amount));
    }
}
