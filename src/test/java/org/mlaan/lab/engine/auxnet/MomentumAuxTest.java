package org.mlaan.lab.engine.auxnet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.mlaan.lab.core.local.CopyInit;
import org.mlaan.lab.core.plan.Arch;
import org.mlaan.lab.core.plan.NetworkPlan;
import org.mlaan.lab.engine.net.Backbone;
import org.mlaan.lab.engine.net.NoGrad;

class MomentumAuxTest {
    private static final NetworkPlan R32 = NetworkPlan.of(Arch.RESNET32);

    @Test
    void theNextBlockRollsOverToTheNextStage() {
        assertEquals(R32.indexOf("2.0"), MomentumAux.nextBlock(R32, R32.indexOf("1.4")));
        assertEquals(R32.indexOf("2.3"), MomentumAux.nextBlock(R32, R32.indexOf("2.2")));
        assertEquals(R32.indexOf("1.0"), MomentumAux.nextBlock(R32, R32.indexOf("stem")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MomentumAux.nextBlock(R32, R32.indexOf("3.4")));
        assertTrue(e.getMessage().contains("3.4"), e.getMessage());
    }

    @Test
    void manPlusPlusWithItsInitialScaleComputesMan() {
        try (NDManager m = NDManager.newBaseManager()) {
            Backbone backbone = Backbone.create(R32, m, 5);
            int end = R32.indexOf("1.4");
            MomentumAux man = MomentumAux.create(backbone, end, MomentumAux.Variant.MAN, 0.995,
                    MomentumAux.DEFAULT_INIT, new SplittableRandom(8), m);
            MomentumAux plus = MomentumAux.create(backbone, end, MomentumAux.Variant.MAN_PLUS_PLUS, 0.995,
                    MomentumAux.DEFAULT_INIT, new SplittableRandom(8), m);
            ParameterStore ps = new ParameterStore(m, false);
            NDArray x = m.randomNormal(new Shape(2, 16, 32, 32));
            NDArray y = man.forward(ps, x, true);
            assertEquals(new Shape(2, 32, 16, 16), y.getShape());
            NDArray sum = man.learnable().forward(ps, x, true).add(man.twin().forward(ps, x, true));
            assertArrayEquals(sum.toFloatArray(), y.toFloatArray(), 1e-6f);
            assertEquals(1f, plus.scale().getArray().getFloat(0));
            assertArrayEquals(y.toFloatArray(), plus.forward(ps, x, true).toFloatArray(), 1e-5f);
        }
    }

    @Test
    void theScaleGetsTheGradientOfTheMixAndTheTwinGetsNone() {
        try (NDManager m = NDManager.newBaseManager()) {
            Backbone backbone = Backbone.create(R32, m, 5);
            MomentumAux plus = MomentumAux.create(backbone, R32.indexOf("2.2"), MomentumAux.Variant.MAN_PLUS_PLUS,
                    0.995, CopyInit.REINIT, new SplittableRandom(9), m);
            try (NoGrad noGrad = NoGrad.enter()) {
                plus.scale().getArray().muli(0.7f);
            }
            ParameterStore ps = new ParameterStore(m, false);
            NDArray x = m.randomNormal(new Shape(2, 32, 16, 16));
            float lb = plus.learnable().forward(ps, x, false).sum().getFloat();
            float ema = plus.twin().forward(ps, x, false).sum().getFloat();
            NDArray y;
            try (GradientCollector collector = m.getEngine().newGradientCollector()) {
                y = plus.forward(ps, x, false);
                collector.backward(y.sum());
            }
            // d/ds sum(s*LB + (2-s)*EMA) = sum(LB) - sum(EMA); and the value mixes 0.7 and 1.3.
            assertEquals(lb - ema, Grads.of(plus.scale())[0], 1e-3 * (Math.abs(lb) + Math.abs(ema)));
            assertEquals(0.7 * lb + 1.3 * ema, y.sum().getFloat(), 1e-3 * (Math.abs(lb) + Math.abs(ema)));
            for (Parameter p : plus.twin().allParameters().values()) {
                assertEquals(0.0, Grads.l1(Grads.of(p)), "twin " + p.getName());
            }
            assertTrue(Grads.l1(Grads.of(plus.learnable().allParameters().get("01conv1_weight"))) > 0);
        }
    }

    @Test
    void reinitDrawsBothBlocksAfreshAndCopyTakesTheLiveOne() {
        try (NDManager m = NDManager.newBaseManager()) {
            Backbone backbone = Backbone.create(R32, m, 5);
            int end = R32.indexOf("3.0");
            float[] live = backbone.unit(end + 1).getParameters().get("01conv1_weight").getArray().toFloatArray();
            MomentumAux fresh = MomentumAux.create(backbone, end, MomentumAux.Variant.MAN, 0.995, CopyInit.REINIT,
                    new SplittableRandom(9), m);
            float[] lb = fresh.learnable().allParameters().get("01conv1_weight").getArray().toFloatArray();
            float[] ema = fresh.twin().allParameters().get("01conv1_weight").getArray().toFloatArray();
            assertTrue(Grads.maxAbsDifference(live, lb) > 0.01);
            assertTrue(Grads.maxAbsDifference(lb, ema) > 0.01, "LB and EMA are drawn independently");
            MomentumAux copied = MomentumAux.create(backbone, end, MomentumAux.Variant.MAN, 0.995, CopyInit.COPY,
                    new SplittableRandom(9), m);
            assertArrayEquals(live, copied.learnable().allParameters().get("01conv1_weight").getArray().toFloatArray());
            assertArrayEquals(live, copied.twin().allParameters().get("01conv1_weight").getArray().toFloatArray());
        }
    }

    @Test
    void theTwinFollowsTheLiveNextBlock() {
        try (NDManager m = NDManager.newBaseManager()) {
            Backbone backbone = Backbone.create(R32, m, 5);
            MomentumAux man = MomentumAux.create(backbone, R32.indexOf("1.4"), MomentumAux.Variant.MAN, 0.5,
                    CopyInit.REINIT, new SplittableRandom(9), m);
            float[] live = backbone.unit(R32.indexOf("2.0")).getParameters().valueAt(0).getArray().toFloatArray();
            Parameter twinWeight = man.twinParameters().get("ema.01conv1_weight");
            float[] before = twinWeight.getArray().toFloatArray();
            man.updateTwin(backbone);
            float[] after = twinWeight.getArray().toFloatArray();
            for (int i = 0; i < after.length; i++) {
                assertEquals(0.5 * before[i] + 0.5 * live[i], after[i], 1e-6);
            }
        }
    }

    @Test
    void onlyManPlusPlusHasALearnableScale() {
        try (NDManager m = NDManager.newBaseManager()) {
            Backbone backbone = Backbone.create(R32, m, 5);
            MomentumAux man = MomentumAux.create(backbone, 0, MomentumAux.Variant.MAN, 0.995, CopyInit.REINIT,
                    new SplittableRandom(9), m);
            MomentumAux plus = MomentumAux.create(backbone, 0, MomentumAux.Variant.MAN_PLUS_PLUS, 0.995,
                    CopyInit.REINIT, new SplittableRandom(9), m);
            assertNull(man.scale());
            assertFalse(man.trainableParameters().containsKey("s"));
            assertTrue(plus.trainableParameters().containsKey("s"));
            assertEquals(man.trainableParameters().size() + 1, plus.trainableParameters().size());
            assertEquals(R32.unit(R32.indexOf("1.0")).params() + 1, Grads.count(plus.trainableParameters()));
            assertEquals(R32.unit(R32.indexOf("1.0")).params(), Grads.count(plus.twinParameters()));
        }
    }
}
