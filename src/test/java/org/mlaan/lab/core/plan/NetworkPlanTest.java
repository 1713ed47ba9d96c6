package org.mlaan.lab.core.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class NetworkPlanTest {

    /** STACK.md reference counts: PyTorch reference code and torchvision definitions. */
    @ParameterizedTest
    @CsvSource({
        "resnet20, 272474", "resnet32, 466906", "resnet44, 661338", "resnet56, 855770", "resnet110, 1730714",
        "resnet18, 11689512", "resnet34, 21797672", "resnet50, 25557032", "resnet101, 44549160",
        "resnet152, 60192808"
    })
    void parameterCountsEqualTheReferenceImplementations(String arch, long expected) {
        assertEquals(expected, NetworkPlan.of(Arch.parse(arch)).totalParams());
    }

    @Test
    void cifarResNet32HasStemFifteenBlocksAndHeadWithShapesOfEveryStage() {
        NetworkPlan plan = NetworkPlan.of(Arch.RESNET32);
        assertEquals(17, plan.size());
        assertEquals("stem", plan.unit(0).name());
        assertEquals("1.0", plan.unit(1).name());
        assertEquals("3.4", plan.unit(15).name());
        assertEquals("head", plan.unit(16).name());
        assertEquals(new TensorShape(16, 32, 32), plan.unit(plan.indexOf("1.4")).out());
        assertEquals(new TensorShape(32, 16, 16), plan.unit(plan.indexOf("2.0")).out());
        assertEquals(new TensorShape(64, 8, 8), plan.unit(plan.indexOf("3.4")).out());
        assertEquals(TensorShape.vector(10), plan.head().out());
    }

    @Test
    void onlyTheDownsamplingBlocksOfCifarNetsHaveProjectionShortcuts() {
        NetworkPlan plan = NetworkPlan.of(Arch.RESNET110);
        for (Unit u : plan.blocks()) {
            boolean downsampling = u.block() == 0 && u.stage() > 1;
            assertEquals(downsampling, u.projection(), u.name());
        }
    }

    @Test
    void imagenetStemQuartersTheInputAndBottlenecksExpandFourTimes() {
        NetworkPlan plan = NetworkPlan.of(Arch.RESNET50);
        assertEquals(new TensorShape(64, 56, 56), plan.stem().out());
        assertEquals(new TensorShape(256, 56, 56), plan.unit(plan.indexOf("1.0")).out());
        assertTrue(plan.unit(plan.indexOf("1.0")).projection(), "1.0 changes channels 64 -> 256");
        assertEquals(new TensorShape(2048, 7, 7), plan.unit(plan.indexOf("4.2")).out());
    }

    @Test
    void multiplyAddsOfTheCifarStemAreCountedByHand() {
        // conv3x3, 3 -> 16 channels, on a 32x32 output: 9 * 3 * 16 * 1024 multiply-adds.
        assertEquals(9L * 3 * 16 * 32 * 32, NetworkPlan.of(Arch.RESNET20).stem().macs());
        // conv, BN and ReLU outputs of 16x32x32 floats.
        assertEquals(3L * 16 * 32 * 32 * 4, NetworkPlan.of(Arch.RESNET20).stem().activationBytes());
    }

    @Test
    void resNet50MultiplyAddsMatchThePublishedFourGigaMacs() {
        // torchvision lists ResNet-50 at 4.09 GMACs (reported as "GFLOPS") for 224x224.
        double gmacs = NetworkPlan.of(Arch.RESNET50).totalMacs() / 1e9;
        assertEquals(4.09, gmacs, 0.02);
    }

    @Test
    void stl10InputsKeepTheSameParametersButLargerMaps() {
        NetworkPlan plan = NetworkPlan.of(Arch.RESNET32, 96, 10);
        assertEquals(466906, plan.totalParams());
        assertEquals(new TensorShape(64, 24, 24), plan.unit(plan.indexOf("3.4")).out());
        assertTrue(plan.totalActivationBytes() > 8 * NetworkPlan.of(Arch.RESNET32).totalActivationBytes());
    }

    @Test
    void unknownNamesAreRejectedWithTheAcceptedList() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Arch.parse("resnet33"));
        assertTrue(e.getMessage().contains("resnet33") && e.getMessage().contains("resnet110"), e.getMessage());
        assertEquals(Arch.RESNET110, Arch.parse("ResNet-110"));
        IllegalArgumentException u = assertThrows(IllegalArgumentException.class,
                () -> NetworkPlan.of(Arch.RESNET32).indexOf("4.0"));
        assertTrue(u.getMessage().contains("'4.0'"), u.getMessage());
        assertFalse(NetworkPlan.of(Arch.RESNET18).stem().projection());
    }

    @Test
    void greyInputChangesOnlyTheStemConvolutionByTwoChannelsOfWeights() {
        NetworkPlan rgb = NetworkPlan.of(Arch.RESNET20, 32, 10);
        NetworkPlan grey = NetworkPlan.of(Arch.RESNET20, 32, 10, 1);
        assertEquals(new TensorShape(1, 32, 32), grey.input());
        assertEquals(new TensorShape(1, 32, 32), grey.stem().in());
        // conv3x3 1 -> 16 and BN(16): 9 * 16 + 2 * 16.
        assertEquals(176, grey.stem().params());
        assertEquals(2 * 9 * 16, rgb.totalParams() - grey.totalParams());
        assertEquals(9L * 1 * 16 * 32 * 32, grey.stem().macs());
        for (int i = 1; i < rgb.size(); i++) {
            assertEquals(rgb.unit(i).params(), grey.unit(i).params(), rgb.unit(i).name());
            assertEquals(rgb.unit(i).out(), grey.unit(i).out(), rgb.unit(i).name());
        }
        assertEquals(rgb.totalParams(), NetworkPlan.of(Arch.RESNET20, 32, 10, 3).totalParams(),
                "the three-argument plan is the RGB one");
    }

    @Test
    void anInputWithoutChannelsIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NetworkPlan.of(Arch.RESNET20, 32, 10, 0));
        assertEquals("an input needs at least 1 channel, got 0", e.getMessage());
    }
}
