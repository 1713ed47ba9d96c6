package org.mlaan.lab.analysis;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mlaan.lab.analysis.result.FeatureMapPanel;
import org.mlaan.lab.analysis.result.GeneralisationRow;
import org.mlaan.lab.analysis.result.SeparabilityCurve;
import org.mlaan.lab.analysis.result.SeparabilityPoint;
import org.mlaan.lab.analysis.result.SimilarityResult;
import org.mlaan.lab.core.config.DatasetConfig;
import org.mlaan.lab.core.config.DatasetVariant;
import org.mlaan.lab.core.plan.NetworkPlan;
import org.mlaan.lab.core.plan.Unit;
import org.mlaan.lab.core.run.RunRecord;
import org.mlaan.lab.core.split.ModuleSpan;
import org.mlaan.lab.core.stats.LinearCka;
import org.mlaan.lab.core.stats.SoftmaxRegression;
import org.mlaan.lab.data.DataSets;
import org.mlaan.lab.data.ImageSet;
import org.mlaan.lab.data.LoadedData;
import org.mlaan.lab.engine.TrainedNetwork;

/**
 * The checkpoint analyses of {@link RunAnalyses}, on {@link TrainedNetwork}s loaded from run
 * folders (evaluation mode, no graph, no gradient collector; the CPU unless another device is
 * given).
 *
 * <p><b>Where a run is read</b> ({@link #readPoints}): at the end of each module; a module that
 * ends with the head is read at the last block, the head's input, since the head is itself a
 * linear classifier. BP has no modules, so it is read at the end of every stage, the places a
 * person would cut it.
 *
 * <p><b>Linear probe</b>: a {@link SoftmaxRegression} (full-batch L-BFGS to convergence on
 * standardised features, L2 {@value SoftmaxRegression#DEFAULT_L2}). Tribuo's linear SGD trainer,
 * the library made for this, is not in the project's offline Maven repository, and a stochastic
 * fit would make the probe depend on its schedule; see that class.
 */
public final class CheckpointAnalyses implements RunAnalyses {
    /** Training images a probe is fitted on by default. */
    public static final int DEFAULT_TRAIN_IMAGES = 2000;
    /** Test images a probe is scored on by default. */
    public static final int DEFAULT_TEST_IMAGES = 1000;
    /** Test images CKA compares by default. */
    public static final int DEFAULT_SIMILARITY_IMAGES = 500;
    /** Images of the other data set evaluated by default. */
    public static final int DEFAULT_GENERALISATION_IMAGES = 10_000;
    /** Test images searched for the first image of each class for feature maps. */
    private static final int FEATURE_MAP_SEARCH = 1000;

    private final String device;

    /** Analyses on the CPU. */
    public CheckpointAnalyses() {
        this("cpu");
    }

    /** Analyses on {@code device}: {@code cpu}, {@code gpu}, {@code gpu:N} or {@code auto}. */
    public CheckpointAnalyses(String device) {
        this.device = device == null ? "cpu" : device;
    }

    /**
     * The units read for a network cut into {@code modules} (see the class comment), shallow to deep.
     */
    public static List<Unit> readPoints(NetworkPlan plan, List<ModuleSpan> modules) {
        int lastBlock = plan.size() - 2;
        List<Unit> out = new ArrayList<>();
        if (modules.size() <= 1) {
            for (Unit u : plan.blocks()) {
                boolean stageEnd = u.index() == lastBlock || plan.unit(u.index() + 1).stage() != u.stage();
                if (stageEnd) {
                    out.add(u);
                }
            }
            return out;
        }
        for (ModuleSpan m : modules) {
            out.add(plan.unit(Math.min(m.last(), lastBlock)));
        }
        return out;
    }

    private static int[] indices(List<Unit> units) {
        return units.stream().mapToInt(Unit::index).toArray();
    }

    // MLAAN Figure 5: a linear classifier on each module's globally average-pooled output.
    @Override
    public SeparabilityCurve separability(RunRecord run, int trainImages, int testImages, AnalysisProgress progress)
            throws IOException {
        positive("train images", trainImages);
        positive("test images", testImages);
        String name = name(run);
        try (TrainedNetwork net = TrainedNetwork.load(run, device, trainImages, testImages)) {
            List<Unit> units = readPoints(net.plan(), net.modules());
            int[] at = indices(units);
            ImageSet train = net.data().train();
            ImageSet test = net.data().test();
            int n = Math.min(trainImages, train.size());
            int m = Math.min(testImages, test.size());
            float[][] trainX = net.pooledOutputs(train, n, at,
                    f -> progress.update(name + ": reading " + n + " training images", 0.4 * f));
            float[][] testX = net.pooledOutputs(test, m, at,
                    f -> progress.update(name + ": reading " + m + " test images", 0.4 + 0.1 * f));
            int[] trainY = labels(train, n);
            int[] testY = labels(test, m);
            List<SeparabilityPoint> points = new ArrayList<>();
            for (int k = 0; k < units.size(); k++) {
                Unit u = units.get(k);
                progress.update(String.format(Locale.ROOT, "%s: module %d/%d, fitting the linear classifier", name,
                        k + 1, units.size()), 0.5 + 0.5 * k / units.size());
                int features = u.out().channels();
                SoftmaxRegression probe = SoftmaxRegression.fit(trainX[k], trainY, n, features, net.plan().classes(),
                        SoftmaxRegression.DEFAULT_L2);
                points.add(new SeparabilityPoint(k, u.name(), u.index() + 1, features,
                        probe.accuracy(trainX[k], trainY, n), probe.accuracy(testX[k], testY, m)));
            }
            progress.update(name + ": done", 1);
            return new SeparabilityCurve(name, net.method(), n, m, points);
        }
    }

