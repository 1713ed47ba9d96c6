package org.mlaan.lab.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.mlaan.lab.core.plan.Arch;
import org.mlaan.lab.core.plan.NetworkPlan;
import org.mlaan.lab.core.plan.TensorShape;
import org.mlaan.lab.core.plan.Unit;
import org.mlaan.lab.engine.net.Backbone;
import org.mlaan.lab.engine.net.ResNetLayers;
import org.mlaan.lab.engine.net.UnitBlock;

class BackboneTest {

    @ParameterizedTest
    @CsvSource({"resnet20, 32", "resnet32, 32", "resnet18, 64", "resnet50, 64"})
    void everyUnitOutputHasThePlanShape(String arch, int size) {
        NetworkPlan plan = NetworkPlan.of(Arch.parse(arch), size, 10);
        try (NDManager m = NDManager.newBaseManager()) {
            Backbone net = Backbone.create(plan, m, 1);
            ParameterStore ps = new ParameterStore(m, false);
            NDArray h = m.randomNormal(new Shape(2, 3, size, size));
            assertEquals(plan.size(), net.numUnits());
            for (int i = 0; i < net.numUnits(); i++) {
                h = net.forward(ps, h, i, i, true);
                TensorShape expected = plan.unit(i).out();
                Shape want = expected.isVector() ? new Shape(2, expected.channels())
                        : new Shape(2, expected.channels(), expected.height(), expected.width());
                assertEquals(want, h.getShape(), "unit " + plan.unit(i).name());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Arch.class)
    void trainableParameterCountEqualsThePlan(Arch arch) {
        NetworkPlan plan = NetworkPlan.of(arch);
        try (NDManager m = NDManager.newBaseManager()) {
            Backbone net = Backbone.create(plan, m, 7);
            assertEquals(plan.totalParams(), net.trainableParameterCount());
        }
    }

    @Test
    void eachUnitHoldsThePlanUnitsParameters() {
        NetworkPlan plan = NetworkPlan.of(Arch.RESNET32);
        try (NDManager m = NDManager.newBaseManager()) {
            Backbone net = Backbone.create(plan, m, 7);
            for (int i = 0; i < net.numUnits(); i++) {
                long n = 0;
                for (var p : net.unit(i).getParameters()) {
                    if (p.getValue().requiresGradient()) {
                        n += p.getValue().getArray().size();
                    }
                }
                assertEquals(plan.unit(i).params(), n, plan.unit(i).name());
            }
        }
    }

    @Test
    void convolutionWeightsAreHeNormalWithFanOut() {
        NetworkPlan plan = NetworkPlan.of(Arch.RESNET32);
        try (NDManager m = NDManager.newBaseManager()) {
            Backbone net = Backbone.create(plan, m, 3);
            // Block 3.4's second conv: 64 x 64 x 3 x 3 = 36864 values, std sqrt(2 / (9 * 64)).
            float[] w = weight(net, "3.4", "conv2").toFloatArray();
            assertEquals(36864, w.length);
            double expectedStd = Math.sqrt(2.0 / (9 * 64));
            assertEquals(0.0, mean(w), expectedStd * 0.03);
            assertEquals(expectedStd, std(w), expectedStd * 0.03);
            // The stem: 16 x 3 x 3 x 3, std sqrt(2 / (9 * 16)), a different scale.
            float[] stem = weight(net, "stem", "conv").toFloatArray();
            assertEquals(Math.sqrt(2.0 / (9 * 16)), std(stem), Math.sqrt(2.0 / (9 * 16)) * 0.15);
        }
    }

    @Test
    void linearHeadIsUniformWithinOneOverSqrtFanIn() {
        NetworkPlan plan = NetworkPlan.of(Arch.RESNET50, 64, 100);
        try (NDManager m = NDManager.newBaseManager()) {
            Backbone net = Backbone.create(plan, m, 3);
            float[] w = weight(net, "head", "fc").toFloatArray();
            double bound = 1 / Math.sqrt(2048);
            assertEquals(2048 * 100, w.length);
            for (float v : w) {
                assertTrue(Math.abs(v) <= bound, "weight " + v + " outside +-" + bound);
            }
            // U(-b, b) has standard deviation b / sqrt(3).
            assertEquals(bound / Math.sqrt(3), std(w), bound / Math.sqrt(3) * 0.02);
            float[] bias = param(net, "head", "fc", "bias").toFloatArray();
            assertEquals(100, bias.length);
            for (float v : bias) {
                assertTrue(Math.abs(v) <= bound);
            }
            assertTrue(std(bias) > bound / 4, "bias is drawn, not zero");
        }
    }

    @Test
    void batchNormStartsAtGammaOneBetaZero() {
        try (NDManager m = NDManager.newBaseManager()) {
            Backbone net = Backbone.create(NetworkPlan.of(Arch.RESNET20), m, 3);
            for (Map.Entry<String, Parameter> e : net.namedParameters().entrySet()) {
                float[] v = e.getValue().getArray().toFloatArray();
                if (e.getKey().endsWith("gamma") || e.getKey().endsWith("runningVar")) {
                    for (float x : v) {
                        assertEquals(1f, x, e.getKey());
                    }
                } else if (e.getKey().endsWith("beta") || e.getKey().endsWith("runningMean")) {
                    for (float x : v) {
                        assertEquals(0f, x, e.getKey());
                    }
                }
            }
        }
    }

    @Test
    void sameSeedGivesTheSameWeightsAndAnotherSeedDoesNot() {
        NetworkPlan plan = NetworkPlan.of(Arch.RESNET20);
        try (NDManager m = NDManager.newBaseManager()) {
            Backbone a = Backbone.create(plan, m, 11);
            Backbone b = Backbone.create(plan, m, 11);
            Backbone c = Backbone.create(plan, m, 12);
            float[] wa = weight(a, "2.0", "conv1").toFloatArray();
            assertArrayEquals(wa, weight(b, "2.0", "conv1").toFloatArray());
            assertArrayEquals(weight(a, "head", "fc").toFloatArray(), weight(b, "head", "fc").toFloatArray());
            assertFalse(java.util.Arrays.equals(wa, weight(c, "2.0", "conv1").toFloatArray()));
        }
    }

    @Test
    void batchNormRunningStatisticsFollowPyTorchMomentumPointOne() {
        try (NDManager m = NDManager.newBaseManager()) {
            BatchNorm bn = ResNetLayers.batchNorm();
            bn.initialize(m, ai.djl.ndarray.types.DataType.FLOAT32, new Shape(4, 1, 1, 1));
            // One channel, batch of 4 values: mean 2.5, unbiased variance 5/3.
            NDArray x = m.create(new float[] {1, 2, 3, 4}, new Shape(4, 1, 1, 1));
            bn.forward(new ParameterStore(m, false), new ai.djl.ndarray.NDList(x), true);
            float runningMean = bn.getParameters().get("runningMean").getArray().getFloat(0);
            float runningVar = bn.getParameters().get("runningVar").getArray().getFloat(0);
            assertEquals(0.9 * 0 + 0.1 * 2.5, runningMean, 1e-6);
            assertEquals(0.9 * 1 + 0.1 * (5.0 / 3), runningVar, 1e-6);
        }
    }

    @Test
    void runningTwoRangesEqualsRunningTheWholeChain() {
        NetworkPlan plan = NetworkPlan.of(Arch.RESNET20, 16, 10);
        try (NDManager m = NDManager.newBaseManager()) {
            Backbone net = Backbone.create(plan, m, 5);
            ParameterStore ps = new ParameterStore(m, false);
            NDArray x = m.randomNormal(new Shape(3, 3, 16, 16));
            int cut = plan.indexOf("2.0");
            NDArray mid = net.forward(ps, x, 0, cut, false);
            NDArray split = net.forward(ps, mid, cut + 1, net.numUnits() - 1, false);
            NDArray whole = net.forward(ps, x, false);
            assertArrayEquals(whole.toFloatArray(), split.toFloatArray(), 0f);
            assertEquals(new Shape(3, 10), whole.getShape());
        }
    }

    private static NDArray weight(Backbone net, String unit, String layer) {
        return param(net, unit, layer, "weight");
    }

    private static NDArray param(Backbone net, String unit, String layer, String name) {
        UnitBlock block = net.unit(net.plan().indexOf(unit));
        for (var p : block.getParameters()) {
            if (p.getKey().matches("\\d\\d" + layer + "_" + name)) {
                return p.getValue().getArray();
            }
        }
        throw new AssertionError("no " + layer + "_" + name + " in " + unit + ": " + block.getParameters().keys());
    }

    private static double mean(float[] v) {
        double s = 0;
        for (float x : v) {
            s += x;
        }
        return s / v.length;
    }

    private static double std(float[] v) {
        double mu = mean(v);
        double s = 0;
        for (float x : v) {
            s += (x - mu) * (x - mu);
        }
        return Math.sqrt(s / v.length);
    }

    @SuppressWarnings("unused")
    private static Unit unit(NetworkPlan plan, String name) {
        return plan.unit(plan.indexOf(name));
    }

    @Test
    void greyPlanBuildsAStemConvolutionOfOneInputChannel() {
        NetworkPlan grey = NetworkPlan.of(Arch.RESNET20, 28, 10, 1);
        try (NDManager m = NDManager.newBaseManager()) {
            Backbone net = Backbone.create(grey, m, 7);
            assertEquals(grey.totalParams(), net.trainableParameterCount());
            assertEquals(NetworkPlan.of(Arch.RESNET20, 28, 10).totalParams() - 2 * 9 * 16,
                    net.trainableParameterCount());
            Shape stemWeight = null;
            for (var p : net.unit(0).getParameters()) {
                if (p.getValue().getArray().getShape().dimension() == 4) {
                    stemWeight = p.getValue().getArray().getShape();
                }
            }
            assertEquals(new Shape(16, 1, 3, 3), stemWeight);
            NDArray logits = net.forward(new ParameterStore(m, false), m.randomNormal(new Shape(2, 1, 28, 28)), false);
            assertEquals(new Shape(2, 10), logits.getShape());
        }
    }
}
