package org.mlaan.lab.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleConsumer;
import org.mlaan.lab.core.config.ConfigException;
import org.mlaan.lab.core.config.ExperimentConfig;
import org.mlaan.lab.core.config.Method;
import org.mlaan.lab.core.experiment.Experiment;
import org.mlaan.lab.core.local.ModulePlan;
import org.mlaan.lab.core.plan.NetworkPlan;
import org.mlaan.lab.core.run.FeatureMaps;
import org.mlaan.lab.core.run.RunFolder;
import org.mlaan.lab.core.run.RunRecord;
import org.mlaan.lab.core.split.ModuleSpan;
import org.mlaan.lab.data.BatchAssembler;
import org.mlaan.lab.data.DataSets;
import org.mlaan.lab.data.EpochOrder;
import org.mlaan.lab.data.ImageSet;
import org.mlaan.lab.data.LoadedData;
import org.mlaan.lab.data.SampleTransform;
import org.mlaan.lab.engine.net.Backbone;
import org.mlaan.lab.engine.net.NoGrad;

/**
 * The backbone of a finished (or stopped) run, loaded from its last checkpoint to be read, never
 * trained: built from the run's config exactly as {@link TrainingRun#create} builds it, its
 * parameters (BN running statistics included) copied from {@code checkpoints/last}, and run in
 * evaluation mode with no graph. No gradient collector is opened, so analyses can run while the
 * window trains (DJL allows one collector per JVM). Aux networks are not loaded: they are unused
 * at test time (ALGORITHMS.md Part A.7).
 *
 * <p>Images are fed without augmentation and normalised as in training (the data set's plain
 * transform), in batches of the run's batch size, each batch in its own sub-manager.
 */
public final class TrainedNetwork implements AutoCloseable {
    private final RunRecord run;
    private final LoadedData data;
    private final NetworkPlan plan;
    private final List<ModuleSpan> modules;
    private final CheckpointState checkpoint;
    private final DeviceChoice device;
    private final NDManager root;
    private final Backbone backbone;
    private final ParameterStore parameters;
    private final int batchSize;

    private TrainedNetwork(RunRecord run, LoadedData data, NetworkPlan plan, List<ModuleSpan> modules,
            CheckpointState checkpoint, DeviceChoice device, Path parametersFile) throws IOException {
        this.run = run;
        this.data = data;
        this.plan = plan;
        this.modules = List.copyOf(modules);
        this.checkpoint = checkpoint;
        this.device = device;
        this.batchSize = Math.max(1, Math.min(256, run.config().training().batchSizeOrDefault()));
        this.root = NDManager.newBaseManager(device.device());
        try {
            this.backbone = new Backbone(plan, run.config().seedOrDefault());
            backbone.initialize(root.newSubManager());
            Checkpoint.loadParameters(parametersFile, backbone, root);
            this.parameters = new ParameterStore(root, false);
        } catch (IOException | RuntimeException e) {
            root.close();
            throw e;
        }
    }

    /**
     * The run's network from its last checkpoint, on {@code device} ({@code cpu}, {@code gpu},
     * {@code gpu:N}, {@code auto}), with the run's data set opened with at most
     * {@code trainImages} training and {@code testImages} test images (the first ones, which are
     * the images the run used: every reader and the built-in generator give prefixes).
     *
     * @throws IOException naming the run folder when its checkpoint is missing or does not fit its config
     */
    public static TrainedNetwork load(RunRecord run, String device, int trainImages, int testImages)
            throws IOException {
        if (trainImages < 1 || testImages < 1) {
            throw new IllegalArgumentException("a loaded run needs at least one training and one test image, got "
                    + trainImages + " and " + testImages);
        }
        Path parameters = parametersFile(run);
        LoadedData data;
        try {
            data = DataSets.open(run.config().dataset().capped(trainImages, testImages));
        } catch (IllegalArgumentException e) {
            throw new IOException(run.dir() + ": the run's data set cannot be opened: " + e.getMessage(), e);
        }
        return load(run, device, data, parameters);
    }

    /** As {@link #load(RunRecord, String, int, int)} on data the caller has already opened (the run's own). */
    public static TrainedNetwork load(RunRecord run, String device, LoadedData data) throws IOException {
        return load(run, device, data, parametersFile(run));
    }

