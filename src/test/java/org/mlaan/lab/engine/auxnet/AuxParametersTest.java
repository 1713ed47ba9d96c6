package org.mlaan.lab.engine.auxnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.mlaan.lab.core.local.CopyInit;
import org.mlaan.lab.core.local.HeadKind;
import org.mlaan.lab.core.plan.Arch;
import org.mlaan.lab.core.plan.NetworkPlan;
import org.mlaan.lab.engine.net.Backbone;

class AuxParametersTest {
    private static final NetworkPlan R32 = NetworkPlan.of(Arch.RESNET32);

    @Test
    void namesEveryParameterByModuleAndRole() {
        try (NDManager m = NDManager.newBaseManager()) {
            Backbone backbone = Backbone.create(R32, m, 5);
            SplittableRandom r = new SplittableRandom(1);
            LeapStack leap = LeapStack.create(backbone, List.of("3.3", "3.4"), 1, 0.995, CopyInit.COPY, r, m);
            AuxHead g = AuxHeads.create(HeadKind.PROBE, R32.unit(R32.indexOf("3.2")).out(), 10, r, m);
            AuxHead h = AuxHeads.create(HeadKind.PROBE, R32.unit(R32.indexOf("3.4")).out(), 10, r, m);
            InfoProDecoder decoder = new InfoProDecoder(R32.unit(R32.indexOf("3.2")).out(), 32, 32, r);
            decoder.initialize(m);
            AuxParameters params = new AuxParameters()
                    .add(AuxParameters.prefix(3, ""), leap)
                    .add(AuxParameters.prefix(3, "g"), g)
                    .add(AuxParameters.prefix(3, "h"), h)
                    .add(AuxParameters.prefix(3, "decoder"), decoder);
            assertTrue(params.trainable().containsKey("aux.m3.leap0.01conv1_weight"));
            assertTrue(params.trainable().containsKey("aux.m3.leap1.01conv1_weight"));
            assertTrue(params.trainable().containsKey("aux.m3.g.01fc_weight"));
            assertTrue(params.trainable().containsKey("aux.m3.h.01fc_bias"));
            assertTrue(params.trainable().containsKey("aux.m3.decoder.01conv1_bias"));
            assertTrue(params.twins().containsKey("aux.m3.leap0.ema.01conv1_weight"));
            assertFalse(params.twins().containsKey("aux.m3.leap1.ema.01conv1_weight"));
            assertTrue(params.all().containsKey("aux.m3.leap0.ema.02bn1_runningMean"));
            assertTrue(params.all().containsKey("aux.m3.decoder.02bn1_runningVar"));
            for (String name : params.trainable().keySet()) {
                assertFalse(name.contains(".ema.") || name.contains("running"), name);
            }
            assertEquals(params.trainable().size() + params.twins().size()
                    + 3 * 4 /* two copies and one twin, two BNs of two running arrays each */ + 2 /* decoder BN */,
                    params.all().size());
            long expected = 2 * R32.unit(R32.indexOf("3.4")).params() + 2 * (64 * 10 + 10)
                    + (9 * 64 * 12 + 12) + 2 * 12 + (9 * 12 * 3 + 3);
            assertEquals(expected, params.trainableCount());
            assertEquals(R32.unit(R32.indexOf("3.3")).params(), params.twinCount());
        }
    }

    @Test
    void refusesTwoComponentsUnderOneName() {
        try (NDManager m = NDManager.newBaseManager()) {
            SplittableRandom r = new SplittableRandom(1);
            AuxHead g = AuxHeads.create(HeadKind.PROBE, R32.unit(1).out(), 10, r, m);
            AuxHead h = AuxHeads.create(HeadKind.PROBE, R32.unit(1).out(), 10, r, m);
            AuxParameters params = new AuxParameters().add(AuxParameters.prefix(0, "g"), g);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> params.add(AuxParameters.prefix(0, "g"), h));
            assertTrue(e.getMessage().contains("aux.m0.g.01fc_weight"), e.getMessage());
            assertEquals(2, params.trainable().size(), "nothing of the refused component was added");
        }
    }
}
