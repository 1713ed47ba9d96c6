package org.mlaan.lab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mlaan.lab.core.config.ConfigFiles;
import org.mlaan.lab.core.config.ExperimentConfig;
import org.mlaan.lab.core.local.LocalPlan;
import org.mlaan.lab.core.local.LocalPlanner;
import org.mlaan.lab.core.local.ModulePlan;
import org.mlaan.lab.core.plan.Arch;
import org.mlaan.lab.core.plan.NetworkPlan;
import org.mlaan.lab.data.Normalization;
import org.mlaan.lab.engine.net.Backbone;
import org.mlaan.lab.engine.net.NoGrad;

/**
 * One DGL+MLAAN step of the lab against the same step of the reference code itself:
 * {@code mlaan-step-golden-k8.json} and {@code -k15.json} were written by {@code src/test/python/reference_step_golden.py --method mlaan}, which
 * imports {@code resnetMLAAN.py} of github.com/Wendy231015/MLAAN (the commit the file names), sets
 * every parameter and buffer from a hash of its reference name and runs train.py's step. This test
 * gives the lab's arrays the same values through the name map below and checks every local loss,
 * every gradient, every array the optimiser and the EMA moved, and the BN running statistics, in
 * the reference order and in the lab's default REUSE order.
 *
 * <p>Name map (lab -> reference): backbone arrays by {@link TorchNames} with {@code fc} ->
 * {@code fc64}; {@code aux.m<i>.ind.*} -> {@code net_classifier_<s>_<b>.*} where s.b is module i's
 * last block; {@code aux.m<i>.casc.*} -> {@code aux_classifier_<s>_<b>_<i>.*};
 * {@code aux.m<i>.leap.leap<j>.*} -> {@code Aug_Net.<i>.<j>.*}; {@code aux.m<i>.leap.leap<j>.ema.*}
 * -> {@code EMA_Net.<i>.<j>.*}. The lab's ResNet-32 K=8 preset has the reference's module
 * boundaries, so module indices agree.
 *
 * <p>Documented differences, checked as exact ratios ({@link #statisticsRatio}): REUSE forwards
 * each module once, so the backbone's BN running statistics move once per step where the reference
 * moves them two or three times (docs/decisions/0005); the lab's first module holds the stem, which
 * the reference runs once (x and y share it) and the lab's reference order runs twice (x path, then
 * module 1's window).
 */
class MlaanStepMatchesReferenceTest {
    private static final Pattern IND = Pattern.compile("aux\\.m(\\d+)\\.ind\\.(.+)");
    private static final Pattern CASC = Pattern.compile("aux\\.m(\\d+)\\.casc\\.(.+)");
    private static final Pattern LEAP = Pattern.compile("aux\\.m(\\d+)\\.leap\\.leap(\\d+)\\.(ema\\.)?(.+)");
    @BeforeAll
    static void engine() {
        ai.djl.engine.Engine.getInstance();
        NoGrad.setDefaultOnThisThread();
    }

    /**
     * K=8 through the lab's preset (its leap table must be the reference's); K=15 through the
     * reference's own cuts and leap lists as config overrides (the lab's K=16 preset adds a
     * stem-alone module, so its step is not the reference's K=15 step).
     */
    @ParameterizedTest(name = "{0}, {1} order")
    @CsvSource({"mlaan-step-golden-k8.json, REFERENCE", "mlaan-step-golden-k8.json, REUSE",
            "mlaan-step-golden-k15.json, REFERENCE", "mlaan-step-golden-k15.json, REUSE"})
    void dglMlaanStepGivesTheReferenceCodesNumbers(String fixture, LocalStep.Order order) throws Exception {
        JsonNode golden = ReferenceStep.fixture(fixture);
        ExperimentConfig config = config(golden);
        NetworkPlan network = NetworkPlan.of(Arch.RESNET32, 32, 10);
        LocalPlan plan = LocalPlanner.resolve(config, network);
        assertEquals(golden.get("localModuleNum").asInt(), plan.k());
        try (NDManager root = NDManager.newBaseManager()) {
            Backbone backbone = Backbone.create(network, root.newSubManager(), 1);
            LocalNetwork net = LocalNetwork.create(plan, backbone, Normalization.HALF, 1, root.newSubManager());
            for (JsonNode row : golden.get("float64").get("modules")) {
                int i = row.get("module").asInt();
                assertEquals(row.get("leap").toString().replace("\"", ""),
                        plan.modules().get(i).leapBlocks().toString().replace(" ", ""), "leap list of module " + i);
            }
            ReferenceStep.assertNone(ReferenceStep.differences(golden, config, net, referenceNames(net), order,
                    ref -> statisticsRatio(plan, ref, order), root));
        }
    }

