package org.mlaan.lab.engine.auxnet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.mlaan.lab.core.local.AugLocalLayout;
import org.mlaan.lab.core.local.HeadKind;
import org.mlaan.lab.core.plan.Arch;
import org.mlaan.lab.core.plan.NetworkPlan;
import org.mlaan.lab.core.plan.TensorShape;

class AuxHeadsTest {

    @ParameterizedTest
    @CsvSource({
        "probe, 16, 32", "probe, 32, 16", "probe, 64, 8", "probe, 256, 14",
        "dgl, 16, 32", "dgl, 32, 16", "dgl, 64, 8", "dgl, 256, 14",
        "infopro, 16, 32", "infopro, 32, 16", "infopro, 64, 8", "infopro, 256, 14",
        "infopro-2c2f, 16, 32", "infopro-2c2f, 32, 16", "infopro-2c2f, 64, 8", "infopro-2c2f, 256, 14"})
    void mapsAFeatureMapToOneLogitRowPerSample(String kind, int channels, int size) {
        try (NDManager m = NDManager.newBaseManager()) {
            AuxHead head = AuxHeads.create(HeadKind.parse(kind), new TensorShape(channels, size, size), 7,
                    new SplittableRandom(1), m);
            NDArray x = m.randomNormal(new Shape(3, channels, size, size));
            NDArray logits = head.forward(new ParameterStore(m, false), x, true);
            assertEquals(new Shape(3, 7), logits.getShape());
            assertTrue(Arrays.stream(toDoubles(logits)).allMatch(Double::isFinite));
        }
    }

    @Test
    void probeIsOneLinearLayer() {
        try (NDManager m = NDManager.newBaseManager()) {
            AuxHead head = AuxHeads.create(HeadKind.PROBE, new TensorShape(32, 16, 16), 10, new SplittableRandom(2), m);
            assertEquals(32 * 10 + 10, head.parameterCount());
        }
    }

    @Test
    void probeIsLinearOnTheChannelMeans() {
        try (NDManager m = NDManager.newBaseManager()) {
            AuxHead head = AuxHeads.create(HeadKind.PROBE, new TensorShape(2, 2, 2), 1, new SplittableRandom(2), m);
            float[] w = head.trainableParameters().get("01fc_weight").getArray().toFloatArray();
            float b = head.trainableParameters().get("01fc_bias").getArray().getFloat(0);
            // Channel means 2.5 and 10.
            NDArray x = m.create(new float[] {1, 2, 3, 4, 10, 10, 10, 10}, new Shape(1, 2, 2, 2));
            float logit = head.forward(new ParameterStore(m, false), x, false).getFloat(0, 0);
            assertEquals(2.5f * w[0] + 10f * w[1] + b, logit, 1e-5);
        }
    }

    @Test
    void dglHeadCountsAsTheReferenceLayers() {
        try (NDManager m = NDManager.newBaseManager()) {
            int c = 32;
            int classes = 10;
            AuxHead head = AuxHeads.create(HeadKind.DGL, new TensorShape(c, 16, 16), classes, new SplittableRandom(3), m);
            long convs = c * 128L + 128 * 128 + 128 * 128; // three conv1x1 without bias
            long convBn = 3 * 2 * 128;
            long mlp = (128 * 512 + 512) + (512 * 512 + 512) + (512 * 512 + 512); // with bias
            long mlpBn = 3 * 2 * 512;
            long classifier = 512L * classes + classes;
            assertEquals(convs + convBn + mlp + mlpBn + classifier, head.parameterCount());
        }
    }

