package org.mlaan.lab.engine.auxnet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.mlaan.lab.core.local.CopyInit;
import org.mlaan.lab.core.plan.Arch;
import org.mlaan.lab.core.plan.NetworkPlan;
import org.mlaan.lab.engine.net.Backbone;
import org.mlaan.lab.engine.net.NoGrad;

class LeapStackTest {
    private static final NetworkPlan R32 = NetworkPlan.of(Arch.RESNET32);

    @Test
    void theInputGetsGradientThroughTheCopyAndTheTwinAndTheTwinGetsNone() {
        try (NDManager m = NDManager.newBaseManager()) {
            Backbone backbone = Backbone.create(R32, m, 5);
            LeapStack stack = LeapStack.create(backbone, List.of("3.1"), 1, 0.995, CopyInit.REINIT,
                    new SplittableRandom(3), m);
            ParameterStore ps = new ParameterStore(m, false);
            NDArray z = m.randomNormal(new Shape(4, 64, 8, 8));
            float[] both = inputGradient(m, z, h -> stack.forward(ps, h, true));
            for (Parameter p : stack.twins().get(0).allParameters().values()) {
                assertEquals(0.0, Grads.l1(Grads.of(p)), "twin " + p.getName());
            }
            for (Parameter p : stack.trainableParameters().values()) {
                assertTrue(Grads.l1(Grads.of(p)) > 0, "trainable " + p.getName());
            }
            float[] copyOnly = inputGradient(m, z, h -> stack.copies().get(0).forward(ps, h, true));
            float[] twinOnly = inputGradient(m, z, h -> stack.twins().get(0).forward(ps, h, true));
            assertTrue(Grads.l1(twinOnly) > 0.01 * Grads.l1(both), "the twin's branch carries gradient");
            for (int i = 0; i < both.length; i++) {
                assertEquals(copyOnly[i] + twinOnly[i], both[i], 1e-4, "input gradient [" + i + "]");
            }
        }
    }

    @Test
    void forwardAddsTheTwinsToTheFirstPCopiesOnly() {
        try (NDManager m = NDManager.newBaseManager()) {
            Backbone backbone = Backbone.create(R32, m, 5);
            LeapStack stack = LeapStack.create(backbone, List.of("3.1", "3.2", "3.3"), 2, 0.995, CopyInit.REINIT,
                    new SplittableRandom(4), m);
            ParameterStore ps = new ParameterStore(m, false);
            NDArray z = m.randomNormal(new Shape(2, 64, 8, 8));
            List<BlockCopy> a = stack.copies();
            List<EmaTwin> e = stack.twins();
            assertEquals(2, e.size());
            NDArray h = a.get(0).forward(ps, z, false).add(e.get(0).forward(ps, z, false));
            h = a.get(1).forward(ps, h, false).add(e.get(1).forward(ps, h, false));
            h = a.get(2).forward(ps, h, false);
            assertArrayEquals(h.toFloatArray(), stack.forward(ps, z, false).toFloatArray(), 1e-6f);
        }
    }

    @Test
    void twinsFollowTheLiveBlocksNotTheTrainableCopies() {
        try (NDManager m = NDManager.newBaseManager()) {
            Backbone backbone = Backbone.create(R32, m, 5);
            LeapStack stack = LeapStack.create(backbone, List.of("3.2", "3.4"), 1, 0.9, CopyInit.COPY,
                    new SplittableRandom(4), m);
            Map<String, Parameter> twin = stack.twins().get(0).averagedParameters();
            Map<String, Parameter> copy = stack.copies().get(0).allParameters();
            Map<String, Parameter> live = backbone.unit(R32.indexOf("3.2")).getParameters().toMap();
            String w = "01conv1_weight";
            float[] start = twin.get(w).getArray().toFloatArray();
            assertArrayEquals(live.get(w).getArray().toFloatArray(), start, "COPY: the twin starts as the live block");
            assertArrayEquals(copy.get(w).getArray().toFloatArray(), start, "COPY: so does the trainable copy");
            try (NoGrad noGrad = NoGrad.enter()) {
                live.get(w).getArray().muli(3);
                copy.get(w).getArray().addi(1);
            }
            stack.updateTwins(backbone);
            float[] after = twin.get(w).getArray().toFloatArray();
            for (int i = 0; i < after.length; i++) {
                assertEquals(0.9f * start[i] + 0.1f * 3 * start[i], after[i], 1e-6);
            }
        }
    }

