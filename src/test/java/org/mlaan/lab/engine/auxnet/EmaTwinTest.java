package org.mlaan.lab.engine.auxnet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.mlaan.lab.core.local.CopyInit;
import org.mlaan.lab.core.plan.Arch;
import org.mlaan.lab.core.plan.NetworkPlan;
import org.mlaan.lab.engine.net.Backbone;
import org.mlaan.lab.engine.net.UnitBlock;

class EmaTwinTest {
    private static final NetworkPlan R32 = NetworkPlan.of(Arch.RESNET32);

    @Test
    void updateMovesEveryAveragedValueByTheMomentumTowardsTheLiveBlock() {
        try (NDManager m = NDManager.newBaseManager()) {
            Backbone backbone = Backbone.create(R32, m, 5);
            int unit = R32.indexOf("3.1");
            EmaTwin twin = EmaTwin.of(backbone, unit, CopyInit.REINIT, 0.9, new SplittableRandom(2), m);
            Map<String, Parameter> live = backbone.unit(unit).getParameters().toMap();
            List<float[]> old = new ArrayList<>();
            for (Parameter p : twin.averagedParameters().values()) {
                old.add(p.getArray().toFloatArray());
            }
            twin.update(backbone.unit(unit));
            int i = 0;
            double moved = 0;
            for (Map.Entry<String, Parameter> e : twin.averagedParameters().entrySet()) {
                float[] before = old.get(i++);
                float[] source = live.get(e.getKey()).getArray().toFloatArray();
                float[] after = e.getValue().getArray().toFloatArray();
                for (int k = 0; k < after.length; k++) {
                    assertEquals(0.9 * before[k] + 0.1 * source[k], after[k], 1e-6, e.getKey() + "[" + k + "]");
                    moved += Math.abs(after[k] - before[k]);
                }
            }
            assertEquals(6, i, "conv1, bn1 gamma and beta, conv2, bn2 gamma and beta");
            assertTrue(moved > 1, "a re-initialised twin starts away from the live block");
        }
    }

    @Test
    void updateLeavesTheRunningStatisticsAlone() {
        try (NDManager m = NDManager.newBaseManager()) {
            Backbone backbone = Backbone.create(R32, m, 5);
            int unit = R32.indexOf("3.1");
            UnitBlock live = backbone.unit(unit);
            EmaTwin twin = EmaTwin.of(backbone, unit, CopyInit.COPY, 0.5, new SplittableRandom(2), m);
            ParameterStore ps = new ParameterStore(m, false);
            live.forward(ps, m.randomNormal(new Shape(4, 64, 8, 8)).add(3), true);
            twin.forward(ps, m.randomNormal(new Shape(4, 64, 8, 8)), true);
            Map<String, float[]> before = runningStatistics(twin);
            assertEquals(4, before.size());
            twin.update(live);
            Map<String, Parameter> liveParams = live.getParameters().toMap();
            for (Map.Entry<String, float[]> e : before.entrySet()) {
                float[] now = twin.allParameters().get(e.getKey()).getArray().toFloatArray();
                assertArrayEquals(e.getValue(), now, e.getKey());
                assertTrue(Grads.maxAbsDifference(now, liveParams.get(e.getKey()).getArray().toFloatArray()) > 1e-3,
                        "live " + e.getKey() + " differs, so averaging it would have shown");
            }
        }
    }

    @Test
    void anUpdateRecordsNoGraphEvenInsideACollector() {
        try (NDManager m = NDManager.newBaseManager()) {
            Backbone backbone = Backbone.create(R32, m, 5);
            int unit = R32.indexOf("3.1");
            UnitBlock live = backbone.unit(unit);
            EmaTwin twin = EmaTwin.of(backbone, unit, CopyInit.REINIT, 0.9, new SplittableRandom(2), m);
            for (Parameter p : twin.allParameters().values()) {
                assertFalse(p.requiresGradient(), p.getName());
            }
            try (GradientCollector collector = m.getEngine().newGradientCollector()) {
                twin.update(live);
            }
            // Had the update been recorded, the twin's weights would carry (1-m)*live in their
            // history, and a loss on the twin's output would send gradient into the live block.
            try (GradientCollector collector = m.getEngine().newGradientCollector()) {
                NDArray x = m.randomNormal(new Shape(2, 64, 8, 8));
                x.setRequiresGradient(true);
                collector.backward(twin.forward(new ParameterStore(m, false), x, true).sum());
                assertTrue(Grads.l1(Grads.of(x)) > 0, "the input still gets gradient");
            }
            for (Parameter p : live.getParameters().values()) {
                assertEquals(0.0, Grads.l1(Grads.of(p)), "live " + p.getName());
            }
            for (Parameter p : twin.allParameters().values()) {
                assertEquals(0.0, Grads.l1(Grads.of(p)), "twin " + p.getName());
            }
        }
    }

    @Test
    void aTwinFollowsOnlyItsOwnBlock() {
        try (NDManager m = NDManager.newBaseManager()) {
            Backbone backbone = Backbone.create(R32, m, 5);
            EmaTwin twin = EmaTwin.of(backbone, R32.indexOf("3.1"), CopyInit.COPY, 0.9, new SplittableRandom(2), m);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> twin.update(backbone.unit(R32.indexOf("3.2"))));
            assertTrue(e.getMessage().contains("3.1") && e.getMessage().contains("3.2"), e.getMessage());
            assertThrows(IllegalArgumentException.class,
                    () -> EmaTwin.of(backbone, R32.indexOf("3.1"), CopyInit.COPY, 1.5, new SplittableRandom(2), m));
        }
    }

    private static Map<String, float[]> runningStatistics(EmaTwin twin) {
        Map<String, float[]> out = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, Parameter> e : twin.allParameters().entrySet()) {
            if (e.getKey().endsWith("runningMean") || e.getKey().endsWith("runningVar")) {
                out.put(e.getKey(), e.getValue().getArray().toFloatArray());
            }
        }
        return out;
    }
}
