package org.mlaan.lab.engine;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.mlaan.lab.core.config.ConfigException;
import org.mlaan.lab.core.config.ConfigValidator;
import org.mlaan.lab.core.config.ExperimentConfig;
import org.mlaan.lab.core.experiment.Experiment;
import org.mlaan.lab.core.local.BatchMemoryCheck;
import org.mlaan.lab.core.local.LocalPlan;
import org.mlaan.lab.core.plan.NetworkPlan;
import org.mlaan.lab.core.run.ClassGroup;
import org.mlaan.lab.core.run.EpochMetrics;
import org.mlaan.lab.core.run.FeatureMaps;
import org.mlaan.lab.core.run.RunFinished;
import org.mlaan.lab.core.run.RunFolder;
import org.mlaan.lab.core.run.RunFolderException;
import org.mlaan.lab.core.run.RunListener;
import org.mlaan.lab.core.run.RunStarted;
import org.mlaan.lab.core.run.RunStatus;
import org.mlaan.lab.core.run.StepGate;
import org.mlaan.lab.core.run.StepMetrics;
import org.mlaan.lab.core.train.LearningRateSchedule;
import org.mlaan.lab.data.BatchAssembler;
import org.mlaan.lab.data.DataSets;
import org.mlaan.lab.data.EpochOrder;
import org.mlaan.lab.data.LoadedData;
import org.mlaan.lab.engine.net.Backbone;
import org.mlaan.lab.engine.net.NoGrad;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One training run of any method: end-to-end backprop (ALGORITHMS.md Part B §8, {@link BpStep}) or
 * a local method ({@link Experiment} resolves the config's roles, {@link LocalNetwork} builds the
 * aux nets, {@link LocalStep} trains them, Part A.6). It builds the backbone from the config's
 * plan, trains on the calling thread with {@link NesterovSgd} and the epoch schedule, evaluates the
 * backbone alone (aux nets are unused at test time, Part A.7), and keeps its {@link RunFolder}
 * (metrics, checkpoints with every aux array, status).
 *
 * <p>Everything random is a function of the run seed: initial weights, the shuffle of each epoch
 * ({@link EpochOrder#shuffled}) and the augmentation of each sample ({@link BatchAssembler}); the
 * learning rate is a function of the epoch. A run resumed from a checkpoint therefore takes the
 * same steps with the same numbers (on the CPU) as one that never stopped.
 *
 * <p>Failures: a config that cannot run fails in {@code create} or {@code resume} with a
 * {@link ConfigException} (or an {@link IOException} for files). An exception during training
 * does not escape {@link #run}: the run ends {@code FAILED}, status.json says so with the message,
 * the last checkpoint stays as it was, and the exception is kept in {@link #failure()}. Errors
 * (out of memory) are recorded the same way and then rethrown.
 *
 * <p>DJL allows one gradient collector per JVM, so one run trains at a time in a process.
 */
public final class TrainingRun implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TrainingRun.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);

    private final Experiment experiment;
    private final ExperimentConfig config;
    private final LoadedData data;
    private final NetworkPlan plan;
    private final LocalPlan localPlan;
    private final DeviceChoice device;
    private final RunFolder folder;
    private final RunKeeper keeper;
    private final NDManager root;
    private final Backbone backbone;
    private final LocalNetwork localNetwork;
    private final NesterovSgd optimizer;
    private final ParameterStore parameters;
    private final LearningRateSchedule schedule;
    private final long seed;
    private final AtomicBoolean started = new AtomicBoolean();
    private volatile boolean cancelRequested;
    /** Nanoseconds the training thread has waited at the gate (paused, or for another run's turn). */
    private long gateWaitNanos;
    private volatile StepGate gate = StepGate.OPEN;
    private int featureEvery;
    private int featureImages;
    private CheckpointState position;
    private Throwable failure;

    private TrainingRun(Experiment experiment, LoadedData data, DeviceChoice device, RunFolder folder,
            InitWeights init) {
        this.experiment = experiment;
        this.config = experiment.config();
        this.data = data;
        this.plan = experiment.network();
        this.localPlan = experiment.plan();
        this.device = device;
        this.folder = folder;
        this.keeper = folder == null ? RunKeeper.NOTHING : new FolderKeeper(folder, this::writeCheckpoint);
        this.seed = config.seedOrDefault();
        int epochs = config.training().epochsOrDefault();
        this.schedule = LearningRateSchedule.of(config.training(), epochs);
        this.root = NDManager.newBaseManager(device.device());
        try {
            Engine.getInstance().setRandomSeed((int) (seed ^ (seed >>> 32)));
            this.backbone = new Backbone(plan, seed);
            backbone.initialize(root.newSubManager());
            if (init != null) {
                // Before the aux nets: leap and MAN copies start as copies of the live blocks.
                init.copyInto(backbone, root);
            }
            this.localNetwork = localPlan.isBackprop() ? null
                    : LocalNetwork.create(localPlan, backbone, data.trainTransform().normalization(), seed,
                            root.newSubManager());
            this.optimizer = NesterovSgd.of(config.training(), localNetwork == null ? backbone.trainableParameters()
                    : localNetwork.trainableParameters(), root);
            this.parameters = new ParameterStore(root, false);
        } catch (RuntimeException e) {
            root.close();
            throw e;
        }
        this.position = CheckpointState.start(epochs, schedule.rate(0), seed, plan.arch().id());
    }

    /** A new run of {@code config}, on the data set it names (opened with {@link DataSets#open}). */
    public static TrainingRun create(ExperimentConfig config, RunOptions options) throws ConfigException, IOException {
        ExperimentConfig effective = effective(config, options);
        return create(effective, options, DataSets.open(effective.dataset()));
    }

    /**
     * A new run of {@code config} on data the caller has already loaded, from the seed's initial
     * weights or, with {@link RunOptions#init()}, from the backbone weights of that file (read and
     * checked before the run folder is made; recorded in its provenance).
     */
    public static TrainingRun create(ExperimentConfig config, RunOptions options, LoadedData data)
            throws ConfigException, IOException {
        ExperimentConfig effective = effective(config, options);
        Experiment experiment = Experiment.resolve(effective, data.shape());
        NetworkPlan plan = experiment.network();
        LocalPlan localPlan = experiment.plan();
        refuseBatchBeyondData(effective, data);
        DeviceChoice device = deviceFor(effective);
        refuseBatchBeyondMemory(effective, localPlan, device);
        // Read and checked before the run folder is made: a file that does not fit leaves no folder behind.
        InitWeights init = options.init() == null ? null : InitWeights.read(options.init(), plan);
        if (!options.writesFolder()) {
            return new TrainingRun(experiment, data, device, null, init);
        }
        LocalDateTime now = LocalDateTime.now();
        RunFolder folder = options.runFolder() != null ? RunFolder.createAt(options.runFolder())
                : RunFolder.create(options.outDir(), effective.nameOrDefault(), now);
        try {
            folder.writeConfig(effective);
            folder.writeProvenance(RunProvenance.capture(effective.seedOrDefault(), device.description(),
                    options.commandLine(), now, null, init == null ? null : init.record(), experiment.description()),
                    RunFolder.PROVENANCE);
            return new TrainingRun(experiment, data, device, folder, init);
        } catch (IOException | RuntimeException e) {
            folder.close();
            throw e;
        }
    }

    /**
     * Continues the run in {@code runDir} from its last checkpoint, with the config it ran with
     * (the options may override the device and extend the epochs); the data is reopened from it.
     */
    public static TrainingRun resume(Path runDir, RunOptions options) throws ConfigException, IOException {
        refuseInit(options);
        ExperimentConfig saved = RunFolder.open(runDir).readConfig(); // only for the data set: resume locks
        ExperimentConfig effective = effective(saved, options);
        return resume(runDir, options, DataSets.open(effective.dataset()));
    }

    /**
     * Continues the run in {@code runDir} on data the caller has already loaded. The folder is
     * locked first (a second writer is refused), must hold no links, and its checkpoint must
     * match the checksums it was written with.
     */
    public static TrainingRun resume(Path runDir, RunOptions options, LoadedData data)
            throws ConfigException, IOException {
        refuseInit(options);
        RunFolder folder = RunFolder.openForWriting(runDir);
        try {
            return resume(folder, options, data);
        } catch (IOException | RuntimeException e) {
            folder.close();
            throw e;
        }
    }

    private static TrainingRun resume(RunFolder folder, RunOptions options, LoadedData data)
            throws ConfigException, IOException {
        Path runDir = folder.dir();
        ExperimentConfig saved = folder.readConfig();
        ExperimentConfig effective = effective(saved, options);
        Path checkpoint = Checkpoint.find(folder.checkpointsDir()).orElseThrow(() -> new RunFolderException(
                runDir + ": no checkpoint to resume from (checkpoints are written at the end of each epoch"
                        + " and on cancel)"));
        CheckpointState state = Checkpoint.verify(checkpoint);
        refuseShortening(runDir, saved, options, state);
        Experiment experiment = Experiment.resolve(effective, data.shape());
        NetworkPlan plan = experiment.network();
        LocalPlan localPlan = experiment.plan();
        if (state.seed() != effective.seedOrDefault() || !state.arch().equals(plan.arch().id())) {
            throw new ConfigException(runDir.resolve(RunFolder.CONFIG).toString(), List.of(
                    "seed/network.arch: the checkpoint was written by seed " + state.seed() + " on "
                            + state.arch() + ", the config says seed " + effective.seedOrDefault() + " on "
                            + plan.arch().id()));
        }
        DeviceChoice device = deviceFor(effective);
        refuseBatchBeyondMemory(effective, localPlan, device);
        TrainingRun run = new TrainingRun(experiment, data, device, folder, null);
        try {
            Checkpoint.load(checkpoint, run.backbone, run.auxArrays(), run.optimizer, run.root);
            run.position = state;
            LocalDateTime now = LocalDateTime.now();
            folder.writeConfig(effective);
            folder.writeProvenance(RunProvenance.capture(effective.seedOrDefault(), device.description(),
                    options.commandLine(), now, state.position(), null, experiment.description()),
                    "provenance-resumed-" + STAMP.format(now) + ".json");
        } catch (IOException | RuntimeException e) {
            run.close();
            throw e;
        }
        return run;
    }

    /** A resumed run continues from its own checkpoint; starting weights belong to a new run. */
    private static void refuseInit(RunOptions options) {
        if (options.init() != null) {
            throw new IllegalArgumentException("--init " + options.init() + ": a resumed run continues from its own"
                    + " checkpoint; start weights are for a new run (--config)");
        }
    }

    /**
     * A resume may keep or extend a run's epochs, never cut them: the config would then claim a
     * shorter run (and schedule) than the one whose epochs are on disk.
     */
    private static void refuseShortening(Path runDir, ExperimentConfig saved, RunOptions options,
            CheckpointState state) {
        Integer asked = options.epochs();
        int planned = saved.training().epochsOrDefault();
        if (asked != null && asked < planned) {
            throw new IllegalArgumentException("--epochs " + asked + ": " + runDir + " was started for " + planned
                    + " epochs and has done " + state.epoch() + "; a resume can keep or extend a run's epochs,"
                    + " not shorten them (its config would no longer say what ran). Start a new run for a shorter"
                    + " budget.");
        }
    }

    /** The config with the options' overrides applied, its fields validated (the split and roles by {@link Experiment}). */
    static ExperimentConfig effective(ExperimentConfig config, RunOptions options) throws ConfigException {
        ExperimentConfig c = config;
        if (options.device() != null) {
            c = c.withDevice(options.device());
        }
        if (options.epochs() != null) {
            c = c.withTraining(c.training().withEpochs(options.epochs()));
        }
        ConfigValidator.validate(c, null);
        return c;
    }

    /**
     * The validator bounds a given batch by the configured training set; a file set read whole
     * has its size only now. Without this a step would silently take the whole set, not the batch.
     */
    private static void refuseBatchBeyondData(ExperimentConfig c, LoadedData data) throws ConfigException {
        Integer batch = c.training().batchSize();
        int images = data.train().size();
        if (batch != null && batch > images) {
            throw new ConfigException(null, List.of("training.batchSize: " + batch + " images per step is more"
                    + " than the " + images + " training images of the data set"));
        }
    }

    /** Refuses a batch whose activations cannot fit on the device, before the network is built. */
    private static void refuseBatchBeyondMemory(ExperimentConfig c, LocalPlan localPlan, DeviceChoice device)
            throws ConfigException {
        BatchMemoryCheck check = new BatchMemoryCheck(DeviceMemory.totalBytes(device.device()),
                DeviceMemory.holder(device.device()));
        Optional<String> problem = check.problem(localPlan, c.training().batchSizeOrDefault());
        if (problem.isPresent()) {
            throw new ConfigException(null, List.of(problem.get()));
        }
    }

    private static DeviceChoice deviceFor(ExperimentConfig c) throws ConfigException {
        try {
            return DeviceChoice.resolve(c.deviceOrDefault()).requireExactKernels();
        } catch (IllegalArgumentException e) {
            throw new ConfigException(null, List.of(e.getMessage()));
        }
    }

    /**
     * Trains to the last epoch, or until {@link #cancel()}, on the calling thread; events go to
     * {@code listener} on this thread. A run runs once.
     */
    public RunFinished run(RunListener listener) {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("this TrainingRun has already run; resume its folder instead");
        }
        long startNanos = System.nanoTime();
        NoGrad.setDefaultOnThisThread();
        Progress progress = new Progress(position);
        RunListener events = listener;
        try {
            if (featureEvery > 0) {
                events = new FeatureTapping(listener, new FeatureTap(backbone, parameters,
                        new BatchAssembler(data.test(), data.testTransform(), seed),
                        data.testTransform().normalization(), featureImages), root, featureEvery,
                        position.globalStep());
            }
            return train(events, progress, startNanos);
        } catch (Exception e) {
            return fail(events, progress, startNanos, e);
        } catch (Error e) {
            fail(events, progress, startNanos, e);
            throw e;
        } finally {
            gate.release();
        }
    }

    /**
     * Lets {@code stepGate} decide when each step may start (pause and single steps from the
     * window, turns among runs trained side by side). Call before {@link #run}.
     */
    public TrainingRun gatedBy(StepGate stepGate) {
        this.gate = stepGate == null ? StepGate.OPEN : stepGate;
        return this;
    }

    /**
     * Asks the run to send {@link FeatureMaps} of {@code images} fixed test images to its listener
     * before its first step and then every {@code everySteps} steps (MLAAN Figure 4). Call before
     * {@link #run}; 0 steps turns it off.
     */
    public TrainingRun tapFeatureMaps(int everySteps, int images) {
        if (everySteps < 0 || images < 1) {
            throw new IllegalArgumentException("feature maps need everySteps >= 0 and images >= 1, got "
                    + everySteps + " and " + images);
        }
        this.featureEvery = everySteps;
        this.featureImages = images;
        return this;
    }

    private RunFinished train(RunListener listener, Progress p, long startNanos) throws IOException {
        int epochs = config.training().epochsOrDefault();
        int batchSize = config.training().batchSizeOrDefault();
        int trainSize = data.train().size();
        int steps = stepsPerEpoch();
        BatchAssembler trainBatches = new BatchAssembler(data.train(), data.trainTransform(), seed);
        BatchAssembler testBatches = new BatchAssembler(data.test(), data.testTransform(), seed);
        TrainingStep step = newStep();
        EtaEstimator eta = new EtaEstimator();
        CheckpointState from = position;
        keeper.starting(from, status(RunStatus.RUNNING, "", p));
        listener.onStarted(new RunStarted(keeper.dir() == null ? null : keeper.dir().toString(), device.description(),
                from.epoch(), epochs, steps, trainSize, data.test().size()));
        // Wall seconds of the epochs before this one: a resumed run's steps go on from there.
        double runSeconds = keeper.secondsOfEpochsBefore(from.epoch());
        for (int epoch = from.epoch(); epoch < epochs; epoch++) {
            boolean continuing = epoch == from.epoch();
            double lr = schedule.rate(epoch);
            long epochStart = System.nanoTime();
            long epochWaited = gateWaitNanos;
            double secondsBefore = continuing ? from.epochSeconds() : 0;
            if (!continuing) {
                p.startEpoch();
            }
            List<int[]> batches = EpochOrder.batches(EpochOrder.shuffled(seed, epoch, trainSize), batchSize);
            for (int s = continuing ? from.step() : 0; s < steps; s++) {
                if (!cancelRequested) {
                    awaitGate();
                }
                if (cancelRequested) {
                    // The gate may have let the run in just before the cancel: hand the turn on,
                    // or the other runs taking turns would wait for a step that never comes.
                    gate.exit();
                    return cancel(listener, p, epoch, s, lr, secondsBefore + activeSeconds(epochStart, epochWaited),
                            startNanos);
                }
                long t = System.nanoTime();
                StepOutcome o;
                try (NDManager stepManager = root.newSubManager()) {
                    NDList batch = trainBatches.batch(stepManager, batches.get(s), epoch);
                    o = step.run(stepManager, batch, lr);
                } finally {
                    gate.exit();
                }
                double stepSeconds = seconds(t);
                if (p.globalStep == from.globalStep()) {
                    auditDevice();
                }
                eta.record(stepSeconds);
                p.add(o);
                long remaining = (long) (epochs - epoch - 1) * steps + (steps - s - 1);
                StepMetrics m = new StepMetrics(epoch, s, p.globalStep, o.loss(), o.moduleLosses(),
                        (double) o.correct() / o.batchSize(), lr, o.batchSize() / stepSeconds,
                        eta.secondsFor(remaining), o.liveBytes(), PeakMemory.deviceUsedBytes(device.device()),
                        o.ownLosses(), o.cascadeLosses(), o.liveBytes() >= 0 ? PeakMemory.peakRssBytes() : -1,
                        runSeconds + secondsBefore + activeSeconds(epochStart, epochWaited));
                p.globalStep++;
                keeper.step(m);
                listener.onStep(m);
            }
            if (cancelRequested) {
                return cancel(listener, p, epoch, steps, lr, secondsBefore + activeSeconds(epochStart, epochWaited),
                        startNanos);
            }
            boolean evaluate = (epoch + 1) % config.training().evalEveryOrDefault() == 0 || epoch == epochs - 1;
            double top1 = Double.NaN;
            double top5 = Double.NaN;
            Map<String, Double> groups = Map.of();
            if (evaluate) {
                Evaluation ev = Evaluator.evaluate(root, backbone, parameters, testBatches, batchSize);
                top1 = ev.top1Error();
                top5 = ev.top5Error();
                p.evaluated(top1, top5);
                // Issue 14, item 3: the arrangement classes against the texture classes show the myopia.
                groups = ClassGroup.errors(data.classGroups(), ev.wrongByClass(), ev.countByClass());
            }
            EpochMetrics em = new EpochMetrics(epoch, p.epochLoss(), p.epochAccuracy(), top1, top5, p.best, lr,
                    secondsBefore + activeSeconds(epochStart, epochWaited), groups);
            p.epochsDone = epoch + 1;
            runSeconds += em.seconds();
            position = p.state(epoch + 1, 0, epochs, scheduleRate(epoch + 1), 0);
            keeper.epochEnded(em, position, status(RunStatus.RUNNING, "", p));
            listener.onEpoch(em);
        }
        return finish(listener, p, RunFinished.Status.COMPLETED, "", startNanos);
    }

    /** The weights, aux arrays and optimiser state as a checkpoint at {@code at}. */
    private void writeCheckpoint(Path checkpointsDir, CheckpointState at) throws IOException {
        Checkpoint.write(checkpointsDir, backbone, auxArrays(), optimizer, at);
    }

    /** After the first step every array the run keeps must be on its device (issue: GPU path). */
    private void auditDevice() {
        List<String> off = DeviceAudit.offDevice(root, device.device());
        if (!off.isEmpty()) {
            throw new IllegalStateException(DeviceAudit.message(off, device.device()));
        }
    }

    /**
     * Waits until the gate lets the next step start; an interrupt counts as a cancel. The time
     * spent here (paused, or waiting for another run's turn) is not the run's: it is left out of
     * its epoch and run times (issue 15).
     */
    private void awaitGate() {
        long t = System.nanoTime();
        try {
            gate.enter();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancelRequested = true;
        } finally {
            gateWaitNanos += System.nanoTime() - t;
        }
    }

    /** Seconds since {@code sinceNanos} less the gate waits since the wait total was {@code waitedBefore}. */
    private double activeSeconds(long sinceNanos, long waitedBefore) {
        return (System.nanoTime() - sinceNanos - (gateWaitNanos - waitedBefore)) / 1e9;
    }

    private RunFinished cancel(RunListener listener, Progress p, int epoch, int step, double lr, double epochSeconds,
            long startNanos) throws IOException {
        position = p.state(epoch, step, config.training().epochsOrDefault(), lr, epochSeconds);
        keeper.cancelled(position);
        return finish(listener, p, RunFinished.Status.CANCELLED,
                "cancelled at epoch " + epoch + ", step " + step, startNanos);
    }

    /**
     * Ends a run that threw: the message goes to the listener and to what the run keeps (status.json,
     * the trace in run.log, {@link FolderKeeper#failed}), never to the user's terminal directly.
     */
    private RunFinished fail(RunListener listener, Progress p, long startNanos, Throwable e) {
        failure = e;
        String message = e.getMessage() == null ? e.toString() : e.getClass().getSimpleName() + ": " + e.getMessage();
        if (keeper.dir() == null) {
            // Without a folder the log is the only record of what went wrong.
            LOG.warn("training failed: {}", message);
            LOG.debug("training failed", e);
        }
        keeper.failed(e, status(RunStatus.FAILED, message, p));
        RunFinished f = finished(p, RunFinished.Status.FAILED, message, startNanos);
        try {
            listener.onFinished(f);
        } catch (RuntimeException listenerFailure) {
            e.addSuppressed(listenerFailure);
        }
        return f;
    }

    private RunFinished finish(RunListener listener, Progress p, RunFinished.Status status, String message,
            long startNanos) throws IOException {
        keeper.ended(status(RunStatus.stateOf(status), message, p));
        RunFinished f = finished(p, status, message, startNanos);
        listener.onFinished(f);
        return f;
    }

    private RunFinished finished(Progress p, RunFinished.Status status, String message, long startNanos) {
        return new RunFinished(status, p.epochsDone, p.lastTop1, p.best, p.lastTop5, activeSeconds(startNanos, 0),
                message);
    }

    private RunStatus status(String state, String message, Progress p) {
        return new RunStatus(state, message, p.epochsDone, config.training().epochsOrDefault(),
                RunStatus.orNull(p.lastTop1), RunStatus.orNull(p.best), RunStatus.orNull(p.lastTop5),
                LocalDateTime.now().toString());
    }

    private double scheduleRate(int epoch) {
        return epoch < schedule.epochs() ? schedule.rate(epoch) : 0;
    }

    private static double seconds(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1e9;
    }

    /** Steps in one epoch: all batches, or {@code training.stepsPerEpoch} when that is fewer. */
    public int stepsPerEpoch() {
        return stepsPerEpoch(config, data.train().size());
    }

    /** Steps in one epoch of {@code c} over {@code trainImages} images (see {@link #stepsPerEpoch()}). */
    public static int stepsPerEpoch(ExperimentConfig c, int trainImages) {
        int all = EpochOrder.batchCount(trainImages, c.training().batchSizeOrDefault());
        Integer cap = c.training().stepsPerEpoch();
        return cap == null ? all : Math.min(all, cap);
    }

    /**
     * Asks the run to stop after the step in progress; it then writes a checkpoint at that point
     * and ends {@code CANCELLED}. Safe from any thread.
     */
    public void cancel() {
        cancelRequested = true;
        gate.release();
    }

    /** The run folder, or null when the options asked for none. */
    public Path runDir() {
        return keeper.dir();
    }

    public NetworkPlan plan() {
        return plan;
    }

    /** The config as it runs (overrides applied). */
    public ExperimentConfig config() {
        return config;
    }

    public String deviceDescription() {
        return device.description();
    }

    /** Why {@code auto} chose the CPU, or empty. */
    public String deviceNotice() {
        return device.notice();
    }

    /** The position training starts from: epoch 0 step 0, or a resumed checkpoint's. */
    public CheckpointState startPosition() {
        return position;
    }

    /** The exception that ended the run {@code FAILED}, if it did. */
    public Optional<Throwable> failure() {
        return Optional.ofNullable(failure);
    }

    Backbone backbone() {
        return backbone;
    }

    /** The aux networks of a local method; null for BP. */
    LocalNetwork localNetwork() {
        return localNetwork;
    }

    /** The resolved roles of every module (one module without roles for BP). */
    public LocalPlan localPlan() {
        return localPlan;
    }

    private Map<String, Parameter> auxArrays() {
        return localNetwork == null ? Map.of() : localNetwork.auxParameters().all();
    }

    private TrainingStep newStep() {
        // Issue 13: the live-tensor walk is sampled in a run (the memory chart gets a point every n steps).
        LiveMeter meter = LiveMeter.sampled(LiveMeter.TRAINING_EVERY);
        return localNetwork == null ? new BpStep(backbone, optimizer, parameters, meter)
                : new LocalStep(localNetwork, optimizer, parameters, LocalStep.Order.of(experiment.order()), meter);
    }

    /** Arrays alive under this run's root manager (parameters, buffers and anything leaked). */
    int liveArrayCount() {
        return LiveArrays.count(root);
    }

    /** Frees the network and every array of the run; call after {@link #run} has returned. */
    @Override
    public void close() {
        try {
            keeper.close();
        } catch (IOException e) {
            LOG.warn("closing the metrics files of {} failed: {}", keeper.dir(), e.getMessage());
        }
        optimizer.close();
        root.close();
    }

    /** Counters of the run in progress. */
    private final class Progress {
        long globalStep;
        int epochsDone;
        double best;
        double lastTop1;
        double lastTop5;
        double lossSum;
        long correct;
        long seen;

        Progress(CheckpointState s) {
            globalStep = s.globalStep();
            epochsDone = s.epoch();
            best = nan(s.bestTop1Error());
            lastTop1 = nan(s.lastTop1Error());
            lastTop5 = nan(s.lastTop5Error());
            lossSum = s.epochLossSum();
            correct = s.epochCorrect();
            seen = s.epochSeen();
        }

        void startEpoch() {
            lossSum = 0;
            correct = 0;
            seen = 0;
        }

        void add(StepOutcome o) {
            lossSum += (double) o.loss() * o.batchSize();
            correct += o.correct();
            seen += o.batchSize();
        }

        void evaluated(double top1, double top5) {
            lastTop1 = top1;
            lastTop5 = top5;
            if (Double.isNaN(best) || top1 < best) {
                best = top1;
            }
        }

        double epochLoss() {
            return seen == 0 ? Double.NaN : lossSum / seen;
        }

        double epochAccuracy() {
            return seen == 0 ? Double.NaN : (double) correct / seen;
        }

        CheckpointState state(int epoch, int step, int epochs, double lr, double epochSeconds) {
            boolean fresh = step == 0;
            return new CheckpointState(epoch, step, globalStep, epochs, lr, RunStatus.orNull(best),
                    RunStatus.orNull(lastTop1), RunStatus.orNull(lastTop5), fresh ? 0 : lossSum, fresh ? 0 : correct,
                    fresh ? 0 : seen, epochSeconds, seed, plan.arch().id(), LocalDateTime.now().toString());
        }

        private double nan(Double d) {
            return d == null ? Double.NaN : d;
        }
    }
}
