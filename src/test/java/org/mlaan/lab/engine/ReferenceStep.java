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
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mlaan.lab.core.config.ExperimentConfig;

/**
 * One training step of the lab against a fixture of {@code src/test/python/reference_step_golden.py}
 * (one step of the reference code itself): the arrays get the generator's values by their reference
 * names, the step runs, and every loss, gradient and moved array is compared with the tolerance the
 * generator measured (3x the widest float32 deviation, plus 1e-4 relative).
 */
final class ReferenceStep {
    private static final double SPREAD_FACTOR = 3;
    private static final double RELATIVE = 1e-4;

    /** How far the lab moves an array in the step, as a multiple of the reference's move (1: equal). */
    interface MoveRatio {
        double of(String referenceName);
    }

    private ReferenceStep() {}

    /** The PyTorch name of an array inside a head or decoder layer ({@code weight}, {@code running_mean}). */
    static String torchArray(String labArray) {
        return TorchNames.ofUnitArray("00x_" + labArray).substring("x.".length());
    }

    static JsonNode fixture(String name) throws IOException {
        try (InputStream in = ReferenceStep.class.getResourceAsStream(name)) {
            return new ObjectMapper().readTree(in);
        }
    }

    /**
     * Sets every array of {@code byReference} from the generator's formula, runs one step of
     * {@code net} in {@code order} and lists every difference from {@code golden}.
     */
    static List<String> differences(JsonNode golden, ExperimentConfig config, LocalNetwork net,
            Map<String, Parameter> byReference, LocalStep.Order order, MoveRatio ratio, NDManager root) {
        JsonNode exact = golden.get("float64");
        JsonNode spread = golden.get("float32Spread");
        Map<String, float[]> start = setAll(byReference, root);
        Map<String, Parameter> trainable = net.trainableParameters();
        List<String> problems = new ArrayList<>();
        try (NesterovSgd optimizer = NesterovSgd.of(config.training(), trainable, root);
                NDManager step = root.newSubManager()) {
            LocalStep local = new LocalStep(net, optimizer, new ParameterStore(root, false), order);
            LocalStep.Pass pass = local.backward(step, batch(step, golden), LossFilter.ALL, order);

            boolean[] withLoss = new boolean[net.plan().k()];
            for (int m = 0; m < exact.get("modules").size(); m++) {
                JsonNode row = exact.get("modules").get(m);
                int i = row.get("module").asInt();
                withLoss[i] = true;
                assertEquals(row.get("endsAt").asText(), net.plan().modules().get(i).span().lastName(),
                        "module " + i + " ends where the reference's does");
                check(problems, "loss of module " + i, row.get("weighted").asDouble(),
                        spread.get("modules").get(m).get("weighted").asDouble(), pass.moduleLosses()[i]);
            }
            for (int i = 0; i < withLoss.length - 1; i++) {
                if (!withLoss[i] && !Double.isNaN(pass.moduleLosses()[i])) {
                    problems.add("module " + i + ": the reference computes no loss there, the lab "
                            + pass.moduleLosses()[i]);
                }
            }
            JsonNode finals = exact.get("final");
            check(problems, "final loss", finals.get(finals.size() - 1).asDouble(),
                    spread.get("final").get(finals.size() - 1).asDouble(), pass.finalLoss());

            JsonNode grads = exact.get("grads");
            int compared = 0;
            for (Map.Entry<String, Parameter> e : byReference.entrySet()) {
                if (!trainable.containsValue(e.getValue())) {
                    continue;
                }
                String ref = e.getKey();
                double[] g = gradient(e.getValue());
                if (!grads.has(ref)) {
                    problems.add(ref + ": the reference computes no gradient, the lab's has norm " + norm(g));
                    continue;
                }
                compare(problems, ref, "gradient", grads.get(ref), spread.get("grads").get(ref), g);
                compared++;
            }
            assertEquals(grads.size(), compared, "every reference gradient has a lab array");

            local.updateTwins();
            optimizer.step(golden.get("learningRate").asDouble());
            problems.addAll(changes(golden, byReference, start, ratio));
        }
        return problems;
    }

