package org.mlaan.lab.analysis;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.mlaan.lab.core.config.ExperimentConfig;
import org.mlaan.lab.core.config.Method;

/**
 * The runs of a Table-4-style ablation: BP and a base local method with MLM, LAM and both, each
 * for the same seeds, on the config's network, split and data (MLAAN paper, Table 4). A method may
 * train for its own number of epochs ({@code epochsFor}), so that one queue also gives Table 5 (a
 * method at fewer epochs against another at more); the others train for the base config's epochs.
 *
 * @param base the config every cell starts from
 * @param methods the methods, in the order they run within a seed
 * @param seeds the seeds, each run for every method
 * @param epochsFor epochs of the methods that do not train for the base config's epochs
 */
public record AblationPlan(ExperimentConfig base, List<Method> methods, List<Long> seeds,
        Map<Method, Integer> epochsFor) {

    public AblationPlan {
        methods = List.copyOf(methods);
        seeds = List.copyOf(seeds);
        epochsFor = epochsFor.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(epochsFor));
        for (Map.Entry<Method, Integer> e : epochsFor.entrySet()) {
            if (!methods.contains(e.getKey())) {
                throw new IllegalArgumentException(e.getKey().label() + " is not in this ablation (its methods are "
                        + methods.stream().map(Method::label).toList() + ")");
            }
            if (e.getValue() < 1) {
                throw new IllegalArgumentException(e.getKey().label() + ": expected at least 1 epoch, got " + e.getValue());
            }
        }
    }

    /** Every method at the base config's epochs. */
    public AblationPlan(ExperimentConfig base, List<Method> methods, List<Long> seeds) {
        this(base, methods, seeds, Map.of());
    }

    /** The same plan with these methods at their own epoch counts. */
    public AblationPlan withEpochsFor(Map<Method, Integer> epochs) {
        return new AblationPlan(base, methods, seeds, epochs);
    }

    /**
     * The same plan with only {@code chosen} of its methods, in the plan's order; a method that is
     * not in the plan is refused, naming the plan's.
     */
    public AblationPlan withOnly(List<Method> chosen) {
        for (Method m : chosen) {
            if (!methods.contains(m)) {
                throw new IllegalArgumentException(m.label() + " is not in this ablation (its methods are "
                        + methods.stream().map(Method::label).toList() + ")");
            }
        }
        Map<Method, Integer> epochs = new EnumMap<>(Method.class);
        epochsFor.forEach((m, n) -> {
            if (chosen.contains(m)) {
                epochs.put(m, n);
            }
        });
        return new AblationPlan(base, methods.stream().filter(chosen::contains).toList(), seeds, epochs);
    }

    /** Epochs the runs of {@code method} train. */
    public int epochsOf(Method method) {
        return epochsFor.getOrDefault(method, base.training().epochsOrDefault());
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

    /** The config of one cell: the base with this method, seed and epochs; BP drops the split. */
    public ExperimentConfig configFor(Method method, long seed) {
        ExperimentConfig c = base.withMethod(method.label()).withSeed(seed)
                .withName(base.nameOrDefault() + "-" + method.label().replace('+', '_') + "-s" + seed);
        if (epochsFor.containsKey(method)) {
            c = c.withTraining(c.training().withEpochs(epochsFor.get(method)));
        }
        if (method == Method.BP) {
            c = c.withSplit(null).withLocal(null);
        }
        return c;
    }

    public int runCount() {
        return methods.size() * seeds.size();
    }
}
