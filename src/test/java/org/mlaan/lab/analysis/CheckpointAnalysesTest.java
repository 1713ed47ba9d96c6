package org.mlaan.lab.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlaan.lab.analysis.result.FeatureMapPanel;
import org.mlaan.lab.analysis.result.GeneralisationRow;
import org.mlaan.lab.analysis.result.SeparabilityCurve;
import org.mlaan.lab.analysis.result.SeparabilityPoint;
import org.mlaan.lab.analysis.result.SimilarityResult;
import org.mlaan.lab.core.config.DatasetConfig;
import org.mlaan.lab.core.config.Method;
import org.mlaan.lab.core.plan.Arch;
import org.mlaan.lab.core.plan.NetworkPlan;
import org.mlaan.lab.core.plan.Unit;
import org.mlaan.lab.core.run.FeatureMaps;
import org.mlaan.lab.core.run.RunFolderReader;
import org.mlaan.lab.core.run.RunRecord;
import org.mlaan.lab.core.split.ModuleSpan;
import org.mlaan.lab.core.split.Split;
import org.mlaan.lab.core.stats.SoftmaxRegression;
import org.mlaan.lab.engine.TrainedNetwork;

class CheckpointAnalysesTest {
    private final CheckpointAnalyses analyses = new CheckpointAnalyses("cpu");

    @Test
    void readPointsAreModuleEndsWithTheHeadReplacedByTheLastBlockAndStageEndsForBp() throws Exception {
        NetworkPlan plan = NetworkPlan.of(Arch.parse("resnet20"), 32, 10);
        List<ModuleSpan> modules = Split.after("stem", "2.0").resolve(plan);
        assertEquals(List.of("stem", "2.0", "3.2"),
                CheckpointAnalyses.readPoints(plan, modules).stream().map(Unit::name).toList());
        assertEquals(List.of("1.2", "2.2", "3.2"), CheckpointAnalyses.readPoints(plan, Split.none().resolve(plan))
                .stream().map(Unit::name).toList());
    }

    @Test
    void separabilityFitsOneProbePerModuleOnItsPooledOutput() throws Exception {
        RunRecord run = RunFolderReader.read(TinyTrainedRuns.dgl());
        List<Double> fractions = new ArrayList<>();
        SeparabilityCurve curve = analyses.separability(run, 48, 30, (what, f) -> fractions.add(f));
        assertEquals(run.dir().getFileName().toString(), curve.run());
        assertEquals(Method.DGL, curve.method());
        assertEquals(48, curve.trainImages());
        assertEquals(30, curve.testImages());
        List<SeparabilityPoint> p = curve.points();
        assertEquals(List.of("1.2", "2.2", "3.2"), p.stream().map(SeparabilityPoint::afterUnit).toList());
        assertEquals(List.of(4, 7, 10), p.stream().map(SeparabilityPoint::depth).toList(), "stem is depth 1");
        assertEquals(List.of(16, 32, 64), p.stream().map(SeparabilityPoint::features).toList());
        assertEquals(1.0, fractions.get(fractions.size() - 1));

        // The same probe, fitted here on the same pooled features and labels, scores the same.
        try (TrainedNetwork net = TrainedNetwork.load(run, "cpu", 48, 30)) {
            float[] train = net.pooledOutputs(net.data().train(), 48, new int[] {9}, f -> { })[0];
            float[] test = net.pooledOutputs(net.data().test(), 30, new int[] {9}, f -> { })[0];
            int[] trainY = new int[48];
            int[] testY = new int[30];
            for (int i = 0; i < 48; i++) {
                trainY[i] = net.data().train().label(i);
            }
            for (int i = 0; i < 30; i++) {
                testY[i] = net.data().test().label(i);
            }
            SoftmaxRegression probe = SoftmaxRegression.fit(train, trainY, 48, 64, 10, SoftmaxRegression.DEFAULT_L2);
            assertEquals(probe.accuracy(train, trainY, 48), p.get(2).trainAccuracy());
            assertEquals(probe.accuracy(test, testY, 30), p.get(2).testAccuracy());
        }
        // 64 standardised features and weak L2 fit 48 images: a probe that fits nothing is broken.
        assertTrue(p.get(2).trainAccuracy() > 0.9, p.toString());
    }

    @Test
    void aRunIsPerfectlySimilarToItselfAtEveryCut() throws Exception {
        RunRecord run = RunFolderReader.read(TinyTrainedRuns.dgl());
        SimilarityResult s = analyses.similarity(run, run, 30, AnalysisProgress.NONE);
        assertEquals(List.of("1.2", "2.2", "3.2"), s.units());
        assertEquals(30, s.images());
        for (int i = 0; i < 3; i++) {
            assertEquals(1.0, s.sameCut()[i], 1e-9, "cut " + i);
            for (int j = 0; j < 3; j++) {
                assertEquals(s.allPairs()[i][j], s.allPairs()[j][i], 1e-9, "symmetric");
                if (i != j) {
                    assertTrue(s.allPairs()[i][j] < 0.999, "different units differ: " + s.allPairs()[i][j]);
                }
            }
        }
    }

