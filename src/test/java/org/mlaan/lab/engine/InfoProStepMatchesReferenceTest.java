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
 * One InfoPro step of the lab against the same step of the reference code: {@code
 * infopro-step-golden-k8.json} was written by {@code src/test/python/reference_step_golden.py
 * --method infopro} from {@code resnetInfoPro.py} and {@code auxiliary_nets.py} of
 * github.com/Wendy231015/MLAAN (ResNet-32, K=8, the 1c2f head in cross-entropy mode with its
 * decoder, lambdas interpolated over the module index, CIFAR-10's normalisation undone for the
 * reconstruction target). Every local loss, gradient, moved weight and BN running statistic is
 * compared; InfoPro runs each module once per step, so both orders move the statistics as the
 * reference does.
 *
 * <p>Name map (lab -> reference): the backbone by {@link TorchNames}; {@code aux.m<i>.ind.} ->
 * {@code aux_classifier_<s>_<b>.head.} with conv1, bn1, fc1, fc2 -> 0, 1, 5, 7;
 * {@code aux.m<i>.ind-decoder.} -> {@code decoder_<s>_<b>.decoder.} with conv1, bn1, conv2 -> 0, 1, 3;
 * s.b is module i's last block.
 */
class InfoProStepMatchesReferenceTest {
    private static final Pattern HEAD = Pattern.compile("aux\\.m(\\d+)\\.ind\\.\\d\\d(conv1|bn1|fc1|fc2)_(\\w+)");
    private static final Pattern DECODER = Pattern.compile("aux\\.m(\\d+)\\.ind-decoder\\.\\d\\d(conv1|bn1|conv2)_(\\w+)");
    private static final Map<String, String> HEAD_LAYERS = Map.of("conv1", "0", "bn1", "1", "fc1", "5", "fc2", "7");
    private static final Map<String, String> DECODER_LAYERS = Map.of("conv1", "0", "bn1", "1", "conv2", "3");

    @BeforeAll
    static void engine() {
        ai.djl.engine.Engine.getInstance();
        NoGrad.setDefaultOnThisThread();
    }

    @ParameterizedTest
    @EnumSource(value = LocalStep.Order.class, names = {"REFERENCE", "REUSE"})
    void infoProStepGivesTheReferenceCodesNumbers(LocalStep.Order order) throws Exception {
        JsonNode golden = ReferenceStep.fixture("infopro-step-golden-k8.json");
        ExperimentConfig config = ConfigFiles.mapperRead("""
                {"network": {"arch": "resnet32"}, "method": "InfoPro", "split": {"preset": "resnet32-k8"},
                 "local": {"lambdas": %s, "lambdaRatio": "module"},
                 "training": {"learningRate": %s, "momentum": 0.9, "nesterov": true, "weightDecay": 0.0001}}
                """.formatted(golden.get("lambdas"), golden.get("learningRate")));
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
        net.backbone().namedParameters().forEach((name, p) -> out.put(TorchNames.of(name), p));
        for (Map.Entry<String, Parameter> e : net.auxParameters().all().entrySet()) {
            Matcher m;
            String ref;
            if ((m = HEAD.matcher(e.getKey())).matches()) {
                ref = "aux_classifier_" + block(net, m.group(1)) + ".head." + HEAD_LAYERS.get(m.group(2)) + "."
                        + ReferenceStep.torchArray(m.group(3));
            } else if ((m = DECODER.matcher(e.getKey())).matches()) {
                ref = "decoder_" + block(net, m.group(1)) + ".decoder." + DECODER_LAYERS.get(m.group(2)) + "."
                        + ReferenceStep.torchArray(m.group(3));
            } else {
                throw new AssertionError("no reference name for " + e.getKey());
            }
            assertTrue(out.put(ref, e.getValue()) == null, "two lab arrays map to " + ref);
        }
        return out;
    }

    private static String block(LocalNetwork net, String module) {
        return net.plan().modules().get(Integer.parseInt(module)).span().lastName().replace('.', '_');
    }
}
