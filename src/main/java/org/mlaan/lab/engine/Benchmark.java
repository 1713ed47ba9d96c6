package org.mlaan.lab.engine;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.mlaan.lab.core.config.ConfigException;
import org.mlaan.lab.core.config.ExperimentConfig;
import org.mlaan.lab.core.experiment.Experiment;
import org.mlaan.lab.core.local.LocalPlan;
import org.mlaan.lab.core.plan.NetworkPlan;
import org.mlaan.lab.core.train.LearningRateSchedule;
import org.mlaan.lab.data.BatchAssembler;
import org.mlaan.lab.data.DataSets;
import org.mlaan.lab.data.EpochOrder;
import org.mlaan.lab.data.LoadedData;
import org.mlaan.lab.engine.net.Backbone;
import org.mlaan.lab.engine.net.NoGrad;

/**
 * Times real training steps of a config: the same step a run takes ({@link BpStep} for BP,
 * {@link LocalStep} for a local method), on the config's data, with a few untimed warm-up steps
 * first (the first steps pay for native initialisation), and records the largest live-tensor peak
 * of a step. Nothing is written to disk.
 */
public final class Benchmark {
    /** Untimed steps before the timed ones. */
    public static final int WARMUP_STEPS = 3;
    /** A training run reads the live-tensor peak on its first steps and then every this many (bench: every step). */
    public static final int TRAINING_METER_EVERY = LiveMeter.TRAINING_EVERY;

    private Benchmark() {}

    /** Times {@code steps} steps of {@code config} on {@code deviceSpec} (null: the config's device). */
    public static BenchResult run(ExperimentConfig config, int steps, String deviceSpec)
            throws ConfigException, IOException {
        return run(config, steps, deviceSpec, (Path) null);
    }

    /**
     * As {@link #run(ExperimentConfig, int, String)}; with {@code profileTrace}, one more step after
     * the timed ones runs phase by phase under libtorch's profiler (its trace written there) and
     * the result carries its {@link StepProfile}.
     */
    public static BenchResult run(ExperimentConfig config, int steps, String deviceSpec, Path profileTrace)
            throws ConfigException, IOException {
        ExperimentConfig effective = TrainingRun.effective(config, RunOptions.withoutFolder().withDevice(deviceSpec));
        return run(effective, steps, deviceSpec, DataSets.open(effective.dataset()), profileTrace);
    }

    /** Times {@code steps} steps of {@code config} on data the caller has loaded. */
    public static BenchResult run(ExperimentConfig config, int steps, String deviceSpec, LoadedData data)
            throws ConfigException {
        return run(config, steps, deviceSpec, data, null);
    }