    @Test
    void countsAsThePlanUnitsItCopies() {
        try (NDManager m = NDManager.newBaseManager()) {
            Backbone backbone = Backbone.create(R32, m, 5);
            List<String> blocks = List.of("2.0", "3.0", "3.2", "3.4");
            long planned = 0;
            for (String b : blocks) {
                planned += R32.unit(R32.indexOf(b)).params();
            }
            LeapStack all = LeapStack.create(backbone, blocks, 4, 0.995, CopyInit.COPY, new SplittableRandom(1), m);
            AuxParameters fourTwins = new AuxParameters().add(AuxParameters.prefix(1, ""), all);
            assertEquals(planned, fourTwins.trainableCount());
            assertEquals(planned, fourTwins.twinCount());
            LeapStack one = LeapStack.create(backbone, blocks, org.mlaan.lab.core.local.MethodDefaults.EMA_TWINS, 0.995, CopyInit.COPY,
                    new SplittableRandom(1), m);
            AuxParameters oneTwin = new AuxParameters().add(AuxParameters.prefix(1, ""), one);
            assertEquals(planned, oneTwin.trainableCount());
            assertEquals(R32.unit(R32.indexOf("2.0")).params(), oneTwin.twinCount());
            assertEquals(R32.unit(R32.indexOf("1.4")).out(), one.input());
            assertEquals(R32.unit(R32.indexOf("3.4")).out(), one.output());
            assertEquals(new Shape(2, 64, 8, 8),
                    one.forward(new ParameterStore(m, false), m.randomNormal(new Shape(2, 16, 32, 32)), true).getShape());
        }
    }

    @Test
    void theOptimiserNeverSeesATwin() {
        try (NDManager m = NDManager.newBaseManager()) {
            Backbone backbone = Backbone.create(R32, m, 5);
            LeapStack stack = LeapStack.create(backbone, List.of("2.0", "3.0", "3.2", "3.4"), 4, 0.995,
                    CopyInit.COPY, new SplittableRandom(1), m);
            List<Parameter> twinParams = new ArrayList<>();
            for (EmaTwin t : stack.twins()) {
                twinParams.addAll(t.allParameters().values());
            }
            assertEquals(4 * 10 + 2 * 5, twinParams.size(), "2 convs and 2 BNs of 4 arrays per block; conv + BN per projection");
            for (Parameter p : stack.trainableParameters().values()) {
                assertFalse(twinParams.contains(p), p.getName());
                assertTrue(p.requiresGradient());
            }
            for (String name : stack.trainableParameters().keySet()) {
                assertFalse(name.contains(".ema."), name);
                assertFalse(name.contains("running"), name);
            }
            for (String name : stack.twinParameters().keySet()) {
                assertTrue(name.matches("leap[0-3]\\.ema\\..*"), name);
            }
        }
    }

    @Test
    void refusesStacksThatCannotRun() {
        try (NDManager m = NDManager.newBaseManager()) {
            Backbone backbone = Backbone.create(R32, m, 5);
            SplittableRandom r = new SplittableRandom(1);
            IllegalArgumentException chain = assertThrows(IllegalArgumentException.class,
                    () -> LeapStack.create(backbone, List.of("3.1", "2.1"), 1, 0.995, CopyInit.COPY, r, m));
            assertTrue(chain.getMessage().contains("2.1"), chain.getMessage());
            assertThrows(IllegalArgumentException.class,
                    () -> LeapStack.create(backbone, List.of("head"), 1, 0.995, CopyInit.COPY, r, m));
            assertThrows(IllegalArgumentException.class,
                    () -> LeapStack.create(backbone, List.of(), 0, 0.995, CopyInit.COPY, r, m));
            assertThrows(IllegalArgumentException.class,
                    () -> LeapStack.create(backbone, List.of("3.1", "3.2"), 3, 0.995, CopyInit.COPY, r, m));
        }
    }

    @Test
    void aRepeatedBlockGetsACopyPerEntry() {
        try (NDManager m = NDManager.newBaseManager()) {
            Backbone backbone = Backbone.create(R32, m, 5);
            LeapStack stack = LeapStack.create(backbone, List.of("3.3", "3.3"), 1, 0.995, CopyInit.COPY,
                    new SplittableRandom(1), m);
            assertNotNull(stack.trainableParameters().get("leap1.01conv1_weight"));
            assertFalse(stack.trainableParameters().get("leap0.01conv1_weight")
                    == stack.trainableParameters().get("leap1.01conv1_weight"));
        }
    }

    /** The gradient of sum(f(z)) with respect to a fresh copy of z. */
    private static float[] inputGradient(NDManager m, NDArray z, Function<NDArray, NDArray> f) {
        NDArray input = z.duplicate();
        input.setRequiresGradient(true);
        try (GradientCollector collector = m.getEngine().newGradientCollector()) {
            collector.backward(f.apply(input).sum());
        }
        return Grads.of(input);
    }
}