    private static TrainedNetwork load(RunRecord run, String device, LoadedData data, Path parameters)
            throws IOException {
        ExperimentConfig config = run.config();
        NetworkPlan plan;
        List<ModuleSpan> spans = new ArrayList<>();
        try {
            Experiment experiment = Experiment.resolve(config, data.shape());
            plan = experiment.network();
            for (ModulePlan m : experiment.plan().modules()) {
                spans.add(m.span());
            }
        } catch (ConfigException e) {
            throw new IOException(run.dir() + ": the run's config does not describe a network: " + e.getMessage(), e);
        }
        CheckpointState state = Checkpoint.readState(parameters.getParent());
        if (!state.arch().equals(plan.arch().id())) {
            throw new IOException(run.dir() + ": the checkpoint holds a " + state.arch() + ", the config names "
                    + plan.arch().id());
        }
        DeviceChoice choice;
        try {
            choice = DeviceChoice.resolve(device == null ? "cpu" : device);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("device: " + e.getMessage(), e);
        }
        return new TrainedNetwork(run, data, plan, spans, state, choice, parameters);
    }

    private static Path parametersFile(RunRecord run) throws IOException {
        Path checkpoints = run.dir().resolve(RunFolder.CHECKPOINTS);
        Path last = Checkpoint.find(checkpoints).orElseThrow(() -> new IOException(run.dir()
                + ": no checkpoint in " + RunFolder.CHECKPOINTS + "/ (one is written at the end of each epoch"
                + " and on cancel; this run has none yet)"));
        Path file = last.resolve(Checkpoint.PARAMETERS);
        if (!Files.isRegularFile(file)) {
            throw new IOException(run.dir() + ": the checkpoint " + last.getFileName() + " has no "
                    + Checkpoint.PARAMETERS);
        }
        return file;
    }

    /** The run folder's name. */
    public String name() {
        return run.dir().getFileName().toString();
    }

    public RunRecord run() {
        return run;
    }

    public Method method() {
        return run.config().methodOrDefault();
    }

    public NetworkPlan plan() {
        return plan;
    }

    /** The run's modules (one spanning the whole network for BP). */
    public List<ModuleSpan> modules() {
        return modules;
    }

    /** The run's data as opened for this network (plain transform for reading: {@link #testTransform()}). */
    public LoadedData data() {
        return data;
    }

    /** Normalisation without augmentation: what every read here feeds the network. */
    public SampleTransform testTransform() {
        return data.testTransform();
    }

    /** The loaded backbone, in evaluation mode's hands: read it, never train it. */
    Backbone backbone() {
        return backbone;
    }

    /** The state of the checkpoint that was loaded. */
    public CheckpointState checkpoint() {
        return checkpoint;
    }

    public String deviceDescription() {
        return device.description();
    }

    /**
     * Top-1 (and top-5 above 10 classes) error of the network on every image of {@code set},
     * which must have the network's input size and class count.
     */
    public Evaluation evaluate(ImageSet set) {
        checkFits(set);
        return Evaluator.evaluate(root, backbone, parameters,
                new BatchAssembler(set, data.testTransform(), run.config().seedOrDefault()), batchSize);
    }

    /**
     * The globally average-pooled outputs of {@code units} (ascending plan indices) for the first
     * {@code count} images of {@code set}: one array per unit, {@code count} rows of that unit's
     * channels, row-major. One forward pass per batch reads every unit.
     */
    public float[][] pooledOutputs(ImageSet set, int count, int[] units, DoubleConsumer progress) {
        checkFits(set);
        checkUnits(units);
        int n = Math.min(count, set.size());
        float[][] out = new float[units.length][];
        for (int k = 0; k < units.length; k++) {
            out[k] = new float[n * plan.unit(units[k]).out().channels()];
        }
        BatchAssembler assembler = new BatchAssembler(set, data.testTransform(), run.config().seedOrDefault());
        List<int[]> batches = EpochOrder.batches(EpochOrder.sequential(n), batchSize);
        int done = 0;
        try (NoGrad noGrad = NoGrad.enter()) {
            for (int[] indices : batches) {
                try (NDManager batchManager = root.newSubManager()) {
                    NDArray h = assembler.batch(batchManager, indices, 0).get(0);
                    int cursor = 0;
                    for (int k = 0; k < units.length; k++) {
                        h = backbone.forward(parameters, h, cursor, units[k], false);
                        cursor = units[k] + 1;
                        float[] pooled = pool(h).toFloatArray();
                        System.arraycopy(pooled, 0, out[k], done * (pooled.length / indices.length), pooled.length);
                    }
                }
                done += indices.length;
                progress.accept((double) done / n);
            }
        }
        return out;
    }

    /** (B, C, H, W) to (B, C) by the spatial mean; a (B, C) output is already pooled. */
    private static NDArray pool(NDArray h) {
        if (h.getShape().dimension() != 4) {
            return h;
        }
        // PyTorch's mean in DJL takes one axis: flatten the plane first.
        return h.reshape(h.getShape().get(0), h.getShape().get(1), -1).mean(new int[] {2});
    }

