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
import ai.djl.training.ParameterStore;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.mlaan.lab.core.local.CopyInit;
import org.mlaan.lab.core.plan.Arch;
import org.mlaan.lab.core.plan.NetworkPlan;
import org.mlaan.lab.engine.net.Backbone;
import org.mlaan.lab.engine.net.NoGrad;
import org.mlaan.lab.engine.net.UnitBlock;

class BlockCopyTest {
    private static final NetworkPlan R32 = NetworkPlan.of(Arch.RESNET32);

    @Test
    void aCopyComputesWhatTheLiveBlockComputesAndAReinitDoesNot() {
        try (NDManager m = NDManager.newBaseManager()) {
            Backbone backbone = Backbone.create(R32, m, 5);
            ParameterStore ps = new ParameterStore(m, false);
            int unit = R32.indexOf("2.0");
            UnitBlock live = backbone.unit(unit);
            // Move the live running statistics off their initial values, so eval mode tests them too.
            for (int i = 0; i < 3; i++) {
                live.forward(ps, m.randomNormal(new Shape(4, 16, 32, 32)), true);
            }
            BlockCopy copy = BlockCopy.of(backbone, unit, CopyInit.COPY, new SplittableRandom(1), m);
            BlockCopy fresh = BlockCopy.of(backbone, unit, CopyInit.REINIT, new SplittableRandom(1), m);
            NDArray x = m.randomNormal(new Shape(2, 16, 32, 32));
            float[] expected = live.forward(ps, x, false).toFloatArray();
            assertArrayEquals(expected, copy.forward(ps, x, false).toFloatArray(), 1e-6f);
            assertTrue(Grads.maxAbsDifference(expected, fresh.forward(ps, x, false).toFloatArray()) > 0.1);
        }
    }

    @Test
    void aCopyOwnsItsParameters() {
        try (NDManager m = NDManager.newBaseManager()) {
            Backbone backbone = Backbone.create(R32, m, 5);
            int unit = R32.indexOf("3.1");
            BlockCopy copy = BlockCopy.of(backbone, unit, CopyInit.COPY, new SplittableRandom(1), m);
            Parameter liveWeight = backbone.unit(unit).getParameters().valueAt(0);
            float[] before = liveWeight.getArray().toFloatArray();
            try (NoGrad noGrad = NoGrad.enter()) {
                copy.allParameters().values().iterator().next().getArray().muli(2);
            }
            assertArrayEquals(before, liveWeight.getArray().toFloatArray());
            assertEquals(R32.unit(unit).params(), copy.parameterCount());
            assertEquals(R32.unit(unit).params(), Grads.count(copy.trainableParameters()));
        }
    }

    @Test
    void copyingFromADifferentBlockIsRefused() {
        try (NDManager m = NDManager.newBaseManager()) {
            Backbone backbone = Backbone.create(R32, m, 5);
            BlockCopy copy = BlockCopy.of(backbone, R32.indexOf("2.0"), CopyInit.REINIT, new SplittableRandom(1), m);
            // 2.1 has no projection shortcut: fewer parameters.
            assertThrows(IllegalArgumentException.class, () -> copy.copyFrom(backbone.unit(R32.indexOf("2.1"))));
            // 2.1 and 2.2 are built alike, so their values can be copied into each other's copies.
            BlockCopy other = BlockCopy.of(backbone, R32.indexOf("2.2"), CopyInit.REINIT, new SplittableRandom(1), m);
            other.copyFrom(backbone.unit(R32.indexOf("2.1")));
            Map<String, Parameter> live = backbone.unit(R32.indexOf("2.1")).getParameters().toMap();
            for (Map.Entry<String, Parameter> e : other.allParameters().entrySet()) {
                assertArrayEquals(live.get(e.getKey()).getArray().toFloatArray(), e.getValue().getArray().toFloatArray());
            }
            assertFalse(other.allParameters().isEmpty());
        }
    }
}
