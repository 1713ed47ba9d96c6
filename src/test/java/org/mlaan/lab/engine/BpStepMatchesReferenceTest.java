package org.mlaan.lab.engine;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mlaan.lab.core.config.ConfigFiles;
import org.mlaan.lab.core.config.ExperimentConfig;
import org.mlaan.lab.core.plan.Arch;
import org.mlaan.lab.core.plan.NetworkPlan;
import org.mlaan.lab.engine.net.Backbone;
import org.mlaan.lab.engine.net.NoGrad;

/**
 * One end-to-end backprop step, Nesterov update included, against the reference code's K=1 path
 * ({@code bp-step-golden-k1.json}, written by {@code src/test/python/reference_step_golden.py
 * --method bp} from {@code resnetMLAAN.py} with {@code local_module_num=1}): the loss, and every
 * weight and BN running statistic after SGD with momentum 0.9, Nesterov and weight decay 1e-4.
 * The gradients follow from the weights' change (first step: -lr (1 + m) (g + wd w)).
 */
class BpStepMatchesReferenceTest {

    @BeforeAll
    static void engine() {
        ai.djl.engine.Engine.getInstance();
        NoGrad.setDefaultOnThisThread();
    }

    @Test
    void backpropStepGivesTheReferenceCodesLossAndWeights() throws Exception {
        JsonNode golden = ReferenceStep.fixture("bp-step-golden-k1.json");
        ExperimentConfig config = ConfigFiles.mapperRead("""
                {"network": {"arch": "resnet32"},
                 "training": {"learningRate": %s, "momentum": 0.9, "nesterov": true, "weightDecay": 0.0001}}
                """.formatted(golden.get("learningRate")));
        try (NDManager root = NDManager.newBaseManager()) {
            Backbone backbone = Backbone.create(NetworkPlan.of(Arch.RESNET32, 32, 10), root.newSubManager(), 1);
            Map<String, Parameter> byReference = new LinkedHashMap<>();
            backbone.namedParameters().forEach((name, p) ->
                    byReference.put(TorchNames.of(name).replaceFirst("^fc\\.", "fc64."), p));
            Map<String, float[]> start = ReferenceStep.setAll(byReference, root);
            List<String> problems = new ArrayList<>();
            try (NesterovSgd optimizer = NesterovSgd.of(config.training(), backbone.trainableParameters(), root);
                    NDManager step = root.newSubManager()) {
                StepOutcome outcome = new BpStep(backbone, optimizer, new ParameterStore(root, false))
                        .run(step, ReferenceStep.batch(step, golden), golden.get("learningRate").asDouble());
                ReferenceStep.check(problems, "loss", golden.get("float64").get("final").get(0).asDouble(),
                        golden.get("float32Spread").get("final").get(0).asDouble(), outcome.loss());
            }
            problems.addAll(ReferenceStep.changes(golden, byReference, start, ref -> 1));
            ReferenceStep.assertNone(problems);
        }
    }
}
