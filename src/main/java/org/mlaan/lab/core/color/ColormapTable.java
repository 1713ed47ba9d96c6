package org.mlaan.lab.core.color;

/**
 * Perceptual colormaps for heatmaps, as 256-entry lookup tables of ARGB colours (no toolkit, so
 * the window's JavaFX heatmaps and the report's AWT ones share them): dark for low values, bright for
 * high, with lightness rising steadily so that a map reads the same in colour, in grey print and
 * to colour-blind eyes. The tables interpolate ten stops sampled from matplotlib's maps of the
 * same names, in linear light: luminance is linear in linear RGB, so it then rises between the
 * stops as steadily as at them (interpolating the sRGB bytes dips slightly between some stops),
 * and each entry is rounded to the nearest 8-bit colour that is not darker than the one before.
 */
public enum ColormapTable {
    VIRIDIS("viridis", 0x440154, 0x482878, 0x3e4989, 0x31688e, 0x26828e, 0x1f9e89, 0x35b779, 0x6ece58, 0xb5de2b,
            0xfde725),
    INFERNO("inferno", 0x000004, 0x1b0c41, 0x4a0c6b, 0x781c6d, 0xa52c60, 0xcf4446, 0xed6925, 0xfb9b06, 0xf7d13d,
            0xfcffa4);

    /** Entries in each table. */
    public static final int SIZE = 256;

    private final String label;
    private final int[] table = new int[SIZE];

    ColormapTable(String label, int... stops) {
        this.label = label;
        int segments = stops.length - 1;
        double previous = -1;
        for (int i = 0; i < SIZE; i++) {
            double pos = (double) i / (SIZE - 1) * segments;
            int s = Math.min((int) pos, segments - 1);
            double f = pos - s;
            double[] linear = new double[3];
            for (int ch = 0; ch < 3; ch++) {
                int shift = 16 - 8 * ch;
                linear[ch] = toLinear(stops[s] >> shift & 0xff) * (1 - f) + toLinear(stops[s + 1] >> shift & 0xff) * f;
            }
            table[i] = nearestNotDarker(linear, previous);
            previous = luminance(table[i]);
        }
    }

    /**
     * The 8-bit colour nearest to {@code linear} whose luminance is at least {@code floor}: each
     * channel rounded down or up, so that rounding never makes an entry darker than the one before.
     */
    private static int nearestNotDarker(double[] linear, double floor) {
        int best = 0;
        double bestDistance = Double.POSITIVE_INFINITY;
        int brightest = 0;
        for (int combo = 0; combo < 8; combo++) {
            int argb = 0xff000000;
            double distance = 0;
            for (int ch = 0; ch < 3; ch++) {
                double exact = toSrgb(linear[ch]) * 255;
                int v = (combo >> ch & 1) == 0 ? (int) Math.floor(exact) : (int) Math.ceil(exact);
                v = Math.max(0, Math.min(255, v));
                distance += (v - exact) * (v - exact);
                argb |= v << (16 - 8 * ch);
            }
            if (luminance(argb) > luminance(brightest)) {
                brightest = argb;
            }
            if (luminance(argb) >= floor && distance < bestDistance) {
                best = argb;
                bestDistance = distance;
            }
        }
        return bestDistance < Double.POSITIVE_INFINITY ? best : brightest;
    }

    /** Relative luminance of an ARGB colour (sRGB primaries). */
    public static double luminance(int argb) {
        return 0.2126 * toLinear(argb >> 16 & 0xff) + 0.7152 * toLinear(argb >> 8 & 0xff)
                + 0.0722 * toLinear(argb & 0xff);
    }

    private static double toLinear(int c) {
        double v = c / 255.0;
        return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }

    private static double toSrgb(double v) {
        return v <= 0.0031308 ? 12.92 * v : 1.055 * Math.pow(v, 1 / 2.4) - 0.055;
    }

    /** The opaque ARGB colour of {@code t} in 0..1 (values outside are clamped; NaN is 0). */
    public int argb(double t) {
        return table[index(t)];
    }

    /** The table entry of {@code t}: 0 for the lowest value, {@link #SIZE} - 1 for the highest. */
    public static int index(double t) {
        if (!(t > 0)) {
            return 0;
        }
        return t >= 1 ? SIZE - 1 : (int) (t * (SIZE - 1) + 0.5);
    }

    /** Table entry {@code i} as opaque ARGB. */
    public int entry(int i) {
        return table[i];
    }

    @Override
    public String toString() {
        return label;
    }
}
