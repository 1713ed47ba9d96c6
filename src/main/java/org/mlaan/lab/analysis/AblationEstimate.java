package org.mlaan.lab.analysis;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.mlaan.lab.core.config.ConfigException;
import org.mlaan.lab.core.config.ExperimentConfig;
import org.mlaan.lab.core.config.Method;
import org.mlaan.lab.data.LoadedData;
import org.mlaan.lab.engine.Benchmark;
import org.mlaan.lab.engine.TrainingRun;

/**
 * How long an ablation will train on this machine, from a few measured steps of each of its
 * methods ({@link Benchmark}: warm-up steps, then {@link #MEASURED_STEPS} timed), so that a
 * person sees "10 runs, about 2 h 30 min" before starting hours of work. Training steps only: the
 * test evaluations at the epochs' ends add a little.
 *
 * @param secondsPerStep each method's measured seconds per training step
 * @param stepsPerRun each method's steps in one run (its epochs x steps per epoch)
 * @param seeds runs per method
 */
public record AblationEstimate(Map<Method, Double> secondsPerStep, Map<Method, Long> stepsPerRun, int seeds) {
    /** Timed steps per method (after the benchmark's warm-up). */
    public static final int MEASURED_STEPS = 2;

    public AblationEstimate {
        secondsPerStep = Map.copyOf(new EnumMap<>(secondsPerStep));
        stepsPerRun = Map.copyOf(new EnumMap<>(stepsPerRun));
    }

    /** Measures each method of {@code plan} on {@code data}, every run training {@code epochs} epochs (null: the plan's). */
    public static AblationEstimate measure(AblationPlan plan, Integer epochs, LoadedData data) throws ConfigException {
        Map<Method, Double> perStep = new EnumMap<>(Method.class);
        Map<Method, Long> steps = new EnumMap<>(Method.class);
        long seed = plan.seeds().get(0);
        for (Method m : plan.methods()) {
            ExperimentConfig c = plan.configFor(m, seed);
            int e = epochs != null ? epochs : plan.epochsOf(m);
            perStep.put(m, Benchmark.run(c, MEASURED_STEPS, null, data).secondsPerStep());
            steps.put(m, (long) e * TrainingRun.stepsPerEpoch(c, data.train().size()));
        }
        return new AblationEstimate(perStep, steps, plan.seeds().size());
    }

    /** Seconds one run of {@code m} trains. */
    public double secondsOf(Method m) {
        return stepsPerRun.getOrDefault(m, 0L) * secondsPerStep.getOrDefault(m, 0.0);
    }

    /** Seconds the whole ablation trains. */
    public double totalSeconds() {
        return seeds * secondsPerStep.keySet().stream().mapToDouble(this::secondsOf).sum();
    }

    /**
     * Seconds left when run {@code run} (from 1) of the seed-major order over {@code methods} has
     * {@code currentLeft} seconds to go: that, and every later run's estimate.
     */
    public double secondsLeft(List<Method> methods, int run, double currentLeft) {
        double left = Math.max(0, currentLeft);
        int total = methods.size() * seeds;
        for (int r = run + 1; r <= total; r++) {
            left += secondsOf(methods.get((r - 1) % methods.size()));
        }
        return left;
    }

    /** "BP 0.41 s, DGL 0.80 s, ..." per training step. */
    public String perStepText(List<Method> order) {
        return order.stream().filter(secondsPerStep::containsKey).map(m -> String.format(Locale.ROOT, "%s %.2f s",
                m.label(), secondsPerStep.get(m))).collect(Collectors.joining(", "));
    }
}
