package org.mlaan.lab.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.mlaan.lab.core.config.ConfigException;
import org.mlaan.lab.core.config.ConfigFiles;
import org.mlaan.lab.core.config.ExperimentConfig;
import org.mlaan.lab.core.run.FeatureMaps;
import org.mlaan.lab.core.run.RunFinished;
import org.mlaan.lab.core.run.RunListener;
import org.mlaan.lab.engine.RunOptions;
import org.mlaan.lab.engine.TrainingRun;

/**
 * Run folders of two tiny trained runs, trained once per test JVM and shared by the analysis,
 * engine and command-line tests: ResNet-20 on 64 built-in training and 40 test images, one epoch
 * of four steps, BP and DGL cut into three modules. Each run also kept the feature maps its
 * training tap took after its last step.
 */
public final class TinyTrainedRuns {
    /** Test images of both runs. */
    public static final int TEST_IMAGES = 40;
    private static Path root;
    private static Path bp;
    private static Path dgl;
    private static FeatureMaps bpLastMaps;

    private TinyTrainedRuns() {}

    /** The BP run's folder. */
    public static synchronized Path bp() {
        train();
        return bp;
    }

    /** The DGL run's folder (cuts after 1.2 and 2.2). */
    public static synchronized Path dgl() {
        train();
        return dgl;
    }

    /** The feature maps (3 images) the BP run's tap sent after its last step. */
    public static synchronized FeatureMaps bpLastMaps() {
        train();
        return bpLastMaps;
    }

    /** The config of a tiny run of {@code method}. */
    public static ExperimentConfig config(String name, String method, String split) {
        try {
            return ConfigFiles.parse("""
                    {"name": "%s", "network": {"arch": "resnet20"},
                     "dataset": {"kind": "builtin", "trainSize": 64, "testSize": %d},
                     "method": "%s" %s,
                     "training": {"epochs": 1, "batchSize": 16, "learningRate": 0.05, "warmupEpochs": 0,
                                  "schedule": "constant"},
                     "seed": 3, "device": "cpu"}
                    """.formatted(name, TEST_IMAGES, method, split), name);
        } catch (ConfigException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void train() {
        if (root != null) {
            return;
        }
        try {
            root = Files.createTempDirectory("tiny-trained-runs");
            Runtime.getRuntime().addShutdownHook(new Thread(TinyTrainedRuns::deleteRoot));
            List<FeatureMaps> maps = new ArrayList<>();
            bp = train(config("bp", "BP", ""), maps);
            bpLastMaps = maps.get(maps.size() - 1);
            dgl = train(config("dgl", "DGL", ", \"split\": {\"cutsAfter\": [\"1.2\", \"2.2\"]}"), new ArrayList<>());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ConfigException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path train(ExperimentConfig config, List<FeatureMaps> maps) throws IOException, ConfigException {
        try (TrainingRun run = TrainingRun.create(config, RunOptions.defaults().withOutDir(root))) {
            run.tapFeatureMaps(4, 3);
            RunFinished f = run.run(new RunListener() {
                @Override
                public void onFeatureMaps(FeatureMaps m) {
                    maps.add(m);
                }
            });
            if (f.status() != RunFinished.Status.COMPLETED) {
                throw new IllegalStateException("tiny run " + config.name() + " ended " + f.status() + ": "
                        + f.message());
            }
            return run.runDir();
        }
    }

    private static void deleteRoot() {
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }
}
