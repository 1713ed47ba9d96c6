package org.mlaan.lab.analysis;

import java.util.ArrayList;
import java.util.List;
import org.mlaan.lab.core.config.ExperimentConfig;
import org.mlaan.lab.core.config.Method;

/**
 * The runs of a Table-4-style ablation: BP and a base local method with MLM, LAM and both, each
 * for the same seeds, on the config's network, split and data (MLAAN paper, Table 4).
 */
public record AblationPlan(ExperimentConfig base, List<Method> methods, List<Long> seeds) {

    public AblationPlan {
        methods = List.copyOf(methods);
        seeds = List.copyOf(seeds);
    }

    /** The DGL family (BP, DGL, DGL+MLM, DGL+LAM, DGL+MLAAN) or the InfoPro one, by the config's method. */
    public static AblationPlan of(ExperimentConfig base, int seedCount) {
        Method m = base.methodOrDefault();
        boolean infopro = m == Method.INFOPRO || m == Method.INFOPRO_MLAAN;
        List<Method> methods = infopro
                ? List.of(Method.BP, Method.INFOPRO, Method.INFOPRO_MLAAN)
                : List.of(Method.BP, Method.DGL, Method.DGL_MLM, Method.DGL_LAM, Method.DGL_MLAAN);
        List<Long> seeds = new ArrayList<>();
        for (int i = 0; i < seedCount; i++) {
            seeds.add(base.seedOrDefault() + i);
        }
        return new AblationPlan(base, methods, seeds);
    }

    /** The config of one cell: the base with this method and seed; BP drops the split. */
    public ExperimentConfig configFor(Method method, long seed) {
        ExperimentConfig c = base.withMethod(method.label()).withSeed(seed)
                .withName(base.nameOrDefault() + "-" + method.label().replace('+', '_') + "-s" + seed);
        if (method == Method.BP) {
            c = c.withSplit(null).withLocal(null);
        }
        return c;
    }

    public int runCount() {
        return methods.size() * seeds.size();
    }
}