    // MLAAN Figure 6: linear CKA between the run's and the reference's outputs at the same units.
    @Override
    public SimilarityResult similarity(RunRecord run, RunRecord reference, int images, AnalysisProgress progress)
            throws IOException {
        positive("images", images);
        if (images < 2) {
            throw new IllegalArgumentException("images: CKA needs at least 2 images, got " + images);
        }
        String name = name(run);
        List<Unit> units;
        ImageSet test;
        double[][] ours;
        NetworkPlan plan;
        try (TrainedNetwork net = TrainedNetwork.load(run, device, 1, images)) {
            plan = net.plan();
            units = readPoints(plan, net.modules());
            test = net.data().test();
            int n = Math.min(images, test.size());
            ours = net.grams(test, n, indices(units),
                    f -> progress.update(name + ": reading " + n + " test images", 0.45 * f));
        }
        int n = Math.min(images, test.size());
        if (n < 2) {
            throw new IllegalArgumentException(run.dir() + ": CKA needs at least 2 test images, the run has " + n);
        }
        double[][] theirs;
        try (TrainedNetwork ref = TrainedNetwork.load(reference, device, 1, 1)) {
            if (ref.plan().arch() != plan.arch() || !ref.plan().input().equals(plan.input())
                    || ref.plan().classes() != plan.classes()) {
                throw new IllegalArgumentException("reference: " + name(reference) + " is " + ref.plan() + ", "
                        + name + " is " + plan + "; CKA at the same units needs the same network");
            }
            // The reference reads the run's own test images, so both sides see the same pictures.
            theirs = ref.grams(test, n, indices(units),
                    f -> progress.update(name(reference) + ": reading the same " + n + " images", 0.45 + 0.45 * f));
        }
        progress.update(name + ": comparing " + units.size() + " x " + units.size() + " Gram matrices", 0.9);
        int k = units.size();
        double[] same = new double[k];
        double[][] all = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                all[i][j] = LinearCka.fromGrams(ours[i], theirs[j], n);
            }
            same[i] = all[i][i];
        }
        progress.update(name + ": done", 1);
        return new SimilarityResult(name, run.config().methodOrDefault(), name(reference),
                units.stream().map(Unit::name).toList(), same, all, n);
    }

    // MLAAN Table 6: the checkpoint evaluated on another data set with the same classes.
    @Override
    public GeneralisationRow generalisation(RunRecord run, DatasetConfig target, int images,
            AnalysisProgress progress) throws IOException {
        positive("images", images);
        String name = name(run);
        try (TrainedNetwork net = TrainedNetwork.load(run, device, 1, images)) {
            progress.update(name + ": evaluating on its own test set", 0.1);
            double own = net.evaluate(net.data().test()).top1Error();
            progress.update(name + ": opening " + describe(target), 0.4);
            LoadedData other = DataSets.open(target.capped(1, images));
            int classes = net.plan().classes();
            if (other.numClasses() != classes) {
                throw new IllegalArgumentException("target data set: " + describe(target) + " has "
                        + other.numClasses() + " classes, " + name + " was trained on " + classes
                        + "; a checkpoint can only be evaluated on a set with the same classes");
            }
            ImageSet set = other.test().resized(net.plan().input().height(), net.plan().input().width());
            progress.update(name + ": evaluating on " + set.size() + " images of " + describe(target), 0.6);
            double there = net.evaluate(set).top1Error();
            progress.update(name + ": done", 1);
            return new GeneralisationRow(name, net.method(), describe(run.config().dataset()), describe(target), own,
                    there, set.size());
        }
    }

    // MLAAN Figure 4: feature maps of fixed test images, here from the last checkpoint.
    @Override
    public FeatureMapPanel featureMaps(RunRecord run, int images) throws IOException {
        positive("images", images);
        try (TrainedNetwork net = TrainedNetwork.load(run, device, 1, FEATURE_MAP_SEARCH)) {
            return new FeatureMapPanel(name(run), net.method(), net.featureMaps(images));
        }
    }

    /** A data set in a few words: kind, variant when not standard, folder name when read from files. */
    public static String describe(DatasetConfig d) {
        StringBuilder sb = new StringBuilder(d.kindOrDefault().id());
        DatasetVariant v = d.variantOrDefault();
        if (v != DatasetVariant.STANDARD) {
            sb.append(" (").append(v.id()).append(')');
        }
        if (d.path() != null && !d.path().isBlank()) {
            Path file = Path.of(d.path()).getFileName();
            sb.append(' ').append(file == null ? d.path() : file.toString());
        }
        return sb.toString();
    }

    private static String name(RunRecord run) {
        Path file = run.dir().getFileName();
        return file == null ? run.dir().toString() : file.toString();
    }

    private static int[] labels(ImageSet set, int n) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = set.label(i);
        }
        return out;
    }

    private static void positive(String what, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(what + ": expected at least 1, got " + value);
        }
    }
}
