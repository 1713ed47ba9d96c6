package org.mlaan.lab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
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
import org.mlaan.lab.core.local.ModuleRoles;
import org.mlaan.lab.core.plan.Arch;
import org.mlaan.lab.core.plan.NetworkPlan;
import org.mlaan.lab.data.Normalization;

/**
 * One DGL+MLAAN step of the lab against the same step of the reference code itself:
 * {@code mlaan-step-golden-k8.json} and {@code -k15.json} were written by {@code src/test/python/mlaan_step_golden.py}, which
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
    private static final double SPREAD_FACTOR = 3;
    private static final double RELATIVE = 1e-4;
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
        JsonNode golden;
        try (InputStream in = getClass().getResourceAsStream(fixture)) {
            golden = new ObjectMapper().readTree(in);
        }
        ExperimentConfig config = config(golden);
        NetworkPlan network = NetworkPlan.of(Arch.RESNET32, 32, 10);
        LocalPlan plan = LocalPlanner.resolve(config, network);
        assertEquals(golden.get("localModuleNum").asInt(), plan.k());
        JsonNode exact = golden.get("float64");
        JsonNode spread = golden.get("float32Spread");
        try (NDManager root = NDManager.newBaseManager()) {
            Backbone backbone = Backbone.create(network, root.newSubManager(), 1);
            LocalNetwork net = LocalNetwork.create(plan, backbone, Normalization.HALF, 1, root.newSubManager());
            Map<String, Parameter> byReference = referenceNames(net);
            Map<String, float[]> start = new LinkedHashMap<>();
            byReference.forEach((ref, p) -> {
                setPattern(root, ref, p.getArray());
                start.put(ref, p.getArray().toFloatArray());
            });
            Map<String, Parameter> trainable = net.trainableParameters();
            try (NesterovSgd optimizer = NesterovSgd.of(config.training(), trainable, root);
                    NDManager step = root.newSubManager()) {
                LocalStep local = new LocalStep(net, optimizer, new ParameterStore(root, false), order);
                LocalStep.Pass pass = local.backward(step, batch(step, golden), LocalStep.LossFilter.ALL, order);

                List<String> problems = new ArrayList<>();
                assertTrue(Double.isNaN(pass.moduleLosses()[0]), "no loss at module 0, as the reference");
                for (int m = 0; m < exact.get("modules").size(); m++) {
                    JsonNode row = exact.get("modules").get(m);
                    int i = row.get("module").asInt();
                    assertEquals(row.get("endsAt").asText(), plan.modules().get(i).span().lastName());
                    assertEquals(row.get("leap").toString().replace("\"", ""),
                            plan.modules().get(i).leap().toString().replace(" ", ""), "leap list of module " + i);
                    check(problems, "loss of module " + i, row.get("weighted").asDouble(),
                            spread.get("modules").get(m).get("weighted").asDouble(), pass.moduleLosses()[i]);
                }
                check(problems, "final loss (y path)", exact.get("finalY").asDouble(),
                        spread.get("finalY").asDouble(), pass.finalLoss());

                JsonNode grads = exact.get("grads");
                int compared = 0;
                for (Map.Entry<String, Parameter> e : byReference.entrySet()) {
                    if (!e.getValue().requiresGradient() || !trainable.containsValue(e.getValue())) {
                        continue;
                    }
                    String ref = e.getKey();
                    double[] g = gradient(e.getValue());
                    if (!grads.has(ref)) {
                        problems.add(ref + ": the reference computes no gradient, the lab's has norm " + norm(g));
                        continue;
                    }
                    compare(problems, ref + " gradient", grads.get(ref), spread.get("grads").get(ref), g);
                    compared++;
                }
                assertEquals(grads.size(), compared, "every reference gradient has a lab array");

                local.updateTwins();
                optimizer.step(golden.get("learningRate").asDouble());
                JsonNode changes = exact.get("changes");
                int changed = 0;
                for (Map.Entry<String, Parameter> e : byReference.entrySet()) {
                    String ref = e.getKey();
                    float[] after = e.getValue().getArray().toFloatArray();
                    double[] delta = new double[after.length];
                    float[] before = start.get(ref);
                    for (int j = 0; j < after.length; j++) {
                        delta[j] = (double) after[j] - before[j];
                    }
                    boolean runningStat = ref.endsWith("running_mean") || ref.endsWith("running_var");
                    boolean backboneStat = runningStat && !ref.startsWith("Aug_Net") && !ref.startsWith("EMA_Net");
                    if (!changes.has(ref)) {
                        if (norm(delta) != 0) {
                            problems.add(ref + ": the reference leaves it unchanged, the lab moved it by " + norm(delta));
                        }
                        continue;
                    }
                    changed++;
                    double ratio = backboneStat ? statisticsRatio(plan, ref, order) : 1;
                    compare(problems, ref + " change", scaled(changes.get(ref), ratio),
                            scaled(spread.get("changes").get(ref), ratio), delta);
                }
                assertEquals(changes.size(), changed, "every array the reference step moves has a lab array");
                assertTrue(problems.isEmpty(), problems.size() + " differences from the reference code:\n"
                        + String.join("\n", problems));
            }
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

    private static JsonNode scaled(JsonNode pair, double ratio) {
        return ratio == 1 ? pair : new ObjectMapper().createArrayNode().add(pair.get(0).asDouble() * ratio)
                .add(pair.get(1).asDouble() * ratio);
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
        ModuleRoles r = net.plan().modules().get(Integer.parseInt(module));
        return r.span().lastName();
    }

    private static String headArray(String labName) {
        return TorchNames.ofUnitArray(labName);
    }

    private static void check(List<String> problems, String what, double expected, double spread, double actual) {
        double tolerance = SPREAD_FACTOR * spread + RELATIVE * Math.abs(expected);
        if (!(Math.abs(actual - expected) <= tolerance)) {
            problems.add(what + ": lab " + actual + ", reference " + expected + " (tolerance " + tolerance + ")");
        }
    }

    private static void compare(List<String> problems, String what, JsonNode expected, JsonNode spread, double[] a) {
        double n = norm(a);
        double projection = 0;
        String ref = what.substring(0, what.indexOf(' '));
        double ph = phase(ref);
        for (int j = 0; j < a.length; j++) {
            projection += a[j] * Math.sin(0.13 * j + ph);
        }
        double expectedNorm = expected.get(0).asDouble();
        check(problems, what + " norm", expectedNorm, spread.get(0).asDouble(), n);
        double tolerance = SPREAD_FACTOR * spread.get(1).asDouble() + RELATIVE * expectedNorm * Math.sqrt(a.length);
        if (!(Math.abs(projection - expected.get(1).asDouble()) <= tolerance)) {
            problems.add(what + " projection: lab " + projection + ", reference " + expected.get(1).asDouble()
                    + " (tolerance " + tolerance + ")");
        }
    }

    private static double norm(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v * v;
        }
        return Math.sqrt(s);
    }

    /** h(name): h = (h*131 + c) mod 1000003 over the name's characters (the generator's hashFormula). */
    static long nameHash(String name) {
        long h = 0;
        for (int i = 0; i < name.length(); i++) {
            h = (h * 131 + name.charAt(i)) % 1000003;
        }
        return h;
    }

    static double phase(String name) {
        return 2 * Math.PI * nameHash(name) / 1000003;
    }

    /** u_j in [0, 1): splitmix64(h(name) * 2^32 + j), top 53 bits (the generator's valueFormula). */
    static double uniform(long hash, long j) {
        long z = ((hash << 32) + j) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return (z >>> 11) * 0x1.0p-53;
    }

    static float[] values(String name, int n, double offset, double a) {
        long h = nameHash(name);
        float[] v = new float[n];
        for (int j = 0; j < n; j++) {
            v[j] = (float) (offset + a * (2 * uniform(h, j) - 1));
        }
        return v;
    }

    private static void setPattern(NDManager manager, String ref, NDArray target) {
        Shape s = target.getShape();
        double offset = 0;
        double a;
        if (s.dimension() == 4) {
            a = Math.sqrt(6.0 / (s.get(0) * s.get(2) * s.get(3)));
        } else if (s.dimension() == 2) {
            a = 1 / Math.sqrt(s.get(1));
        } else if (ref.endsWith("running_var")) {
            offset = 1;
            a = 0.2;
        } else if (ref.endsWith("running_mean")) {
            a = 0.05;
        } else if (ref.endsWith("weight")) {
            offset = 1;
            a = 0.1;
        } else {
            a = 0.05;
        }
        try (NDArray src = manager.create(values(ref, Math.toIntExact(s.size()), offset, a), s)) {
            target.set(new NDIndex("..."), src);
        }
    }

    private static NDList batch(NDManager m, JsonNode golden) {
        int batch = golden.get("batch").asInt();
        float[] x = values("images", batch * 3 * 32 * 32, 0, Math.sqrt(3));
        float[] labels = new float[batch];
        for (int n = 0; n < batch; n++) {
            labels[n] = n % 10;
        }
        return new NDList(m.create(x, new Shape(batch, 3, 32, 32)), m.create(labels));
    }

    private static double[] gradient(Parameter p) {
        PtNDArray g = JniUtils.getGradient((PtNDArray) p.getArray());
        try (g) {
            float[] f = g.toFloatArray();
            double[] d = new double[f.length];
            for (int i = 0; i < f.length; i++) {
                d[i] = f[i];
            }
            return d;
        }
    }
}