    private static ExperimentConfig config(JsonNode golden) {
        JsonNode modules = golden.get("float64").get("modules");
        String split;
        StringBuilder leaps = new StringBuilder();
        if (golden.get("localModuleNum").asInt() == 8) {
            split = "{\"preset\": \"resnet32-k8\"}";
        } else {
            List<String> cuts = new ArrayList<>(List.of("\"1.0\""));
            for (JsonNode m : modules) {
                cuts.add("\"" + m.get("endsAt").asText() + "\"");
                leaps.append(leaps.length() == 0 ? "" : ", ").append("{\"module\": ").append(m.get("module"))
                        .append(", \"leap\": ").append(m.get("leap")).append("}");
            }
            split = "{\"cutsAfter\": " + cuts + "}";
        }
        return ConfigFiles.mapperRead("""
                {"network": {"arch": "resnet32"}, "method": "DGL+MLAAN", "split": %s,
                 "local": {"emaUpdate": "lastOnly", "lastModuleLoss": "yOnly", "momentum": %s, "wx": %s, "wy": %s,
                           "modules": [%s]},
                 "training": {"learningRate": %s, "momentum": 0.9, "nesterov": true, "weightDecay": 0.0001}}
                """.formatted(split, golden.get("emaMomentum"), golden.get("wx"), golden.get("wy"), leaps,
                golden.get("learningRate")));
    }

    /**
     * How far the lab moves a backbone BN running statistic in this step, as a multiple of the
     * reference's move: every forward in training mode takes r -> 0.9 r + 0.1 mu towards the same
     * batch statistic mu, so n passes move it by (1 - 0.9^n) (mu - r). The reference runs the stem
     * once, the first module's blocks and the last module twice, every other module three times;
     * the lab's reference order runs the stem twice (it is in module 0, which module 1's window
     * recomputes) and the rest as the reference; REUSE runs everything once (decision 0005).
     */
    private static double statisticsRatio(LocalPlan plan, String ref, LocalStep.Order order) {
        boolean backboneStatistic = (ref.endsWith("running_mean") || ref.endsWith("running_var"))
                && !ref.startsWith("Aug_Net") && !ref.startsWith("EMA_Net");
        if (!backboneStatistic) {
            return 1;
        }
        int k = plan.k();
        int module;
        boolean stem = ref.startsWith("bn1.");
        if (stem) {
            module = 0;
        } else {
            String block = ref.substring("layer".length(), ref.indexOf('.', ref.indexOf('.') + 1));
            int unit = plan.network().indexOf(block);
            module = plan.modules().stream().filter(m -> unit >= m.span().first() && unit <= m.span().last())
                    .findFirst().orElseThrow().index();
        }
        int referencePasses = stem ? 1 : module == 0 || module == k - 1 ? 2 : 3;
        int labPasses = order == LocalStep.Order.REUSE ? 1 : stem ? 2 : referencePasses;
        return (1 - Math.pow(0.9, labPasses)) / (1 - Math.pow(0.9, referencePasses));
    }

    /** The lab's arrays by their reference names (every array: trainable, twins and BN statistics). */
    private static Map<String, Parameter> referenceNames(LocalNetwork net) {
        Map<String, Parameter> out = new LinkedHashMap<>();
        net.backbone().namedParameters().forEach((name, p) ->
                out.put(TorchNames.of(name).replaceFirst("^fc\\.", "fc64."), p));
        for (Map.Entry<String, Parameter> e : net.auxParameters().all().entrySet()) {
            String name = e.getKey();
            Matcher m;
            String ref;
            if ((m = IND.matcher(name)).matches()) {
                ref = "net_classifier_" + block(net, m.group(1)).replace('.', '_') + "." + headArray(m.group(2));
            } else if ((m = CASC.matcher(name)).matches()) {
                ref = "aux_classifier_" + block(net, m.group(1)).replace('.', '_') + "_" + m.group(1) + "."
                        + headArray(m.group(2));
            } else if ((m = LEAP.matcher(name)).matches()) {
                ref = (m.group(3) == null ? "Aug_Net." : "EMA_Net.") + m.group(1) + "." + m.group(2) + "."
                        + TorchNames.ofUnitArray(m.group(4));
            } else {
                throw new AssertionError("no reference name for " + name);
            }
            assertTrue(out.put(ref, e.getValue()) == null, "two lab arrays map to " + ref);
        }
        return out;
    }

    private static String block(LocalNetwork net, String module) {
        ModulePlan r = net.plan().modules().get(Integer.parseInt(module));
        return r.span().lastName();
    }

    private static String headArray(String labName) {
        return TorchNames.ofUnitArray(labName);
    }
}
