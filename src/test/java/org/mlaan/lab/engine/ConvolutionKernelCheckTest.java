package org.mlaan.lab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The kernel check knows the exact answers of its convolutions of ones, catches a dropped tap, and
 * finds this test JVM's kernels exact (the suite runs with the oneDNN cap of the pom where needed).
 */
class ConvolutionKernelCheckTest {
    /** A 4x4 "same" 3x3 convolution of ones, one channel: 4 taps in a corner, 6 on an edge, 9 inside. */
    private static final float[] FOUR_BY_FOUR = {
        4, 6, 6, 4,
        6, 9, 9, 6,
        6, 9, 9, 6,
        4, 6, 6, 4,
    };

    @Test
    void acceptsTheExactCountsOfTapsInsideTheMap() {
        assertNull(ConvolutionKernelCheck.compare("output", FOUR_BY_FOUR, 1, 4, 3, 1, false));
        float[] threeChannels = FOUR_BY_FOUR.clone();
        for (int i = 0; i < threeChannels.length; i++) {
            threeChannels[i] *= 3;
        }
        assertNull(ConvolutionKernelCheck.compare("output", threeChannels, 1, 4, 3, 3, false));
    }

    @Test
    void catchesADroppedTapAndSaysWhere() {
        float[] dropped = FOUR_BY_FOUR.clone();
        dropped[5] = 8; // (1, 1): one of nine taps lost, as the defective kernels do
        String problem = ConvolutionKernelCheck.compare("input gradient", dropped, 1, 4, 3, 1, false);
        assertNotNull(problem);
        assertEquals("input gradient at 1,1 is 8.0, exactly 9", problem);
    }

    @Test
    void weightGradientCountsThePositionsEachTapSees() {
        // A 3x3 kernel over a 4x4 map of ones, batch 2: tap (0, 0) sees 3x3 positions, the centre 4x4.
        float[] dw = {18, 24, 18, 24, 32, 24, 18, 24, 18};
        assertNull(ConvolutionKernelCheck.compare("weight gradient", dw, 1, 3, 4, 2, true));
        dw[4] = 30;
        assertNotNull(ConvolutionKernelCheck.compare("weight gradient", dw, 1, 3, 4, 2, true));
    }

    @Test
    void kernelsOfThisJvmAreExact() {
        List<String> wrong = ConvolutionKernelCheck.problems();
        assertTrue(wrong.isEmpty(), () -> ConvolutionKernelCheck.message(wrong) + ": " + String.join("; ", wrong));
    }
}
