package org.mlaan.lab.core.color;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ColormapTableTest {

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
        assertEquals(0xff440154, ColormapTable.VIRIDIS.argb(0));
        assertEquals(0xfffde725, ColormapTable.VIRIDIS.argb(1));
    }

    @Test
    void infernoRunsFromBlackToPaleYellow() {
        assertEquals(0xff000004, ColormapTable.INFERNO.argb(0));
        assertEquals(0xfffcffa4, ColormapTable.INFERNO.argb(1));
    }

    @Test
    void valuesOutsideTheRangeAndNanTakeTheEnds() {
        assertEquals(ColormapTable.VIRIDIS.argb(0), ColormapTable.VIRIDIS.argb(-3));
        assertEquals(ColormapTable.VIRIDIS.argb(0), ColormapTable.VIRIDIS.argb(Double.NaN));
        assertEquals(ColormapTable.VIRIDIS.argb(1), ColormapTable.VIRIDIS.argb(7));
    }

    @Test
    void luminanceRisesAlongEveryTable() {
        for (ColormapTable cm : ColormapTable.values()) {
            double previous = -1;
            for (int i = 0; i < ColormapTable.SIZE; i++) {
                double l = luminance(cm.entry(i));
                assertTrue(l >= previous - 1e-9, cm + " entry " + i + ": luminance " + l + " after " + previous);
                previous = l;
            }
            assertTrue(luminance(cm.entry(ColormapTable.SIZE - 1)) - luminance(cm.entry(0)) > 0.7,
                    cm + " spans dark to bright");
        }
    }

    @Test
    void aHalfwayValueTakesTheMiddleEntry() {
        assertEquals(128, ColormapTable.index(0.5));
        assertEquals(ColormapTable.VIRIDIS.entry(128), ColormapTable.VIRIDIS.argb(0.5));
    }
}