    @Test
    void infoProHeadsCountAsTheReferenceLayers() {
        try (NDManager m = NDManager.newBaseManager()) {
            TensorShape in = new TensorShape(16, 32, 32);
            AuxHead one = AuxHeads.create(HeadKind.INFOPRO_1C2F, in, 10, new SplittableRandom(4), m);
            AuxHead two = AuxHeads.create(HeadKind.INFOPRO_2C2F, in, 10, new SplittableRandom(4), m);
            // conv3x3 16->32 + BN, FC 32->128, FC 128->10; 2c2f adds conv3x3 32->32 + BN.
            long oneConv = 9 * 16 * 32 + 2 * 32 + (32 * 128 + 128) + (128 * 10 + 10);
            assertEquals(oneConv, one.parameterCount());
            assertEquals(oneConv + 9 * 32 * 32 + 2 * 32, two.parameterCount());
            // From 64 channels on the width stays: conv3x3 256->256.
            AuxHead wide = AuxHeads.create(HeadKind.INFOPRO_1C2F, new TensorShape(256, 14, 14), 10,
                    new SplittableRandom(4), m);
            assertEquals(9 * 256 * 256 + 2 * 256 + (256 * 128 + 128) + (128 * 10 + 10), wide.parameterCount());
        }
    }

    @Test
    void augLocalHeadFollowsItsLayout() {
        NetworkPlan plan = NetworkPlan.of(Arch.RESNET32);
        try (NDManager m = NDManager.newBaseManager()) {
            AuxHead head = AuxHeads.augLocal(plan, 0, 3, new SplittableRandom(5));
            head.initialize(m);
            assertEquals(plan.unit(0).out(), head.input());
            assertEquals(AugLocalLayout.of(plan, 0, 3).params(), head.parameterCount());
            NDArray logits = head.forward(new ParameterStore(m, false), m.randomNormal(new Shape(2, 16, 32, 32)), true);
            assertEquals(new Shape(2, 10), logits.getShape());
            AuxHead shallow = AuxHeads.augLocal(plan, plan.indexOf("2.1"), 1, new SplittableRandom(5));
            shallow.initialize(m);
            assertEquals(AugLocalLayout.of(plan, plan.indexOf("2.1"), 1).params(), shallow.parameterCount());
            assertTrue(shallow.allParameters().containsKey("02bn1d_gamma"), shallow.allParameters().keySet().toString());
        }
    }

    @Test
    void augLocalOnABottleneckNetBuildsBottlenecksOfThePlannedShapes() {
        NetworkPlan plan = NetworkPlan.of(Arch.RESNET50, 64, 10);
        try (NDManager m = NDManager.newBaseManager()) {
            AuxHead head = AuxHeads.augLocal(plan, 0, 2, new SplittableRandom(5));
            head.initialize(m);
            assertEquals(AugLocalLayout.of(plan, 0, 2).params(), head.parameterCount());
            NDArray logits = head.forward(new ParameterStore(m, false), m.randomNormal(new Shape(2, 64, 16, 16)), true);
            assertEquals(new Shape(2, 10), logits.getShape());
        }
    }

    @Test
    void theSeedFixesTheWeights() {
        try (NDManager m = NDManager.newBaseManager()) {
            TensorShape in = new TensorShape(16, 8, 8);
            AuxHead a = AuxHeads.create(HeadKind.DGL, in, 10, new SplittableRandom(9), m);
            AuxHead b = AuxHeads.create(HeadKind.DGL, in, 10, new SplittableRandom(9), m);
            AuxHead c = AuxHeads.create(HeadKind.DGL, in, 10, new SplittableRandom(10), m);
            float[] wa = a.trainableParameters().get("01conv1_weight").getArray().toFloatArray();
            assertArrayEquals(wa, b.trainableParameters().get("01conv1_weight").getArray().toFloatArray());
            assertFalse(Arrays.equals(wa, c.trainableParameters().get("01conv1_weight").getArray().toFloatArray()));
        }
    }

    @Test
    void noneAndAugLocalAreNotBuiltByKindAlone() {
        TensorShape in = new TensorShape(16, 8, 8);
        assertThrows(IllegalArgumentException.class,
                () -> AuxHeads.create(HeadKind.NONE, in, 10, new SplittableRandom(1)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AuxHeads.create(HeadKind.AUGLOCAL, in, 10, new SplittableRandom(1)));
        assertTrue(e.getMessage().contains("augLocal"), e.getMessage());
    }

    static double[] toDoubles(NDArray a) {
        float[] f = a.toFloatArray();
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }
}
