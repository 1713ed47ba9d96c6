package org.mlaan.lab.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mlaan.lab.core.config.ConfigFiles;
import org.mlaan.lab.core.config.ExperimentConfig;
import org.mlaan.lab.core.local.LocalPlan;
import org.mlaan.lab.core.local.LocalPlanner;
import org.mlaan.lab.core.plan.Arch;
import org.mlaan.lab.core.plan.NetworkPlan;
import org.mlaan.lab.data.Normalization;
import org.mlaan.lab.engine.net.Backbone;
import org.mlaan.lab.engine.net.NoGrad;

/**
 * One MAN step of the lab against the same step of MAN's own code: {@code man-step-golden-k8.json}
 * was written by {@code src/test/python/reference_step_golden.py --method man} from
 * {@code resnetInfoPro_MAN.py} of github.com/JunhaoSu0/MAN (ResNet-32, K=8): per module,
 * LB(x) + EMA(x) of the next block feeds that block's 2c2f head and decoder, the lambdas follow
 * the next block's stage, and every twin moves towards its live block before the optimiser step.
 *
 * <p>Name map (lab -> reference): the backbone by {@link TorchNames} with {@code fc} ->
 * {@code fc64}; {@code aux.m<i>.man.lb.} -> {@code LB.<i>.}; {@code aux.m<i>.man.ema.} ->
 * {@code EMA_Net.<i>.}; {@code aux.m<i>.ind.} -> {@code aux_classifier_<s>_<b>.head.} (conv1, bn1,
 * conv2, bn2, fc1, fc2 -> 0, 1, 3, 4, 8, 10) and {@code aux.m<i>.ind-decoder.} ->
 * {@code decoder_<s>_<b>.decoder.} (conv1, bn1, conv2 -> 0, 1, 3), s.b the block after module i.
 */
class ManStepMatchesReferenceTest {
    private static final Pattern COPY = Pattern.compile("aux\\.m(\\d+)\\.man\\.(lb|ema)\\.(.+)");
    private static final Pattern HEAD = Pattern.compile("aux\\.m(\\d+)\\.ind\\.\\d\\d(\\w+?)_(\\w+)");
    private static final Pattern DECODER = Pattern.compile("aux\\.m(\\d+)\\.ind-decoder\\.\\d\\d(\\w+?)_(\\w+)");
    private static final Map<String, String> HEAD_LAYERS = Map.of("conv1", "0", "bn1", "1", "conv2", "3", "bn2", "4",
            "fc1", "8", "fc2", "10");
    private static final Map<String, String> DECODER_LAYERS = Map.of("conv1", "0", "bn1", "1", "conv2", "3");

    @BeforeAll
    static void engine() {
        ai.djl.engine.Engine.getInstance();
        NoGrad.setDefaultOnThisThread();
    }

    @ParameterizedTest
    @EnumSource(value = LocalStep.Order.class, names = {"REFERENCE", "REUSE"})
    void manStepGivesTheReferenceCodesNumbers(LocalStep.Order order) throws Exception {
        JsonNode golden = ReferenceStep.fixture("man-step-golden-k8.json");
        ExperimentConfig config = ConfigFiles.mapperRead("""
                {"network": {"arch": "resnet32"}, "method": "MAN", "split": {"preset": "resnet32-k8"},
                 "local": {"lambdas": %s, "lambdaRatio": "nextStage", "momentum": %s},
                 "training": {"learningRate": %s, "momentum": 0.9, "nesterov": true, "weightDecay": 0.0001}}
                """.formatted(golden.get("lambdas"), golden.get("emaMomentum"), golden.get("learningRate")));
        NetworkPlan network = NetworkPlan.of(Arch.RESNET32, 32, 10);
        LocalPlan plan = LocalPlanner.resolve(config, network);
        try (NDManager root = NDManager.newBaseManager()) {
            Backbone backbone = Backbone.create(network, root.newSubManager(), 1);
            LocalNetwork net = LocalNetwork.create(plan, backbone, Normalization.CIFAR10, 1, root.newSubManager());
            ReferenceStep.assertNone(ReferenceStep.differences(golden, config, net, referenceNames(net), order,
                    ref -> 1, root));
        }
    }

    private static Map<String, Parameter> referenceNames(LocalNetwork net) {
        Map<String, Parameter> out = new LinkedHashMap<>();
        net.backbone().namedParameters().forEach((name, p) ->
                out.put(TorchNames.of(name).replaceFirst("^fc\\.", "fc64."), p));
        for (Map.Entry<String, Parameter> e : net.auxParameters().all().entrySet()) {
            Matcher m;
            String ref;
            if ((m = COPY.matcher(e.getKey())).matches()) {
                ref = (m.group(2).equals("lb") ? "LB." : "EMA_Net.") + m.group(1) + "."
                        + TorchNames.ofUnitArray(m.group(3));
            } else if ((m = HEAD.matcher(e.getKey())).matches()) {
                ref = "aux_classifier_" + next(net, m.group(1)) + ".head." + HEAD_LAYERS.get(m.group(2)) + "."
                        + ReferenceStep.torchArray(m.group(3));
            } else if ((m = DECODER.matcher(e.getKey())).matches()) {
                ref = "decoder_" + next(net, m.group(1)) + ".decoder." + DECODER_LAYERS.get(m.group(2)) + "."
                        + ReferenceStep.torchArray(m.group(3));
            } else {
                throw new AssertionError("no reference name for " + e.getKey());
            }
            assertTrue(out.put(ref, e.getValue()) == null, "two lab arrays map to " + ref);
        }
        return out;
    }

    /** The block after module {@code module}, whose copies and heads MAN trains there. */
    private static String next(LocalNetwork net, String module) {
        return net.plan().modules().get(Integer.parseInt(module)).momentumAux().orElseThrow().nextBlock().replace('.', '_');
    }
}