    /** Gives every array the generator's values; returns them as they start. */
    static Map<String, float[]> setAll(Map<String, Parameter> byReference, NDManager root) {
        Map<String, float[]> start = new LinkedHashMap<>();
        byReference.forEach((ref, p) -> {
            setPattern(root, ref, p.getArray());
            start.put(ref, p.getArray().toFloatArray());
        });
        return start;
    }

    /** Every array the step moved, against the reference's move (times {@code ratio}). */
    static List<String> changes(JsonNode golden, Map<String, Parameter> byReference, Map<String, float[]> start,
            MoveRatio ratio) {
        JsonNode changes = golden.get("float64").get("changes");
        JsonNode spread = golden.get("float32Spread").get("changes");
        List<String> problems = new ArrayList<>();
        int changed = 0;
        for (Map.Entry<String, Parameter> e : byReference.entrySet()) {
            String ref = e.getKey();
            float[] after = e.getValue().getArray().toFloatArray();
            float[] before = start.get(ref);
            double[] delta = new double[after.length];
            for (int j = 0; j < after.length; j++) {
                delta[j] = (double) after[j] - before[j];
            }
            if (!changes.has(ref)) {
                if (norm(delta) != 0) {
                    problems.add(ref + ": the reference leaves it unchanged, the lab moved it by " + norm(delta));
                }
                continue;
            }
            changed++;
            double r = ratio.of(ref);
            compare(problems, ref, "change", scaled(changes.get(ref), r), scaled(spread.get(ref), r), delta);
        }
        assertEquals(changes.size(), changed, "every array the reference step moves has a lab array");
        return problems;
    }

    static void assertNone(List<String> problems) {
        assertTrue(problems.isEmpty(), problems.size() + " differences from the reference code:\n"
                + String.join("\n", problems));
    }

    static void check(List<String> problems, String what, double expected, double spread, double actual) {
        double tolerance = SPREAD_FACTOR * spread + RELATIVE * Math.abs(expected);
        if (!(Math.abs(actual - expected) <= tolerance)) {
            problems.add(what + ": lab " + actual + ", reference " + expected + " (tolerance " + tolerance + ")");
        }
    }

    private static void compare(List<String> problems, String ref, String quantity, JsonNode expected,
            JsonNode spread, double[] a) {
        double projection = 0;
        double ph = phase(ref);
        for (int j = 0; j < a.length; j++) {
            projection += a[j] * Math.sin(0.13 * j + ph);
        }
        double expectedNorm = expected.get(0).asDouble();
        check(problems, ref + " " + quantity + " norm", expectedNorm, spread.get(0).asDouble(), norm(a));
        double tolerance = SPREAD_FACTOR * spread.get(1).asDouble() + RELATIVE * expectedNorm * Math.sqrt(a.length);
        if (!(Math.abs(projection - expected.get(1).asDouble()) <= tolerance)) {
            problems.add(ref + " " + quantity + " projection: lab " + projection + ", reference "
                    + expected.get(1).asDouble() + " (tolerance " + tolerance + ")");
        }
    }

    private static JsonNode scaled(JsonNode pair, double ratio) {
        return ratio == 1 ? pair : new ObjectMapper().createArrayNode().add(pair.get(0).asDouble() * ratio)
                .add(pair.get(1).asDouble() * ratio);
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

    /** The generator's valueFormula for the array the reference calls {@code ref}. */
    static void setPattern(NDManager manager, String ref, NDArray target) {
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

    static NDList batch(NDManager m, JsonNode golden) {
        int batch = golden.get("batch").asInt();
        float[] x = values("images", batch * 3 * 32 * 32, 0, Math.sqrt(3));
        float[] labels = new float[batch];
        for (int n = 0; n < batch; n++) {
            labels[n] = n % 10;
        }
        return new NDList(m.create(x, new Shape(batch, 3, 32, 32)), m.create(labels));
    }

    static double[] gradient(Parameter p) {
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