    /**
     * The n x n Gram matrices {@code X X^T} of the outputs of {@code units} (ascending plan
     * indices) for the first {@code count} images of {@code set}, each output flattened to
     * C*H*W features and centred over the images (MLAAN Figure 6 compares them by
     * {@code LinearCka.fromGrams}). The images go through the network unit range by unit range,
     * so only one unit's outputs for all images are held at a time; each Gram is one matrix
     * product.
     */
    public double[][] grams(ImageSet set, int count, int[] units, DoubleConsumer progress) {
        checkFits(set);
        checkUnits(units);
        int n = Math.min(count, set.size());
        BatchAssembler assembler = new BatchAssembler(set, data.testTransform(), run.config().seedOrDefault());
        List<int[]> batches = EpochOrder.batches(EpochOrder.sequential(n), batchSize);
        NDManager[] managers = new NDManager[batches.size()];
        NDArray[] current = new NDArray[batches.size()];
        double[][] out = new double[units.length][];
        try (NoGrad noGrad = NoGrad.enter()) {
            for (int b = 0; b < batches.size(); b++) {
                managers[b] = root.newSubManager();
                current[b] = assembler.batch(managers[b], batches.get(b), 0).get(0);
            }
            int cursor = 0;
            for (int k = 0; k < units.length; k++) {
                for (int b = 0; b < batches.size(); b++) {
                    NDManager next = root.newSubManager();
                    NDArray h = backbone.forward(parameters, current[b], cursor, units[k], false);
                    h.attach(next);
                    managers[b].close();
                    managers[b] = next;
                    current[b] = h;
                }
                cursor = units[k] + 1;
                out[k] = gram(current, n);
                progress.accept((k + 1.0) / units.length);
            }
        } finally {
            for (NDManager m : managers) {
                if (m != null) {
                    m.close();
                }
            }
        }
        return out;
    }

    /** X X^T of the row-centred, flattened batches stacked into X (n rows). */
    private double[] gram(NDArray[] batches, int n) {
        try (NDManager scratch = root.newSubManager()) {
            NDList flat = new NDList();
            for (NDArray h : batches) {
                NDArray f = h.reshape(h.getShape().get(0), -1);
                f.attach(scratch);
                flat.add(f);
            }
            NDArray x = flat.size() == 1 ? flat.get(0) : NDArrays.concat(flat, 0);
            NDArray centred = x.sub(x.mean(new int[] {0}, true));
            float[] g = centred.matMul(centred.transpose()).toFloatArray();
            double[] out = new double[n * n];
            for (int i = 0; i < out.length; i++) {
                out[i] = g[i];
            }
            return out;
        }
    }

    /**
     * Feature maps of the first test image of each class, up to {@code images} (MLAAN Figure 4),
     * from the same tap training uses, stamped with the checkpoint's step and the epoch of the last
     * step taken, as training stamps them (a checkpoint at an epoch's end points at the next epoch).
     */
    public FeatureMaps featureMaps(int images) {
        BatchAssembler test = new BatchAssembler(data.test(), data.testTransform(), run.config().seedOrDefault());
        FeatureTap tap = new FeatureTap(backbone, parameters, test, data.testTransform().normalization(), images);
        int lastStepEpoch = checkpoint.step() == 0 && checkpoint.epoch() > 0 ? checkpoint.epoch() - 1
                : checkpoint.epoch();
        return tap.take(root, checkpoint.globalStep(), lastStepEpoch);
    }

    private void checkFits(ImageSet set) {
        if (set.height() != plan.input().height() || set.width() != plan.input().width()
                || set.channels() != plan.input().channels()) {
            throw new IllegalArgumentException(set.name() + ": images are " + set.shape() + ", the network of "
                    + name() + " takes " + plan.input() + " (resize them first)");
        }
        if (set.numClasses() != plan.classes()) {
            throw new IllegalArgumentException(set.name() + " has " + set.numClasses() + " classes, the network of "
                    + name() + " was trained on " + plan.classes());
        }
    }

    private void checkUnits(int[] units) {
        for (int k = 0; k < units.length; k++) {
            if (units[k] < 0 || units[k] >= plan.size() || (k > 0 && units[k] <= units[k - 1])) {
                throw new IllegalArgumentException("units must be ascending indices into 0.." + (plan.size() - 1)
                        + ", got " + java.util.Arrays.toString(units));
            }
        }
    }

    /** Frees every array of the network. */
    @Override
    public void close() {
        root.close();
    }
}
