package org.mlaan.lab.ui.analysis;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.mlaan.lab.analysis.AnalysisProgress;
import org.mlaan.lab.analysis.RunAnalyses;
import org.mlaan.lab.analysis.result.FeatureMapPanel;
import org.mlaan.lab.analysis.result.GeneralisationRow;
import org.mlaan.lab.analysis.result.SeparabilityCurve;
import org.mlaan.lab.analysis.result.SeparabilityPoint;
import org.mlaan.lab.analysis.result.SimilarityResult;
import org.mlaan.lab.core.config.ConfigException;
import org.mlaan.lab.core.config.ConfigFiles;
import org.mlaan.lab.core.config.DatasetConfig;
import org.mlaan.lab.core.config.ExperimentConfig;
import org.mlaan.lab.core.run.EpochMetrics;
import org.mlaan.lab.core.run.FeatureMaps;
import org.mlaan.lab.core.run.RunFolder;
import org.mlaan.lab.core.run.RunRecord;
import org.mlaan.lab.core.run.RunStatus;

/** Run folders written with the project's own writers, tiny configs, and a fake of the checkpoint analyses. */
final class RunFixtures {
    private static final LocalDateTime WHEN = LocalDateTime.of(2024, 6, 24, 10, 0);

    private RunFixtures() {}

    /**
     * ResNet-20 on 128 built-in images, batch 16, {@code steps} steps in one epoch, on the CPU;
     * local methods cut after 2.0, BP whole.
     */
    static ExperimentConfig tiny(String method, long seed, int steps) {
        String split = method.equals("BP") ? "" : "\"split\": {\"cutsAfter\": [\"2.0\"]},";
        try {
            return ConfigFiles.parse("""
                    {"name": "tiny", "network": {"arch": "resnet20"},
                     "dataset": {"kind": "builtin", "trainSize": 128, "testSize": 32},
                     "method": "%s", %s
                     "training": {"epochs": 1, "batchSize": 16, "stepsPerEpoch": %d, "schedule": "constant"},
                     "seed": %d, "device": "cpu"}
                    """.formatted(method, split, steps, seed), "tiny");
        } catch (ConfigException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A finished run folder under {@code parent}: one epoch row per test error (the best so far
     * alongside), status completed with the last and the best.
     */
    static Path run(Path parent, String method, long seed, double... testErrors) throws IOException {
        ExperimentConfig c = tiny(method, seed, 4).withName(method.replace('+', '_') + "-s" + seed)
                .withTraining(tiny(method, seed, 4).training().withEpochs(testErrors.length));
        try (RunFolder f = RunFolder.create(parent, c.nameOrDefault(), WHEN)) {
            f.writeConfig(c);
            double best = Double.NaN;
            for (int e = 0; e < testErrors.length; e++) {
                best = Double.isNaN(best) ? testErrors[e] : Math.min(best, testErrors[e]);
                f.appendEpoch(new EpochMetrics(e, 1.0, 0.5, testErrors[e], Double.NaN, best, 0.1, 30));
            }
            f.writeStatus(new RunStatus(RunStatus.COMPLETED, "", testErrors.length, testErrors.length,
                    testErrors[testErrors.length - 1], best, null, "2024-06-24T10:05:00"));
            return f.dir();
        }
    }

    /** The checkpoint analyses, made up from each run's name; a run whose name holds {@code failOn} fails. */
    static RunAnalyses fake(String failOn) {
        return new RunAnalyses() {
            @Override
            public SeparabilityCurve separability(RunRecord run, int trainImages, int testImages,
                    AnalysisProgress progress) throws IOException {
                check(run);
                progress.update("module 1/2", 0.5);
                return new SeparabilityCurve(name(run), run.config().methodOrDefault(), trainImages, testImages,
                        List.of(new SeparabilityPoint(0, "2.0", 8, 32, 0.6, 0.5),
                                new SeparabilityPoint(1, "3.2", 19, 64, 0.9, 0.8)));
            }

            @Override
            public SimilarityResult similarity(RunRecord run, RunRecord reference, int images,
                    AnalysisProgress progress) throws IOException {
                check(run);
                return new SimilarityResult(name(run), run.config().methodOrDefault(), name(reference),
                        List.of("2.0", "3.2"), new double[] {0.9, 0.4}, new double[][] {{0.9, 0.3}, {0.5, 0.4}},
                        images);
            }

            @Override
            public GeneralisationRow generalisation(RunRecord run, DatasetConfig target, int images,
                    AnalysisProgress progress) throws IOException {
                check(run);
                return new GeneralisationRow(name(run), run.config().methodOrDefault(), "builtin",
                        "builtin seed " + target.generatorSeedOrDefault(), 0.2, 0.35, images);
            }

            @Override
            public FeatureMapPanel featureMaps(RunRecord run, int images) throws IOException {
                check(run);
                return new FeatureMapPanel(name(run), run.config().methodOrDefault(), maps(images));
            }

            private void check(RunRecord run) throws IOException {
                if (failOn != null && name(run).contains(failOn)) {
                    throw new IOException("no checkpoint");
                }
            }
        };
    }

    private static String name(RunRecord r) {
        return r.dir().getFileName().toString();
    }

    /** {@code n} 8x8 images with 4x4 maps at two units. */
    static FeatureMaps maps(int n) {
        List<FeatureMaps.Image> images = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            float[] rgb = new float[8 * 8 * 3];
            for (int p = 0; p < 64; p++) {
                rgb[p * 3] = (p % 8) / 7f;
                rgb[p * 3 + 2] = k / (float) n;
            }
            List<FeatureMaps.UnitMap> units = new ArrayList<>();
            for (String u : List.of("2.0", "3.2")) {
                float[] mean = new float[16];
                mean[k % 16] = 1;
                List<float[]> top = List.of(mean, mean, mean);
                units.add(new FeatureMaps.UnitMap(u, 16, 4, 4, mean, new int[] {0, 1, 2}, top));
            }
            images.add(new FeatureMaps.Image(k, k, "class" + k, 8, 8, rgb, units));
        }
        return new FeatureMaps(0, 0, List.of("2.0", "3.2"), images);
    }
}