    @Test
    void similarityAgainstBpReadsBpAtTheRunsCuts() throws Exception {
        RunRecord run = RunFolderReader.read(TinyTrainedRuns.dgl());
        RunRecord bp = RunFolderReader.read(TinyTrainedRuns.bp());
        SimilarityResult s = analyses.similarity(run, bp, 30, AnalysisProgress.NONE);
        assertEquals(Method.DGL, s.method());
        assertEquals(bp.dir().getFileName().toString(), s.reference());
        for (int i = 0; i < 3; i++) {
            assertTrue(s.sameCut()[i] > 0 && s.sameCut()[i] < 0.999999, "cut " + i + ": " + s.sameCut()[i]);
            assertEquals(s.allPairs()[i][i], s.sameCut()[i]);
        }
        // Same seed, same init, four steps apart: the stem-near cut is the most alike.
        assertTrue(s.sameCut()[0] > s.sameCut()[2], java.util.Arrays.toString(s.sameCut()));
    }

    @Test
    void generalisationEvaluatesOnTheShiftedVariantWithTheSameLabels() throws Exception {
        RunRecord run = RunFolderReader.read(TinyTrainedRuns.bp());
        DatasetConfig shifted = run.config().dataset().withVariant("shifted");
        GeneralisationRow row = analyses.generalisation(run, shifted, 1000, AnalysisProgress.NONE);
        assertEquals("builtin", row.trainedOn());
        assertEquals("builtin (shifted)", row.evaluatedOn());
        assertEquals(run.status().finalTop1Error(), row.trainedOnError(), "its own test set, as training measured");
        assertEquals(TinyTrainedRuns.TEST_IMAGES, row.images());
        GeneralisationRow same = analyses.generalisation(run, run.config().dataset(), 1000, AnalysisProgress.NONE);
        assertEquals(same.trainedOnError(), same.evaluatedOnError(), "the standard set is the run's own test set");
        assertNotEquals(-1, row.evaluatedOnError());
        assertTrue(row.evaluatedOnError() >= 0 && row.evaluatedOnError() <= 1);
    }

    @Test
    void generalisationResizesLargerImagesAndRefusesOtherClassCounts(@TempDir Path dir) throws Exception {
        RunRecord run = RunFolderReader.read(TinyTrainedRuns.bp());
        writeFolder(dir.resolve("ten"), 10);
        GeneralisationRow row = analyses.generalisation(run,
                new DatasetConfig("folder", dir.resolve("ten").toString(), null, null, 48, null, null), 100,
                AnalysisProgress.NONE);
        assertEquals(10, row.images(), "one 48-pixel image per class, resized to 32");
        assertEquals("folder ten", row.evaluatedOn());

        writeFolder(dir.resolve("two"), 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> analyses.generalisation(run,
                new DatasetConfig("folder", dir.resolve("two").toString(), null, null, 32, null, null), 100,
                AnalysisProgress.NONE));
        assertTrue(e.getMessage().contains("has 2 classes") && e.getMessage().contains("trained on 10"),
                e.getMessage());
    }

    @Test
    void featureMapsFromTheCheckpointAreThoseTrainingTookAfterItsLastStep() throws Exception {
        RunRecord run = RunFolderReader.read(TinyTrainedRuns.bp());
        FeatureMapPanel panel = analyses.featureMaps(run, 3);
        FeatureMaps expected = TinyTrainedRuns.bpLastMaps();
        assertEquals(Method.BP, panel.method());
        assertEquals(expected.globalStep(), panel.maps().globalStep());
        assertEquals(expected.epoch(), panel.maps().epoch(), "the epoch of the last step, as training stamped it");
        assertEquals(expected.units(), panel.maps().units());
        assertEquals(3, panel.maps().images().size());
        for (int k = 0; k < 3; k++) {
            FeatureMaps.Image a = expected.images().get(k);
            FeatureMaps.Image b = panel.maps().images().get(k);
            assertEquals(a.testIndex(), b.testIndex());
            for (int u = 0; u < a.maps().size(); u++) {
                assertArrayEquals(a.maps().get(u).channelMean(), b.maps().get(u).channelMean(), 1e-5f,
                        "image " + k + " unit " + a.maps().get(u).unit());
            }
        }
    }

    private static void writeFolder(Path root, int classes) throws Exception {
        for (String split : new String[] {"train", "test"}) {
            for (int c = 0; c < classes; c++) {
                Path d = root.resolve(split).resolve("class" + c);
                Files.createDirectories(d);
                BufferedImage img = new BufferedImage(40, 40, BufferedImage.TYPE_INT_RGB);
                img.setRGB(c, c, 0xFFFFFF);
                ImageIO.write(img, "png", d.resolve("img.png").toFile());
            }
        }
    }
}