    private static BenchResult run(ExperimentConfig config, int steps, String deviceSpec, LoadedData data,
            Path profileTrace) throws ConfigException {
        if (steps < 1) {
            throw new IllegalArgumentException("a benchmark needs at least 1 step, got " + steps);
        }
        ExperimentConfig c = TrainingRun.effective(config, RunOptions.withoutFolder().withDevice(deviceSpec));
        DeviceChoice device;
        try {
            device = DeviceChoice.resolve(c.deviceOrDefault()).requireExactKernels();
        } catch (IllegalArgumentException e) {
            throw new ConfigException(null, List.of(e.getMessage()));
        }
        Experiment experiment = Experiment.resolve(c, data.shape());
        NetworkPlan plan = experiment.network();
        LocalPlan localPlan = experiment.plan();
        long seed = c.seedOrDefault();
        int batchSize = c.training().batchSizeOrDefault();
        double lr = LearningRateSchedule.of(c.training(), c.training().epochsOrDefault()).rate(0);
        BatchAssembler batches = new BatchAssembler(data.train(), data.trainTransform(), seed);
        int n = data.train().size();
        NoGrad.setDefaultOnThisThread();
        try (NDManager root = NDManager.newBaseManager(device.device())) {
            Backbone backbone = new Backbone(plan, seed);
            backbone.initialize(root.newSubManager());
            LocalNetwork local = localPlan.isBackprop() ? null
                    : LocalNetwork.create(localPlan, backbone, data.trainTransform().normalization(), seed,
                            root.newSubManager());
            try (NesterovSgd optimizer = NesterovSgd.of(c.training(),
                    local == null ? backbone.trainableParameters() : local.trainableParameters(), root)) {
                ParameterStore ps = new ParameterStore(root, false);
                LocalStep localStep = local == null ? null : new LocalStep(local, optimizer, ps);
                TrainingStep step = local == null ? new BpStep(backbone, optimizer, ps) : localStep;
                int units = plan.units().size();
                int forwardBlocks = localStep == null ? units : LocalStep.blockPasses(localPlan, localStep.order());
                int backwardBlocks = localStep == null ? units
                        : LocalStep.backwardPasses(localPlan, localStep.order());
                long peakLive = 0;
                long timedStart = 0;
                LiveMeter meter = step.meter();
                long meterStart = 0;
                int total = WARMUP_STEPS + steps;
                long images = 0;
                List<int[]> order = List.of();
                int next = 0;
                int epoch = -1;
                for (int s = 0; s < total; s++) {
                    if (s == WARMUP_STEPS) {
                        timedStart = System.nanoTime();
                        meterStart = meter.nanos();
                    }
                    if (next >= order.size()) {
                        epoch++;
                        order = EpochOrder.batches(EpochOrder.shuffled(seed, epoch, n), batchSize);
                        next = 0;
                    }
                    int[] indices = order.get(next++);
                    try (NDManager stepManager = root.newSubManager()) {
                        NDList batch = batches.batch(stepManager, indices, epoch);
                        peakLive = Math.max(peakLive, step.run(stepManager, batch, lr).liveBytes());
                    }
                    if (s >= WARMUP_STEPS) {
                        images += indices.length;
                    }
                }
                double seconds = (System.nanoTime() - timedStart) / 1e9;
                double meterSeconds = (meter.nanos() - meterStart) / 1e9;
                StepProfile profile = null;
                if (profileTrace != null) {
                    if (next >= order.size()) {
                        epoch++;
                        order = EpochOrder.batches(EpochOrder.shuffled(seed, epoch, n), batchSize);
                        next = 0;
                    }
                    int[] indices = order.get(next);
                    int e = epoch;
                    try (NDManager stepManager = root.newSubManager()) {
                        BpStep bp = localStep == null ? (BpStep) step : null;
                        OpProfile.Recorded<List<StepProfile.Phase>> recorded = OpProfile.record(profileTrace,
                                () -> profiledStep(stepManager, () -> batches.batch(stepManager, indices, e), localStep,
                                        bp, lr));
                        profile = new StepProfile(recorded.result(), recorded.ops());
                    }
                }
                return new BenchResult(plan.arch().id(), c.methodOrDefault().label(), batchSize, steps,
                        device.description(), images / seconds, seconds / steps, PeakMemory.peakRssBytes(),
                        PeakMemory.deviceUsedBytes(device.device()), peakLive, forwardBlocks, backwardBlocks,
                        meterSeconds / steps, profile);
            }
        }
    }

    /** One training step, phase by phase: the batch, each module's turn (or BP's forward and backward), EMA, optimiser. */
    private static List<StepProfile.Phase> profiledStep(NDManager stepManager, Supplier<NDList> batchOf, LocalStep local,
            BpStep bp, double lr) {
        List<StepProfile.Phase> phases = new ArrayList<>();
        long t = System.nanoTime();
        NDList batch = batchOf.get();
        t = phase(phases, "data", t);
        if (local == null) {
            NDList out = bp.backward(stepManager, batch);
            t = phase(phases, "forward and backward", t);
            bp.update(lr);
            t = phase(phases, "optimiser", t);
            bp.outcome(stepManager, batch, out);
            phase(phases, "bookkeeping", t);
            return phases;
        }
        LocalStep.Pass p = local.backward(stepManager, batch, local.order());
        long[] nanos = p.moduleNanos();
        long modules = 0;
        for (int m = 0; m < nanos.length; m++) {
            phases.add(new StepProfile.Phase("module " + m, nanos[m] / 1e6));
            modules += nanos[m];
        }
        long now = System.nanoTime();
        phases.add(new StepProfile.Phase("between modules", Math.max(0, now - t - modules) / 1e6));
        t = now;
        local.updateTwins();
        t = phase(phases, "EMA twins", t);
        local.update(lr);
        t = phase(phases, "optimiser", t);
        LocalStep.outcome(p);
        phase(phases, "bookkeeping", t);
        return phases;
    }

    private static long phase(List<StepProfile.Phase> phases, String name, long since) {
        long now = System.nanoTime();
        phases.add(new StepProfile.Phase(name, (now - since) / 1e6));
        return now;
    }
}
