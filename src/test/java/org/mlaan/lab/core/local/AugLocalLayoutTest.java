package org.mlaan.lab.core.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mlaan.lab.core.plan.Arch;
import org.mlaan.lab.core.plan.NetworkPlan;
import org.mlaan.lab.core.plan.TensorShape;
import org.mlaan.lab.core.plan.Unit;

class AugLocalLayoutTest {
    private static final NetworkPlan R32 = NetworkPlan.of(Arch.RESNET32);

    @Test
    void samplesLayersEvenlyUpToTheLastBlock() {
        // 16 layers (stem + 15 blocks); from layer 0 with d = 3: round(15/3 * j) = 5, 10, 15.
        assertEquals(List.of(5, 10, 15), AugLocalLayout.sampledUnits(R32, 0, 3));
        // From layer 1 with d = 2: 1 + 7 = 8, 1 + 14 = 15.
        assertEquals(List.of(8, 15), AugLocalLayout.sampledUnits(R32, 1, 2));
    }

    @Test
    void roundsHalvesToEvenAsPython() {
        // From layer 2 with d = 2: step 13 / 2 = 6.5, so 8.5 -> 8 (Python's round), then 15.
        assertEquals(List.of(8, 15), AugLocalLayout.sampledUnits(R32, 2, 2));
        // From layer 4 with d = 2: step 5.5, 9.5 -> 10 (half to even), then 15.
        assertEquals(List.of(10, 15), AugLocalLayout.sampledUnits(R32, 4, 2));
    }

    @Test
    void takesEveryLaterLayerWhenFewerRemainThanTheDepth() {
        // Layer 13 (block 3.2): layers 14 and 15 remain; d = 2 >= 16 - 1 - 13.
        assertEquals(List.of(14, 15), AugLocalLayout.sampledUnits(R32, 13, 2));
        assertEquals(List.of(14, 15), AugLocalLayout.sampledUnits(R32, 13, 5));
    }

    @Test
    void halvesTheResolutionWhereTheWidthDoubles() {
        AugLocalLayout layout = AugLocalLayout.of(R32, 0, 3);
        List<Unit> blocks = layout.blocks();
        assertEquals(3, blocks.size());
        assertEquals(List.of(1, 2, 2), blocks.stream().map(Unit::stride).toList());
        assertEquals(new TensorShape(16, 32, 32), blocks.get(0).out());
        assertEquals(new TensorShape(32, 16, 16), blocks.get(1).out());
        assertEquals(new TensorShape(64, 8, 8), blocks.get(2).out());
        assertFalse(blocks.get(0).projection());
        assertTrue(blocks.get(1).projection());
        assertEquals(64, layout.features());
        assertFalse(layout.batchNormBeforeClassifier());
    }

    @Test
    void aPendingDownsampleMovesToTheNextBlock() {
        // From the stem (16 wide) with d = 1: one block copying 3.4 (64 wide): log2(4) = 2 pools,
        // one spent here; the net ends at 16x16, as the code's num_pool leaves it.
        AugLocalLayout layout = AugLocalLayout.of(R32, 0, 1);
        assertEquals(List.of(15), layout.sampledUnits());
        assertEquals(2, layout.blocks().get(0).stride());
        assertEquals(new TensorShape(64, 16, 16), layout.blocks().get(0).out());
        assertTrue(layout.batchNormBeforeClassifier());
    }

    @Test
    void countsBlocksBatchNormAndClassifier() {
        AugLocalLayout layout = AugLocalLayout.of(R32, 0, 1);
        // Basic block 16 -> 64 stride 2 with projection: 9*16*64 + 128 + 9*64*64 + 128 + 16*64 + 128.
        long block = 9 * 16 * 64 + 128 + 9 * 64 * 64 + 128 + 16 * 64 + 128;
        assertEquals(block, layout.blocks().get(0).params());
        assertEquals(block + 2 * 64 + 64 * 10 + 10, layout.params());
    }

    @Test
    void pyramidDepthShrinksFromDToAboutHalfway() {
        // d_i = 3 - i/14 for K = 16, c = 0.5.
        assertEquals(3, AugLocalLayout.pyramidDepth(3, 0, 16));
        assertEquals(3, AugLocalLayout.pyramidDepth(3, 6, 16)); // 2.571
        assertEquals(2, AugLocalLayout.pyramidDepth(3, 7, 16)); // 2.5, half to even
        assertEquals(2, AugLocalLayout.pyramidDepth(3, 14, 16)); // 2.0
        assertEquals(1, AugLocalLayout.pyramidDepth(1, 14, 16));
        assertEquals(4, AugLocalLayout.pyramidDepth(4, 0, 2), "K = 2: no division by zero, depth d");
    }

    @Test
    void theLastModuleHasNoAugLocalNet() {
        int last = R32.indexOf("3.4");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AugLocalLayout.of(R32, last, 2));
        assertTrue(e.getMessage().contains("3.4"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> AugLocalLayout.of(R32, 0, 0));
    }

    @Test
    void bottleneckNetsGetBottleneckBlocksOfTheSampledPlanes() {
        NetworkPlan r50 = NetworkPlan.of(Arch.RESNET50, 64, 10);
        AugLocalLayout layout = AugLocalLayout.of(r50, 0, 2);
        // 17 layers; from the stem with d = 2: round(8) = 8 (3.1, planes 256), 16 (4.2, planes 512).
        assertEquals(List.of(8, 16), layout.sampledUnits());
        // 64 -> 256 planes: log2(4) = 2 pools; 256 -> 512: one more. Strides 2, 2, one pool left.
        assertEquals(List.of(2, 2), layout.blocks().stream().map(Unit::stride).toList());
        assertEquals(2048, layout.features());
        assertEquals(new TensorShape(2048, 4, 4), layout.blocks().get(1).out());
    }
}
