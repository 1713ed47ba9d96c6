package org.mlaan.lab.ui.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ColormapTest {

    /** Relative luminance (WCAG / sRGB) of an opaque ARGB colour. */
    static double luminance(int argb) {
        return 0.2126 * linear(argb >> 16 & 0xff) + 0.7152 * linear(argb >> 8 & 0xff) + 0.0722 * linear(argb & 0xff);
    }

    private static double linear(int c) {
        double v = c / 255.0;
        return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }

    @Test
    void viridisRunsFromDarkPurpleToYellow() {
        assertEquals(0xff440154, Colormap.VIRIDIS.argb(0));
        assertEquals(0xfffde725, Colormap.VIRIDIS.argb(1));
    }

    @Test
    void infernoRunsFromBlackToPaleYellow() {
        assertEquals(0xff000004, Colormap.INFERNO.argb(0));
        assertEquals(0xfffcffa4, Colormap.INFERNO.argb(1));
    }

    @Test
    void valuesOutsideTheRangeAndNanTakeTheEnds() {
        assertEquals(Colormap.VIRIDIS.argb(0), Colormap.VIRIDIS.argb(-3));
        assertEquals(Colormap.VIRIDIS.argb(0), Colormap.VIRIDIS.argb(Double.NaN));
        assertEquals(Colormap.VIRIDIS.argb(1), Colormap.VIRIDIS.argb(7));
    }

    @Test
    void luminanceRisesAlongEveryTable() {
        for (Colormap cm : Colormap.values()) {
            double previous = -1;
            for (int i = 0; i < Colormap.SIZE; i++) {
                double l = luminance(cm.entry(i));
                assertTrue(l >= previous - 1e-9, cm + " entry " + i + ": luminance " + l + " after " + previous);
                previous = l;
            }
            assertTrue(luminance(cm.entry(Colormap.SIZE - 1)) - luminance(cm.entry(0)) > 0.7,
                    cm + " spans dark to bright");
        }
    }

    @Test
    void aHalfwayValueTakesTheMiddleEntry() {
        assertEquals(128, Colormap.index(0.5));
        assertEquals(Colormap.VIRIDIS.entry(128), Colormap.VIRIDIS.argb(0.5));
    }
}
