package org.mlaan.lab.cli;

import ai.djl.ndarray.NDManager;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mlaan.lab.core.config.ConfigException;
import org.mlaan.lab.core.config.ExperimentConfig;
import org.mlaan.lab.core.config.Method;
import org.mlaan.lab.core.config.NetworkConfig;
import org.mlaan.lab.core.config.SplitConfig;
import org.mlaan.lab.core.experiment.DataShape;
import org.mlaan.lab.core.experiment.Experiment;
import org.mlaan.lab.core.local.LocalPlan;
import org.mlaan.lab.core.plan.NetworkPlan;
import org.mlaan.lab.core.split.PaperPresets;
import org.mlaan.lab.data.Normalization;
import org.mlaan.lab.engine.LocalNetwork;
import org.mlaan.lab.engine.ParameterCounts;
import org.mlaan.lab.engine.net.Backbone;

/**
 * {@code plan --method M --split S}: builds the method's network on the CPU and counts what each
 * module trains and averages, so a researcher can hold it to the reference code's model
 * (ALGORITHMS.md Part A.2 correction).
 */
final class ModuleParameters {
    private ModuleParameters() {}

    /**
     * Counts the parameters of {@code method} on {@code network} cut by {@code split}.
     *
     * @param split a preset id or unit names to cut after, comma-separated (null for BP)
     * @throws IllegalArgumentException naming the option when the method or split is unknown
     * @throws ConfigException when the split or the method's roles cannot run
     */
    static ParameterCounts count(NetworkPlan network, String method, String split) throws ConfigException {
        Method m;
        try {
            m = Method.parse(method);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--method: " + e.getMessage(), e);
        }
        if (m != Method.BP && (split == null || split.isBlank())) {
            throw new IllegalArgumentException("--split: method " + m.label() + " needs a split: a preset ("
                    + String.join(", ", PaperPresets.forArch(network.arch()).stream().map(p -> p.id()).toList())
                    + ") or the unit names to cut after, e.g. stem,1.4,2.4");
        }
        ExperimentConfig config = new ExperimentConfig(null, null, new NetworkConfig(network.arch().id()), null,
                m.label(), splitOf(split), null, null, null, null);
        LocalPlan plan = Experiment.resolve(config, new DataShape(network.input().channels(), network.input().height(),
                network.classes())).plan();
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            Backbone backbone = new Backbone(network, 0);
            backbone.initialize(manager);
            return plan.isBackprop() ? ParameterCounts.ofBackprop(backbone)
                    : ParameterCounts.of(LocalNetwork.create(plan, backbone, Normalization.HALF, 0, manager));
        }
    }

    private static SplitConfig splitOf(String split) {
        if (split == null || split.isBlank()) {
            return null;
        }
        return split.contains(",") || !split.startsWith("resnet")
                ? new SplitConfig(null, Arrays.stream(split.split(",")).map(String::trim).toList())
                : SplitConfig.preset(split.trim());
    }

    static void print(ParameterCounts c, String method, PrintWriter out) {
        out.printf(Locale.ROOT, "%s: weights per module (trainable, and EMA twins that only average)%n", method);
        out.printf(Locale.ROOT, "%4s  %-12s %10s %10s %10s %10s %10s %10s %10s %11s %10s%n", "#", "units",
                "backbone", "g_i head", "decoders", "MAN copy", "leap", "h_i head", "trainable", "EMA twins",
                "MAN twin");
        for (ParameterCounts.Module m : c.modules()) {
            String units = m.first().equals(m.last()) ? m.first() : m.first() + ".." + m.last();
            out.printf(Locale.ROOT, "%4d  %-12s %,10d %,10d %,10d %,10d %,10d %,10d %,10d %,11d %,10d%n", m.module(),
                    units, m.backbone(), m.independentHead(), m.independentDecoder() + m.cascadeDecoder(),
                    m.momentumAux(), m.leap(), m.cascadeHead(), m.trainable(), m.leapTwins(), m.momentumTwin());
        }
        out.printf(Locale.ROOT, "total: %,d trainable (backbone %,d, auxiliary %,d), %,d EMA-averaged%n",
                c.trainable(), c.backbone(), c.trainable() - c.backbone(), c.twins());
    }

    static List<Map<String, Object>> asJson(ParameterCounts c) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ParameterCounts.Module m : c.modules()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("module", m.module());
            r.put("first", m.first());
            r.put("last", m.last());
            r.put("backbone", m.backbone());
            r.put("independentHead", m.independentHead());
            r.put("independentDecoder", m.independentDecoder());
            r.put("momentumAux", m.momentumAux());
            r.put("momentumTwin", m.momentumTwin());
            r.put("leap", m.leap());
            r.put("leapTwins", m.leapTwins());
            r.put("cascadeHead", m.cascadeHead());
            r.put("cascadeDecoder", m.cascadeDecoder());
            r.put("trainable", m.trainable());
            r.put("twins", m.twins());
            rows.add(r);
        }
        return rows;
    }
}
