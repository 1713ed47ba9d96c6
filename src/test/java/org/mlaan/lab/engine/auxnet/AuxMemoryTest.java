package org.mlaan.lab.engine.auxnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.mlaan.lab.core.local.CopyInit;
import org.mlaan.lab.core.local.HeadKind;
import org.mlaan.lab.core.plan.Arch;
import org.mlaan.lab.core.plan.NetworkPlan;
import org.mlaan.lab.data.Normalization;
import org.mlaan.lab.engine.NesterovSgd;
import org.mlaan.lab.engine.net.Backbone;

/**
 * Every aux component in one training loop, the way the step will drive them: forward in a
 * per-step sub-manager, backward, EMA updates, optimiser step, close. Nothing may stay behind.
 */
class AuxMemoryTest {
    private static final int CYCLES = 50;
    private static final int BATCH = 4;

    @Test
    void fiftyStepsLeaveNoArrayBehind() {
        NetworkPlan plan = NetworkPlan.of(Arch.RESNET32, 16, 10);
        int end = plan.indexOf("1.4");
        try (NDManager root = NDManager.newBaseManager()) {
            Backbone backbone = Backbone.create(plan, root.newSubManager(), 5);
            NDManager auxManager = root.newSubManager();
            SplittableRandom r = new SplittableRandom(6);
            LeapStack leap = LeapStack.create(backbone, List.of("2.0", "3.0", "3.2", "3.4"), 1, 0.995,
                    CopyInit.COPY, r, auxManager);
            MomentumAux man = MomentumAux.create(backbone, end, MomentumAux.Variant.MAN_PLUS_PLUS, 0.995,
                    CopyInit.REINIT, r, auxManager);
            AuxHead g = AuxHeads.create(HeadKind.INFOPRO_1C2F, plan.unit(end).out(), 10, r, auxManager);
            AuxHead h = AuxHeads.create(HeadKind.PROBE, plan.unit(plan.indexOf("3.4")).out(), 10, r, auxManager);
            AuxHead dgl = AuxHeads.create(HeadKind.DGL, plan.unit(end + 1).out(), 10, r, auxManager);
            AuxHead aug = AuxHeads.augLocal(plan, end, 2, r);
            aug.initialize(auxManager);
            InfoProDecoder decoder = new InfoProDecoder(plan.unit(end).out(), 16, 16, r);
            decoder.initialize(auxManager);
            AuxParameters aux = new AuxParameters()
                    .add(AuxParameters.prefix(1, ""), leap)
                    .add(AuxParameters.prefix(1, "man"), man)
                    .add(AuxParameters.prefix(1, "g"), g)
                    .add(AuxParameters.prefix(1, "h"), h)
                    .add(AuxParameters.prefix(1, "dgl"), dgl)
                    .add(AuxParameters.prefix(1, "aug"), aug)
                    .add(AuxParameters.prefix(1, "decoder"), decoder);
            Map<String, Parameter> trainable = new LinkedHashMap<>(backbone.trainableParameters());
            trainable.putAll(aux.trainable());
            NesterovSgd optimizer = new NesterovSgd(trainable, 0.9, true, 1e-4, root);
            ParameterStore ps = new ParameterStore(root, false);
            int atStart = root.getManagedArrays().size();
            float scaleAtStart = man.scale().getArray().getFloat(0);
            int[] counts = new int[CYCLES];
            for (int cycle = 0; cycle < CYCLES; cycle++) {
                try (NDManager step = root.newSubManager()) {
                    NDArray images = step.randomNormal(new Shape(BATCH, 3, 16, 16));
                    NDArray labels = step.randomInteger(0, 10, new Shape(BATCH), DataType.INT64);
                    try (GradientCollector collector = step.getEngine().newGradientCollector()) {
                        NDArray x = backbone.forward(ps, images, 0, end, true);
                        NDArray loss = crossEntropy(g.forward(ps, x, true), labels)
                                .add(ReconstructionLoss.bceWithLogits(decoder.forward(ps, x, true),
                                        ReconstructionLoss.target(images, Normalization.CIFAR10)))
                                .add(crossEntropy(h.forward(ps, leap.forward(ps, x, true), true), labels))
                                .add(crossEntropy(dgl.forward(ps, man.forward(ps, x, true), true), labels))
                                .add(crossEntropy(aug.forward(ps, x, true), labels));
                        collector.backward(loss);
                    }
                    leap.updateTwins(backbone);
                    man.updateTwin(backbone);
                    optimizer.step(0.01);
                }
                counts[cycle] = root.getManagedArrays().size();
            }
            // Parameters plus one momentum buffer per trained parameter, nothing else, at every step.
            assertEquals(atStart + optimizer.bufferCount(), counts[0]);
            assertEquals(counts[0], counts[9], "arrays alive after step 1 and step 10");
            assertEquals(counts[9], counts[CYCLES - 1], "arrays alive after step 10 and step " + CYCLES);
            int reached = aux.trainable().size();
            for (int u = 0; u <= end; u++) {
                reached += BlockParameters.trainable(backbone.unit(u)).size();
            }
            assertEquals(reached, optimizer.bufferCount(),
                    "every aux parameter and every backbone parameter up to the module's end got a gradient");
            assertTrue(man.scale().getArray().getFloat(0) != scaleAtStart, "the MAN++ scale trains");
        }
    }

    private static NDArray crossEntropy(NDArray logits, NDArray labels) {
        return logits.logSoftmax(1).gather(labels.reshape(-1, 1), 1).mean().neg();
    }
}
